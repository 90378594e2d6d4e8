//! Break points: a paragraph's spans as pieces that stay together, spaces, and
//! the places inside words where a line may end (after a hard hyphen, or at a
//! hyphenation point with a hyphen added).

use crate::content::{Para, Wrap};
use crate::diagnostic::Diagnostic;
use crate::fonts::Weight;
use crate::layout::Style;
use crate::pages::PlacedGlyph;

use super::{weight_of, Elem, LineBreaker};

/// How one span's words are set.
struct Look {
    weight: Weight,
    /// Font units to points.
    scale: f32,
    wrap: Wrap,
    /// The style hyphenates.
    hyphenate: bool,
}

impl LineBreaker<'_> {
    /// Turn a paragraph's spans into pieces, spaces and break points.
    pub(super) fn elems(
        &mut self,
        para: &Para,
        style: &Style,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<Elem> {
        let mut elems = Vec::new();
        for span in &para.spans {
            let weight = weight_of(style, span.bold);
            let look = Look {
                weight,
                scale: style.size_pt / self.fonts.get(weight).units_per_em,
                wrap: span.wrap,
                hyphenate: style.hyphenate,
            };
            let space = self.glyphs(" ", weight, para, problems);
            let space = space.into_iter().next();
            for (i, word) in span.text.split(' ').enumerate() {
                if i > 0 {
                    if let Some(glyph) = &space {
                        elems.push(Elem::Glue {
                            weight,
                            width: glyph.advance as f32 * look.scale,
                            glyph: glyph.clone(),
                            breakable: span.wrap != Wrap::Never,
                        });
                    }
                }
                if !word.is_empty() {
                    self.word(word, &look, para, problems, &mut elems);
                }
            }
        }
        elems
    }

    /// Where a word may break: byte offsets, each with whether a hyphen is added.
    fn break_points(&self, word: &str, look: &Look) -> Vec<(usize, bool)> {
        let mut points: Vec<(usize, bool)> = Vec::new();
        if look.wrap != Wrap::Never {
            points.extend(hard_hyphen_points(word).into_iter().map(|p| (p, false)));
            if look.wrap == Wrap::Hyphenate && look.hyphenate {
                points.extend(self.hyphenator.points(word).into_iter().map(|p| (p, true)));
            }
            points.sort_unstable();
            points.dedup_by_key(|p| p.0);
        }
        points
    }

    /// Shape a word and split it into pieces at its break points.
    fn word(
        &mut self,
        word: &str,
        look: &Look,
        para: &Para,
        problems: &mut Vec<Diagnostic>,
        elems: &mut Vec<Elem>,
    ) {
        let (weight, scale) = (look.weight, look.scale);
        let glyphs = self.glyphs(word, weight, para, problems);
        let points = self.break_points(word, look);
        let hyphen = if points.iter().any(|p| p.1) {
            let mut dummy = Vec::new();
            self.glyphs("-", weight, para, &mut dummy)
                .into_iter()
                .next()
        } else {
            None
        };
        // Split the shaped word where a glyph starts exactly at a break point, so a
        // ligature across the point keeps the word whole there.
        let mut piece: Vec<PlacedGlyph> = Vec::new();
        let mut cluster_starts = word_cluster_starts(&glyphs, word);
        let mut next_point = points.iter().peekable();
        for (glyph, start) in glyphs.into_iter().zip(cluster_starts.drain(..)) {
            while let Some(&&(p, _)) = next_point.peek() {
                if p < start {
                    next_point.next();
                } else {
                    break;
                }
            }
            if let Some(&&(p, with_hyphen)) = next_point.peek() {
                if p == start && !piece.is_empty() && !glyph.text.is_empty() {
                    next_point.next();
                    push_piece(elems, weight, scale, std::mem::take(&mut piece));
                    let hyphen = with_hyphen
                        .then(|| {
                            hyphen
                                .clone()
                                .map(|h| (weight, h.clone(), h.advance as f32 * scale))
                        })
                        .flatten();
                    elems.push(Elem::Break { hyphen });
                }
            }
            piece.push(glyph);
        }
        push_piece(elems, weight, scale, piece);
    }
}

fn push_piece(elems: &mut Vec<Elem>, weight: Weight, scale: f32, glyphs: Vec<PlacedGlyph>) {
    if glyphs.is_empty() {
        return;
    }
    let width = glyphs.iter().map(|g| g.advance as f32).sum::<f32>() * scale;
    elems.push(Elem::Piece {
        weight,
        glyphs,
        width,
    });
}

/// The byte offset in `word` where each glyph's cluster starts.
fn word_cluster_starts(glyphs: &[PlacedGlyph], word: &str) -> Vec<usize> {
    let mut offset = 0;
    let mut starts = Vec::with_capacity(glyphs.len());
    for g in glyphs {
        starts.push(offset.min(word.len()));
        offset += g.text.len();
    }
    starts
}

/// Byte offsets just after a hard hyphen where a line may break ("e-|post" is too
/// short; "närstående-|centrumet" may break).
fn hard_hyphen_points(word: &str) -> Vec<usize> {
    word.match_indices('-')
        .map(|(i, _)| i + 1)
        .filter(|&i| {
            let before = word[..i - 1]
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count();
            let after = word[i..].chars().take_while(|c| c.is_alphabetic()).count();
            before >= 3 && after >= 3
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_hyphens_break_only_between_long_parts() {
        assert_eq!(hard_hyphen_points("e-post"), Vec::<usize>::new());
        assert_eq!(
            hard_hyphen_points("närstående-centrumet"),
            vec!["närstående-".len()]
        );
    }
}

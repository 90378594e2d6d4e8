//! Break points: a paragraph's spans as pieces that stay together, spaces, and
//! the places inside words where a line may end (after a hard hyphen, or at a
//! hyphenation point with a hyphen added).

use crate::content::{Para, Wrap};
use crate::diagnostic::Diagnostic;
use crate::layout::Style;
use crate::pages::PlacedGlyph;

use super::{weight_of, Elem, Ink, LineBreaker};

/// How one span's words are set.
struct Look {
    ink: Ink,
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
        for (i, span) in para.spans.iter().enumerate() {
            let weight = weight_of(style, span.bold);
            let ink = Ink {
                weight,
                link: i == 0 && span.link.is_some(),
            };
            let look = Look {
                ink,
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
                            ink,
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

    /// Where a word may break, in order.
    fn break_points(&self, word: &str, look: &Look) -> Vec<Point> {
        let plain = |at| Point {
            at,
            hyphen: false,
            penalty: 0.0,
        };
        let mut points: Vec<Point> = match look.wrap {
            Wrap::Never => Vec::new(),
            Wrap::Address => address_points(word),
            Wrap::Words => hard_hyphen_points(word).into_iter().map(plain).collect(),
            Wrap::Hyphenate => {
                let mut points: Vec<Point> =
                    hard_hyphen_points(word).into_iter().map(plain).collect();
                if look.hyphenate {
                    points.extend(self.hyphenator.points(word).into_iter().map(|at| Point {
                        hyphen: true,
                        ..plain(at)
                    }));
                }
                points
            }
        };
        points.sort_by_key(|p| p.at);
        points.dedup_by_key(|p| p.at);
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
        let (ink, weight, scale) = (look.ink, look.ink.weight, look.scale);
        let glyphs = self.glyphs(word, weight, para, problems);
        let points = self.break_points(word, look);
        let hyphen = if points.iter().any(|p| p.hyphen) {
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
            while next_point.peek().is_some_and(|p| p.at < start) {
                next_point.next();
            }
            if let Some(point) = next_point.peek() {
                if point.at == start && !piece.is_empty() && !glyph.text.is_empty() {
                    push_piece(elems, ink, scale, std::mem::take(&mut piece));
                    let hyphen = point
                        .hyphen
                        .then(|| {
                            hyphen
                                .clone()
                                .map(|h| (ink, h.clone(), h.advance as f32 * scale))
                        })
                        .flatten();
                    elems.push(Elem::Break {
                        hyphen,
                        penalty: point.penalty,
                    });
                    next_point.next();
                }
            }
            piece.push(glyph);
        }
        push_piece(elems, ink, scale, piece);
    }
}

/// A place inside a word where a line may end.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    /// Byte offset in the word: the next line starts there.
    at: usize,
    /// A hyphen is added at the end of the line.
    hyphen: bool,
    /// What breaking here costs, besides the line's slack.
    penalty: f32,
}

/// Where an e-mail or web address may break (the Chicago Manual of Style's rules
/// for URLs): after the `//` of a scheme, and before `/`, `@`, `?`, `#`, `.`, `-`,
/// `_`, `=` and `&`, so a line never ends in a mark that could read as the end of
/// the address or as a hyphen. Never inside the scheme (`https://`), never between
/// two marks (`/#`), never leaving fewer than four characters for the last line
/// (`.se` stays with its domain). Breaks before `/` and `@` cost least, then `?`
/// and `#`, then the rest.
fn address_points(text: &str) -> Vec<Point> {
    let after_scheme = text.find("://").map_or(0, |i| i + 3);
    let is_mark = |c: char| "/@?#.-_=&".contains(c);
    let mut points = Vec::new();
    if after_scheme > 0 && text.len() - after_scheme >= 2 {
        points.push(Point {
            at: after_scheme,
            hyphen: false,
            penalty: 5.0,
        });
    }
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let between_marks = prev.is_none_or(is_mark);
        prev = Some(c);
        if i <= after_scheme || between_marks || !is_mark(c) || text[i..].chars().count() < 4 {
            continue;
        }
        let penalty = match c {
            '/' | '@' => 5.0,
            '?' | '#' => 15.0,
            _ => 25.0,
        };
        points.push(Point {
            at: i,
            hyphen: false,
            penalty,
        });
    }
    points
}

fn push_piece(elems: &mut Vec<Elem>, ink: Ink, scale: f32, glyphs: Vec<PlacedGlyph>) {
    if glyphs.is_empty() {
        return;
    }
    let width = glyphs.iter().map(|g| g.advance as f32).sum::<f32>() * scale;
    elems.push(Elem::Piece { ink, glyphs, width });
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

    /// The address cut at its break points.
    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        for p in address_points(text) {
            out.push(&text[start..p.at]);
            start = p.at;
        }
        out.push(&text[start..]);
        out
    }

    #[test]
    fn web_addresses_break_after_the_scheme_and_before_marks() {
        assert_eq!(
            pieces("https://www.haparanda.se/omsorg-och-hjalp/anhorigstod.html"),
            [
                "https://",
                "www",
                ".haparanda",
                ".se",
                "/omsorg",
                "-och",
                "-hjalp",
                "/anhorigstod",
                ".html"
            ]
        );
        assert_eq!(
            pieces("www.a.se/sv/#kontakt?x=1&y=2"),
            ["www", ".a", ".se", "/sv", "/#kontakt", "?x", "=1", "&y=2"]
        );
        // Short ends stay with what comes before them.
        assert_eq!(pieces("www.a.se/sv/"), ["www", ".a", ".se", "/sv/"]);
        assert_eq!(pieces("www.haparanda.se"), ["www", ".haparanda.se"]);
        assert!(
            address_points("https://").is_empty(),
            "not inside the scheme"
        );
    }

    #[test]
    fn email_addresses_break_before_the_at_and_dots() {
        assert_eq!(
            pieces("anna-karin.soderholm@bjorkdala.se"),
            ["anna", "-karin", ".soderholm", "@bjorkdala.se"]
        );
        let points = address_points("anna.berg@asby.se");
        let at = points.iter().find(|p| p.at == 9).expect("a break before @");
        let dot = points.iter().find(|p| p.at == 4).expect("a break before .");
        assert!(at.penalty < dot.penalty, "@ is the better break");
        assert!(points.iter().all(|p| !p.hyphen));
    }

    #[test]
    fn hard_hyphens_break_only_between_long_parts() {
        assert_eq!(hard_hyphen_points("e-post"), Vec::<usize>::new());
        assert_eq!(
            hard_hyphen_points("närstående-centrumet"),
            vec!["närstående-".len()]
        );
    }
}

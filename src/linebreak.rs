//! Line breaking: shape, hyphenate and break one paragraph into lines.
//!
//! - Words are shaped with the font's kerning and ligatures (rustybuzz), and lines
//!   are broken by the real glyph widths.
//! - Lines are ragged right. Breaks are chosen per paragraph (a small Knuth–Plass
//!   style search, not first fit): it evens out the right edge, avoids hyphens and
//!   two hyphenated lines in a row, and avoids a last line with one short word.
//! - Words are hyphenated (see [`crate::hyphenate`]) only in styles that ask for
//!   it; names, phone numbers, e-mail and web addresses are never hyphenated, and
//!   phone numbers, e-mail and web addresses are never broken.

use std::collections::HashMap;
use std::rc::Rc;

use crate::content::{Para, Span, Wrap};
use crate::diagnostic::Diagnostic;
use crate::fonts::{Fonts, ShapedGlyph, Weight};
use crate::hyphenate::Hyphenator;
use crate::layout::Style;
use crate::pages::{GlyphRun, PlacedGlyph};
use crate::typeset::PT_PER_MM;

/// A paragraph broken into lines, not yet placed vertically.
pub struct SetPara {
    /// The lines: runs with their x offsets from the text's start.
    pub lines: Vec<Vec<(f32, GlyphRun)>>,
    /// The label, at x 0 on the first line.
    pub label: Option<GlyphRun>,
    /// Where the text starts (the style's indent when there is a label).
    pub text_x: f32,
}

/// The line breaker's state for one run: shaped words cached.
pub struct LineBreaker<'f> {
    fonts: &'f Fonts,
    hyphenator: &'f Hyphenator,
    shaped: HashMap<(Weight, String), Rc<Vec<ShapedGlyph>>>,
}

/// One element of a paragraph for line breaking.
#[derive(Clone)]
enum Elem {
    /// Glyphs that stay together.
    Piece {
        weight: Weight,
        glyphs: Vec<PlacedGlyph>,
        width: f32,
    },
    /// A space; `breakable` unless inside a no-wrap span.
    Glue {
        weight: Weight,
        glyph: PlacedGlyph,
        width: f32,
        breakable: bool,
    },
    /// A break inside a word: with a hyphen added, or after a hard hyphen (none added).
    Break {
        hyphen: Option<(Weight, PlacedGlyph, f32)>,
    },
}

impl Elem {
    fn width(&self) -> f32 {
        match self {
            Elem::Piece { width, .. } | Elem::Glue { width, .. } => *width,
            Elem::Break { .. } => 0.0,
        }
    }

    fn is_break(&self) -> bool {
        matches!(
            self,
            Elem::Glue {
                breakable: true,
                ..
            } | Elem::Break { .. }
        )
    }

    fn end_width(&self) -> f32 {
        match self {
            Elem::Break {
                hyphen: Some((_, _, w)),
            } => *w,
            _ => 0.0,
        }
    }
}

impl<'f> LineBreaker<'f> {
    /// A line breaker for a run over these fonts and hyphenation rules.
    pub fn new(fonts: &'f Fonts, hyphenator: &'f Hyphenator) -> Self {
        LineBreaker {
            fonts,
            hyphenator,
            shaped: HashMap::new(),
        }
    }

    /// The fonts lines are set in.
    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    /// Break one paragraph into lines of at most `width` points.
    pub fn paragraph(
        &mut self,
        para: &Para,
        style: &Style,
        width: f32,
        misfits: &mut Vec<Diagnostic>,
    ) -> Result<SetPara, Vec<Diagnostic>> {
        let colour_run = |weight, glyphs| GlyphRun {
            weight,
            size: style.size_pt,
            colour: [0.0; 3],
            x: 0.0,
            y: 0.0,
            glyphs,
            tag: Default::default(),
        };
        let mut problems = Vec::new();
        let (label, text_x) = match &para.label {
            None => (None, 0.0),
            Some(span) => {
                let weight = weight_of(style, span.bold);
                let glyphs = self.glyphs(&span.text, weight, para, &mut problems);
                let run = colour_run(weight, glyphs);
                let label_width = run.width(self.fonts.get(weight).units_per_em);
                let indent = style.indent_mm * PT_PER_MM;
                if label_width + 0.25 * style.size_pt > indent {
                    misfits.push(
                        Diagnostic::error(format!(
                            "the label `{}` is {:.1} mm too wide for the label column of style `{}`",
                            span.text,
                            (label_width + 0.25 * style.size_pt - indent) / PT_PER_MM,
                            para.style
                        ))
                        .hint("shorten the label in the locale, or widen the style's `indent_mm` in the layout"),
                    );
                }
                (Some(run), indent)
            }
        };
        let elems = self.elems(para, style, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        let measure = width - text_x;
        let breaks = break_lines(&elems, measure, style.size_pt).map_err(|(start, end)| {
            let text: String = elems[start..end]
                .iter()
                .filter_map(|e| match e {
                    Elem::Piece { glyphs, .. } => {
                        Some(glyphs.iter().map(|g| g.text.as_str()).collect::<String>())
                    }
                    Elem::Glue { .. } => Some(" ".into()),
                    Elem::Break { .. } => None,
                })
                .collect();
            let too_wide: f32 = elems[start..end].iter().map(Elem::width).sum::<f32>() - measure;
            vec![Diagnostic::error(format!(
                "\"{}\" ({}) is {:.1} mm wider than its frame and cannot be broken",
                text.trim(),
                para.source,
                too_wide / PT_PER_MM
            ))
            .hint(
                "shorten it; phone numbers, e-mail and web addresses are never broken across lines",
            )]
        })?;
        let mut lines = Vec::new();
        let mut start = 0;
        for end in breaks {
            lines.push(self.line(&elems[start..end.min(elems.len())], elems.get(end), style));
            start = end + 1;
        }
        Ok(SetPara {
            lines,
            label,
            text_x,
        })
    }

    /// Turn a paragraph's spans into pieces, spaces and break points.
    fn elems(&mut self, para: &Para, style: &Style, problems: &mut Vec<Diagnostic>) -> Vec<Elem> {
        let mut elems = Vec::new();
        for span in &para.spans {
            let weight = weight_of(style, span.bold);
            let scale = style.size_pt / self.fonts.get(weight).units_per_em;
            let space = self.glyphs(" ", weight, para, problems);
            let space = space.into_iter().next();
            for (i, word) in span.text.split(' ').enumerate() {
                if i > 0 {
                    if let Some(glyph) = &space {
                        elems.push(Elem::Glue {
                            weight,
                            width: glyph.advance as f32 * scale,
                            glyph: glyph.clone(),
                            breakable: span.wrap != Wrap::Never,
                        });
                    }
                }
                if word.is_empty() {
                    continue;
                }
                self.word(word, weight, scale, span, style, para, problems, &mut elems);
            }
        }
        elems
    }

    #[allow(clippy::too_many_arguments)]
    fn word(
        &mut self,
        word: &str,
        weight: Weight,
        scale: f32,
        span: &Span,
        style: &Style,
        para: &Para,
        problems: &mut Vec<Diagnostic>,
        elems: &mut Vec<Elem>,
    ) {
        let glyphs = self.glyphs(word, weight, para, problems);
        let mut points: Vec<(usize, bool)> = Vec::new();
        if span.wrap != Wrap::Never {
            points.extend(hard_hyphen_points(word).into_iter().map(|p| (p, false)));
            if span.wrap == Wrap::Hyphenate && style.hyphenate {
                points.extend(self.hyphenator.points(word).into_iter().map(|p| (p, true)));
            }
            points.sort_unstable();
            points.dedup_by_key(|p| p.0);
        }
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

    /// Shape text (cached) and turn it into placed glyphs with their text.
    fn glyphs(
        &mut self,
        text: &str,
        weight: Weight,
        para: &Para,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<PlacedGlyph> {
        let key = (weight, text.to_string());
        let shaped = match self.shaped.get(&key) {
            Some(s) => Rc::clone(s),
            None => {
                let s = Rc::new(self.fonts.get(weight).shape(text));
                self.shaped.insert(key, Rc::clone(&s));
                s
            }
        };
        if let Some(c) = text.chars().find(|c| is_right_to_left(*c)) {
            problems.push(
                Diagnostic::error(format!(
                    "{} is written right to left (`{c}`, U+{:04X}), which leaflet cannot set yet",
                    para.source, c as u32
                ))
                .hint("right-to-left languages (Arabic, Hebrew, Persian, Urdu) come in a later version"),
            );
            return Vec::new();
        }
        let mut out = Vec::with_capacity(shaped.len());
        for (i, g) in shaped.iter().enumerate() {
            let end = shaped[i + 1..]
                .iter()
                .map(|n| n.cluster)
                .find(|c| *c > g.cluster)
                .unwrap_or(text.len());
            let first_of_cluster = i == 0 || shaped[i - 1].cluster != g.cluster;
            let chars = if first_of_cluster {
                &text[g.cluster..end]
            } else {
                ""
            };
            if g.id == 0 {
                let c = text[g.cluster..].chars().next().unwrap_or('?');
                problems.push(
                    Diagnostic::error(format!(
                        "the font `{}` has no glyph for `{c}` (U+{:04X}) in {}",
                        self.fonts.get(weight).file,
                        c as u32,
                        para.source
                    ))
                    .hint("replace the character, or use a font that has it"),
                );
            }
            out.push(PlacedGlyph {
                id: g.id,
                advance: g.advance,
                text: chars.into(),
            });
        }
        out
    }

    /// Lay out one line's elements into runs of one weight, with x offsets.
    fn line(&self, elems: &[Elem], end: Option<&Elem>, style: &Style) -> Vec<(f32, GlyphRun)> {
        let mut runs: Vec<(f32, GlyphRun)> = Vec::new();
        let mut x = 0.0;
        let mut push = |weight: Weight, glyph: &PlacedGlyph, width: f32| {
            match runs.last_mut() {
                Some((_, run)) if run.weight == weight => run.glyphs.push(glyph.clone()),
                _ => runs.push((
                    x,
                    GlyphRun {
                        weight,
                        size: style.size_pt,
                        colour: [0.0; 3],
                        x: 0.0,
                        y: 0.0,
                        glyphs: vec![glyph.clone()],
                        tag: Default::default(),
                    },
                )),
            }
            x += width;
        };
        let scale = |w: Weight| style.size_pt / self.fonts.get(w).units_per_em;
        for e in elems {
            match e {
                Elem::Piece { weight, glyphs, .. } => {
                    for g in glyphs {
                        push(*weight, g, g.advance as f32 * scale(*weight));
                    }
                }
                Elem::Glue {
                    weight,
                    glyph,
                    width,
                    ..
                } => push(*weight, glyph, *width),
                Elem::Break { .. } => {}
            }
        }
        match end {
            Some(Elem::Break {
                hyphen: Some((weight, glyph, width)),
            }) => push(*weight, glyph, *width),
            // The space a line breaks at stays at its end, unseen, so that text
            // taken from the PDF (copying, screen readers) keeps its words apart.
            Some(Elem::Glue {
                weight,
                glyph,
                width,
                ..
            }) => push(*weight, glyph, *width),
            _ => {}
        }
        runs
    }
}

/// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms), which this typesetter cannot set yet.
pub fn is_right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
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

/// The face a style (or a bold span in it) is set in.
pub fn weight_of(style: &Style, bold: bool) -> Weight {
    if style.bold || bold {
        Weight::Bold
    } else {
        Weight::Regular
    }
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

/// Choose where lines end: indices into `elems` of the break elements, the last
/// being `elems.len()`. On failure, the range of elements that cannot fit.
fn break_lines(elems: &[Elem], measure: f32, size: f32) -> Result<Vec<usize>, (usize, usize)> {
    const HYPHEN_PENALTY: f32 = 50.0;
    const DOUBLE_HYPHEN_PENALTY: f32 = 100.0;
    const RUNT_PENALTY: f32 = 25.0;
    let n = elems.len();
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push(0.0f32);
    for e in elems {
        prefix.push(prefix.last().copied().unwrap_or(0.0) + e.width());
    }
    // Candidate line ends: every break element, and the paragraph's end.
    let ends: Vec<usize> = (0..n)
        .filter(|&i| elems[i].is_break())
        .chain(std::iter::once(n))
        .collect();
    let mut best: Vec<(f32, Option<usize>)> = vec![(f32::INFINITY, None); ends.len()];
    let hyphenated = |k: usize| matches!(elems.get(k), Some(Elem::Break { hyphen: Some(_) }));
    for (j, &end) in ends.iter().enumerate() {
        let is_last = end == n;
        // Lines start at 0 or just after an earlier end.
        for i in (0..=j).rev() {
            let (start, prev_cost, prev) = if i == 0 {
                (0, 0.0, None)
            } else {
                let k = ends[i - 1];
                (k + 1, best[i - 1].0, Some(k))
            };
            if i > 0 && start > end {
                continue;
            }
            let width =
                prefix[end] - prefix[start.min(end)] + elems.get(end).map_or(0.0, Elem::end_width);
            if width > measure + 0.01 {
                break; // starting earlier only makes the line longer
            }
            if !prev_cost.is_finite() {
                continue;
            }
            let slack = (measure - width) / size;
            let mut cost = if is_last { 0.0 } else { slack * slack };
            if hyphenated(end) {
                cost += HYPHEN_PENALTY;
                if prev.is_some_and(hyphenated) {
                    cost += DOUBLE_HYPHEN_PENALTY;
                }
            }
            if is_last
                && i > 0
                && width < 4.0 * size
                && (start..end)
                    .filter(|&k| matches!(elems[k], Elem::Piece { .. }))
                    .count()
                    <= 1
            {
                cost += RUNT_PENALTY;
            }
            let total = prev_cost + cost;
            if total < best[j].0 {
                best[j] = (total, if i == 0 { None } else { Some(i - 1) });
            }
        }
    }
    let last = ends.len() - 1;
    if !best[last].0.is_finite() {
        // Find a stretch between two break opportunities wider than the measure.
        let mut start = 0;
        for &end in &ends {
            if prefix[end] - prefix[start] > measure + 0.01 {
                return Err((start, end));
            }
            start = end + 1;
        }
        return Err((0, n));
    }
    let mut result = Vec::new();
    let mut j = Some(last);
    while let Some(k) = j {
        result.push(ends[k]);
        j = best[k].1;
    }
    result.reverse();
    Ok(result)
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

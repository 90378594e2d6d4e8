//! Line breaking: shape, hyphenate and break one paragraph into lines.
//!
//! - Words are shaped with the font's kerning and ligatures (rustybuzz), and lines
//!   are broken by the real glyph widths (`shape`).
//! - A paragraph becomes pieces that stay together, spaces and break points
//!   (`points`): words are hyphenated (see [`crate::hyphenate`]) only in styles
//!   that ask for it; names, phone numbers, e-mail and web addresses are never
//!   hyphenated. E-mail and web addresses break where typographers break them,
//!   before a `/`, `.` or `@` and the like, with no hyphen added; phone numbers
//!   never break; the space inside "971 28" or after "kl." in "kl. 9" breaks
//!   only where nothing else fits.
//! - Breaks are chosen per paragraph (`breaks`: a small Knuth–Plass style
//!   search, not first fit): it evens out the ragged edge, avoids hyphens and two
//!   hyphenated lines in a row, and avoids a last line with one short word.
//! - Right-to-left text (Arabic, Hebrew) and mixed text are broken in the text's
//!   order and each line put in visual order (`bidi`); a line says where its ink
//!   starts and ends, so that it can be set flush left or flush right.

mod bidi;
mod breaks;
mod points;
mod shape;

use std::collections::HashMap;

use crate::content::Para;
use crate::diagnostic::Diagnostic;
use crate::fonts::{FaceId, Fonts, Weight};
use crate::hyphenate::Hyphenator;
use crate::layout::Style;
use crate::messages::msg;
use crate::pages::{GlyphRun, PlacedGlyph};
use crate::units::{excess_mm, pt};

pub use bidi::starts_right_to_left;
pub use shape::is_right_to_left;

/// A paragraph broken into lines, not yet placed vertically.
pub struct SetPara {
    /// The lines, in visual order.
    pub lines: Vec<Line>,
    /// The label (a bullet, "Telefon", a helpline's number) in visual order from
    /// x 0, on the first line or above the text; empty for none.
    pub label: Vec<LineRun>,
    /// The label's width.
    pub label_width: f32,
    /// The label stands on a line of its own above the text.
    pub label_above: bool,
    /// Where the text starts (the style's indent when there is a label beside it).
    pub text_x: f32,
    /// A label wider than its column: the paragraph is set, but the leaflet is not
    /// made (a warning in preview).
    pub misfits: Vec<Diagnostic>,
}

/// One line: its runs left to right from x 0, and where its ink lies (a space
/// a line breaks at stays in it, unseen).
pub struct Line {
    /// The runs.
    pub runs: Vec<LineRun>,
    /// The left edge of its ink.
    pub ink_left: f32,
    /// The right edge of its ink.
    pub ink_right: f32,
}

/// A run of a line: glyphs of one face, from one link or from none.
pub struct LineRun {
    /// Where it starts, from the line's left end.
    pub x: f32,
    /// The glyphs.
    pub run: GlyphRun,
    /// They are the paragraph's link (its first span's text).
    pub link: bool,
}

/// How glyphs look and what they are part of: runs of a line change where this
/// does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ink {
    face: FaceId,
    /// Part of the paragraph's link.
    link: bool,
}

/// Shaped text as cached: by weight, direction and text.
type ShapeCache = HashMap<(Weight, bool, String), shape::Cached>;

/// The line breaker's state for one run: shaped words cached.
pub struct LineBreaker<'f> {
    fonts: &'f Fonts,
    hyphenator: &'f Hyphenator,
    /// The text's language, for shaping.
    lang: Option<String>,
    shaped: ShapeCache,
}

/// One element of a paragraph for line breaking.
#[derive(Clone)]
enum Elem {
    /// Glyphs that stay together (left to right), at an embedding level (odd:
    /// right to left).
    Piece {
        ink: Ink,
        glyphs: Vec<PlacedGlyph>,
        width: f32,
        level: u8,
    },
    /// A space; `break_cost` is what breaking here costs, `None` inside a no-wrap
    /// span, where a line never breaks.
    Glue {
        ink: Ink,
        glyph: PlacedGlyph,
        width: f32,
        break_cost: Option<f32>,
        level: u8,
    },
    /// A break inside a word: with a hyphen added, or none added (after a hard
    /// hyphen or an en dash, after an Ethiopic wordspace, or inside an address);
    /// `penalty` is what breaking here costs.
    Break {
        hyphen: Option<(Ink, PlacedGlyph, f32)>,
        penalty: f32,
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
                break_cost: Some(_),
                ..
            } | Elem::Break { .. }
        )
    }

    /// The width a line ending here gets (an added hyphen).
    fn end_width(&self) -> f32 {
        match self {
            Elem::Break {
                hyphen: Some((_, _, w)),
                ..
            } => *w,
            _ => 0.0,
        }
    }
}

impl<'f> LineBreaker<'f> {
    /// A line breaker for a run over these fonts and hyphenation rules, for
    /// text in `lang` (which picks language-specific forms in shaping).
    pub fn new(fonts: &'f Fonts, hyphenator: &'f Hyphenator, lang: Option<&str>) -> Self {
        LineBreaker {
            fonts,
            hyphenator,
            lang: lang.map(str::to_string),
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
    ) -> Result<SetPara, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut misfits = Vec::new();
        let (label, label_width, text_x) = match &para.label {
            None => (Vec::new(), 0.0, 0.0),
            Some(span) => {
                let weight = weight_of(style, span.bold);
                let (label, label_width) =
                    self.label(&span.text, weight, style, para, &mut problems);
                let indent = pt(style.indent_mm);
                if label_width + 0.25 * style.size_pt > indent {
                    misfits.push(
                        Diagnostic::error(
                            msg("typeset-label-too-wide")
                                .arg("label", &span.text)
                                .arg(
                                    "over",
                                    excess_mm(label_width + 0.25 * style.size_pt - indent),
                                )
                                .arg("style", &para.style),
                        )
                        .hint(msg("hint-label-too-wide")),
                    );
                }
                (label, label_width, indent)
            }
        };
        let elems = self.elems(para, style, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        let measure = width - text_x;
        let beside = breaks::break_lines(&elems, measure, style.size_pt);
        let above = || breaks::break_lines(&elems, width, style.size_pt);
        // A label that is a word ("Telefon", "112") stands above its value where
        // that takes fewer lines (an address broken again and again in a narrow
        // column) or as many and spares a last-resort break ("Bg 123 45 67 89 01
        // 23 45 67" whole under its label). Any label, a bullet too, stands above
        // where the value cannot be set beside it at all.
        let word_label = para
            .label
            .as_ref()
            .is_some_and(|l| l.text.chars().any(char::is_alphanumeric));
        let (breaks, text_x, label_above) = match (beside, !label.is_empty()) {
            (Ok(b), true) if word_label && (b.ends.len() > 2 || b.last_resort) => match above() {
                Ok(a)
                    if a.ends.len() + 1 < b.ends.len()
                        || (a.ends.len() + 1 == b.ends.len()
                            && b.last_resort
                            && !a.last_resort) =>
                {
                    (a, 0.0, true)
                }
                _ => (b, text_x, false),
            },
            (Ok(b), _) => (b, text_x, false),
            // Too wide even under its label: by how much it is wider than the
            // whole frame, which is what the user has to take away.
            (Err(_), true) => match above() {
                Ok(a) => (a, 0.0, true),
                Err((start, end)) => {
                    return Err(vec![unbreakable(&elems[start..end], width, para)])
                }
            },
            (Err((start, end)), false) => {
                return Err(vec![unbreakable(&elems[start..end], measure, para)])
            }
        };
        let base = u8::from(para.rtl);
        let mut lines = Vec::new();
        let mut start = 0;
        for end in breaks.ends {
            let line = &elems[start..end.min(elems.len())];
            lines.push(self.line(line, elems.get(end), style, base));
            start = end + 1;
        }
        Ok(SetPara {
            lines,
            label,
            label_width,
            label_above,
            text_x,
            misfits,
        })
    }

    /// A label (one short text, never broken) shaped in its own direction: its
    /// runs left to right from x 0, and its width.
    fn label(
        &mut self,
        text: &str,
        weight: Weight,
        style: &Style,
        para: &Para,
        problems: &mut Vec<Diagnostic>,
    ) -> (Vec<LineRun>, f32) {
        let rtl = starts_right_to_left(text);
        let mut parts = self.shape(text, weight, rtl, para, problems);
        if rtl {
            parts.reverse();
        }
        let mut runs = Vec::new();
        let mut x = 0.0;
        for part in parts {
            let run = glyph_run(part.face, style, part.glyphs);
            let width = run.width(self.fonts.get(part.face).units_per_em);
            runs.push(LineRun {
                x,
                run,
                link: false,
            });
            x += width;
        }
        (runs, x)
    }

    /// Lay out one line's elements, in visual order (a paragraph at level
    /// `base`), into runs of one face and link, with x offsets from its left end.
    fn line(&self, elems: &[Elem], end: Option<&Elem>, style: &Style, base: u8) -> Line {
        // What the line shows, in text order, with its embedding level; the
        // hyphen a break adds, or the space a line breaks at, at its end. That
        // space stays in the line, unseen, so that text taken from the PDF
        // (copying, screen readers) keeps its words apart.
        let mut shown: Vec<(&Elem, u8, bool)> = elems
            .iter()
            .filter_map(|e| match e {
                Elem::Piece { level, .. } | Elem::Glue { level, .. } => Some((e, *level, true)),
                Elem::Break { .. } => None,
            })
            .collect();
        match end {
            Some(
                e @ Elem::Break {
                    hyphen: Some(_), ..
                },
            ) => shown.push((e, shown.last().map_or(base, |s| s.1), true)),
            Some(e @ Elem::Glue { .. }) => shown.push((e, base, false)),
            _ => {}
        }
        let levels: Vec<u8> = shown.iter().map(|s| s.1).collect();
        let order = bidi::visual_order(&levels);
        let mut runs: Vec<LineRun> = Vec::new();
        let mut x = 0.0;
        let (mut ink_left, mut ink_right) = (f32::INFINITY, 0.0f32);
        let scale = |face: FaceId| style.size_pt / self.fonts.get(face).units_per_em;
        let mut push = |x: &mut f32, ink: Ink, glyph: &PlacedGlyph, width: f32| {
            match runs.last_mut() {
                Some(last) if last.run.face == ink.face && last.link == ink.link => {
                    last.run.glyphs.push(glyph.clone());
                }
                _ => runs.push(LineRun {
                    x: *x,
                    run: glyph_run(ink.face, style, vec![glyph.clone()]),
                    link: ink.link,
                }),
            }
            *x += width;
        };
        for (e, _, seen) in order.iter().map(|&i| shown[i]) {
            let start = x;
            match e {
                Elem::Piece { ink, glyphs, .. } => {
                    let scale = scale(ink.face);
                    for g in glyphs {
                        push(&mut x, *ink, g, g.advance as f32 * scale);
                    }
                }
                Elem::Glue {
                    ink, glyph, width, ..
                }
                | Elem::Break {
                    hyphen: Some((ink, glyph, width)),
                    ..
                } => push(&mut x, *ink, glyph, *width),
                Elem::Break { .. } => {}
            }
            if seen {
                ink_left = ink_left.min(start);
                ink_right = ink_right.max(x);
            }
        }
        Line {
            runs,
            ink_left: if ink_left.is_finite() { ink_left } else { 0.0 },
            ink_right,
        }
    }
}

/// A run of glyphs in a style's size, not yet placed or coloured.
fn glyph_run(face: FaceId, style: &Style, glyphs: Vec<PlacedGlyph>) -> GlyphRun {
    GlyphRun {
        face,
        size: style.size_pt,
        colour: [0.0; 3],
        x: 0.0,
        y: 0.0,
        glyphs,
        tag: Default::default(),
    }
}

/// The error for elements between two break opportunities wider than the measure.
fn unbreakable(elems: &[Elem], measure: f32, para: &Para) -> Diagnostic {
    let text: String = elems
        .iter()
        .filter_map(|e| match e {
            Elem::Piece { glyphs, .. } => {
                Some(glyphs.iter().map(|g| g.text.as_str()).collect::<String>())
            }
            Elem::Glue { .. } => Some(" ".into()),
            Elem::Break { .. } => None,
        })
        .collect();
    let too_wide: f32 = elems.iter().map(Elem::width).sum::<f32>() - measure;
    Diagnostic::error(
        msg("typeset-unbreakable")
            .arg("text", text.trim())
            .arg("origin", para.source.said())
            .arg("over", excess_mm(too_wide)),
    )
    .field(para.source.id())
    .hint(msg("hint-unbreakable"))
}

/// The face a style (or a bold span in it) is set in.
pub fn weight_of(style: &Style, bold: bool) -> Weight {
    if style.bold || bold {
        Weight::Bold
    } else {
        Weight::Regular
    }
}

//! Line breaking: shape, hyphenate and break one paragraph into lines.
//!
//! - Words are shaped with the font's kerning and ligatures (rustybuzz), and lines
//!   are broken by the real glyph widths (`shape`).
//! - A paragraph becomes pieces that stay together, spaces and break points
//!   (`points`): words are hyphenated (see [`crate::hyphenate`]) only in styles
//!   that ask for it; names, phone numbers, e-mail and web addresses are never
//!   hyphenated. E-mail and web addresses break where typographers break them,
//!   before a `/`, `.` or `@` and the like, with no hyphen added; phone numbers
//!   never break.
//! - Lines are ragged right. Breaks are chosen per paragraph (`breaks`: a small
//!   Knuth–Plass style search, not first fit): it evens out the right edge, avoids
//!   hyphens and two hyphenated lines in a row, and avoids a last line with one
//!   short word.

mod breaks;
mod points;
mod shape;

use std::collections::HashMap;
use std::rc::Rc;

use crate::content::Para;
use crate::diagnostic::Diagnostic;
use crate::fonts::{Fonts, ShapedGlyph, Weight};
use crate::hyphenate::Hyphenator;
use crate::layout::Style;
use crate::messages::msg;
use crate::pages::{GlyphRun, PlacedGlyph};
use crate::units::{mm, pt};

pub use shape::is_right_to_left;

/// A paragraph broken into lines, not yet placed vertically.
pub struct SetPara {
    /// The lines: runs with their x offsets from the text's start.
    pub lines: Vec<Vec<LineRun>>,
    /// The label, at x 0 on the first line, or above the text.
    pub label: Option<GlyphRun>,
    /// The label stands on a line of its own above the text.
    pub label_above: bool,
    /// Where the text starts (the style's indent when there is a label beside it).
    pub text_x: f32,
    /// A label wider than its column: the paragraph is set, but the leaflet is not
    /// made (a warning in preview).
    pub misfits: Vec<Diagnostic>,
}

/// A run of a line: glyphs of one face, from one link or from none.
pub struct LineRun {
    /// Where it starts, from the text's start.
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
    weight: Weight,
    /// Part of the paragraph's link.
    link: bool,
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
        ink: Ink,
        glyphs: Vec<PlacedGlyph>,
        width: f32,
    },
    /// A space; `breakable` unless inside a no-wrap span.
    Glue {
        ink: Ink,
        glyph: PlacedGlyph,
        width: f32,
        breakable: bool,
    },
    /// A break inside a word: with a hyphen added, or none added (after a hard
    /// hyphen, or inside an address); `penalty` is what breaking here costs.
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
                breakable: true,
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
    ) -> Result<SetPara, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut misfits = Vec::new();
        let (label, text_x) = match &para.label {
            None => (None, 0.0),
            Some(span) => {
                let weight = weight_of(style, span.bold);
                let glyphs = self.glyphs(&span.text, weight, para, &mut problems);
                let run = glyph_run(weight, style, glyphs);
                let label_width = run.width(self.fonts.get(weight).units_per_em);
                let indent = pt(style.indent_mm);
                if label_width + 0.25 * style.size_pt > indent {
                    misfits.push(
                        Diagnostic::error(
                            msg("typeset-label-too-wide")
                                .arg("label", &span.text)
                                .arg("over", mm(label_width + 0.25 * style.size_pt - indent))
                                .arg("style", &para.style),
                        )
                        .hint(msg("hint-label-too-wide")),
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
        let beside = breaks::break_lines(&elems, measure, style.size_pt);
        let above = || breaks::break_lines(&elems, width, style.size_pt).ok();
        // The label stands above its value where that takes fewer lines (an
        // address broken again and again in a narrow column) or where the value
        // cannot be set beside it at all.
        let (ends, text_x, label_above) = match (beside, label.is_some()) {
            (Ok(b), true) if b.len() > 2 => match above() {
                Some(a) if a.len() + 1 < b.len() => (a, 0.0, true),
                _ => (b, text_x, false),
            },
            (Ok(b), _) => (b, text_x, false),
            (Err(range), true) => match above() {
                Some(a) => (a, 0.0, true),
                None => return Err(vec![unbreakable(&elems[range.0..range.1], measure, para)]),
            },
            (Err((start, end)), false) => {
                return Err(vec![unbreakable(&elems[start..end], measure, para)])
            }
        };
        let mut lines = Vec::new();
        let mut start = 0;
        for end in ends {
            lines.push(self.line(&elems[start..end.min(elems.len())], elems.get(end), style));
            start = end + 1;
        }
        Ok(SetPara {
            lines,
            label,
            label_above,
            text_x,
            misfits,
        })
    }

    /// Lay out one line's elements into runs of one face and link, with x offsets.
    fn line(&self, elems: &[Elem], end: Option<&Elem>, style: &Style) -> Vec<LineRun> {
        let mut runs: Vec<LineRun> = Vec::new();
        let mut x = 0.0;
        let mut push = |ink: Ink, glyph: &PlacedGlyph, width: f32| {
            match runs.last_mut() {
                Some(last) if last.run.weight == ink.weight && last.link == ink.link => {
                    last.run.glyphs.push(glyph.clone());
                }
                _ => runs.push(LineRun {
                    x,
                    run: glyph_run(ink.weight, style, vec![glyph.clone()]),
                    link: ink.link,
                }),
            }
            x += width;
        };
        let scale = |w: Weight| style.size_pt / self.fonts.get(w).units_per_em;
        for e in elems {
            match e {
                Elem::Piece { ink, glyphs, .. } => {
                    for g in glyphs {
                        push(*ink, g, g.advance as f32 * scale(ink.weight));
                    }
                }
                Elem::Glue {
                    ink, glyph, width, ..
                } => push(*ink, glyph, *width),
                Elem::Break { .. } => {}
            }
        }
        match end {
            Some(Elem::Break {
                hyphen: Some((ink, glyph, width)),
                ..
            }) => push(*ink, glyph, *width),
            // The space a line breaks at stays at its end, unseen, so that text
            // taken from the PDF (copying, screen readers) keeps its words apart.
            Some(Elem::Glue {
                ink, glyph, width, ..
            }) => push(*ink, glyph, *width),
            _ => {}
        }
        runs
    }
}

/// A run of glyphs in a style's size, not yet placed or coloured.
fn glyph_run(weight: Weight, style: &Style, glyphs: Vec<PlacedGlyph>) -> GlyphRun {
    GlyphRun {
        weight,
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
            .arg("over", mm(too_wide)),
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

//! Shaping: turn text into the font's glyphs (kerning and ligatures applied),
//! each with the characters it stands for, so that copying and search give the
//! real text. Text a font cannot draw, and right-to-left text, is reported.

use std::rc::Rc;

use crate::content::Para;
use crate::diagnostic::Diagnostic;
use crate::fonts::Weight;
use crate::messages::msg;
use crate::pages::PlacedGlyph;

use super::LineBreaker;

impl LineBreaker<'_> {
    /// Shape text (cached) and turn it into placed glyphs with their text.
    pub(super) fn glyphs(
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
                Diagnostic::error(
                    msg("typeset-right-to-left")
                        .arg("origin", para.source.said())
                        .arg("char", c.to_string())
                        .arg("code", format!("{:04X}", c as u32)),
                )
                .field(para.source.id())
                .hint(msg("hint-right-to-left")),
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
                    Diagnostic::error(
                        msg("typeset-no-glyph")
                            .arg("font", &self.fonts.get(weight).file)
                            .arg("char", c.to_string())
                            .arg("code", format!("{:04X}", c as u32))
                            .arg("origin", para.source.said()),
                    )
                    .field(para.source.id())
                    .hint(msg("hint-no-glyph")),
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
}

/// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms), which this typesetter cannot set yet.
pub fn is_right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

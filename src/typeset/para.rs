//! Paragraphs: place a paragraph's lines (broken by [`super::linebreak`]) one
//! below the other, each baseline centred in its line's height as the font's
//! ascender and descender say, the label (a bullet, "Telefon") on the first line.

use crate::content::Para;
use crate::diagnostic::Diagnostic;
use crate::layout::{Layout, Style};
use crate::pages::{GlyphRun, Item};
use crate::structure::{Key, Part, Tag};

use super::linebreak::weight_of;
use super::Setter;

/// A paragraph's lines placed from its top (y 0 at its top, growing downwards).
pub(super) struct PlacedPara {
    /// What its items are tagged as.
    pub key: Key,
    /// The label and the lines' runs.
    pub items: Vec<Item>,
    /// Its height: its lines times the line height.
    pub height: f32,
    /// A label too wide for its column.
    pub misfits: Vec<Diagnostic>,
}

impl Setter<'_> {
    /// Break a paragraph into lines `width` wide and place them, tagged as `key`.
    pub(super) fn para(
        &mut self,
        para: &Para,
        style: &Style,
        layout: &Layout,
        width: f32,
        key: Key,
    ) -> Result<PlacedPara, Vec<Diagnostic>> {
        let set = self.lines.paragraph(para, style, width)?;
        let colour = layout.colour(&style.colour).0;
        let line_height = style.size_pt * style.leading;
        let font = self.lines.fonts().get(weight_of(style, false));
        let glyph_height = (font.ascender - font.descender) / font.units_per_em * style.size_pt;
        let ascent = font.ascender / font.units_per_em * style.size_pt;
        let baseline_in_line = (line_height - glyph_height) / 2.0 + ascent;
        let placed = |x: f32, baseline: f32, run: &GlyphRun, part: Part| {
            Item::Text(GlyphRun {
                colour,
                x,
                y: baseline,
                tag: Tag::Content(key, part),
                ..run.clone()
            })
        };
        let mut items = Vec::new();
        let mut y = 0.0;
        for (i, line) in set.lines.iter().enumerate() {
            let baseline = y + baseline_in_line;
            if let (0, Some(label)) = (i, &set.label) {
                items.push(placed(0.0, baseline, label, Part::Label));
            }
            for (x, run) in line {
                items.push(placed(set.text_x + x, baseline, run, Part::Text));
            }
            y += line_height;
        }
        Ok(PlacedPara {
            key,
            items,
            height: y,
            misfits: set.misfits,
        })
    }
}

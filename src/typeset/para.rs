//! Paragraphs: place a paragraph's lines (broken by [`super::linebreak`]) one
//! below the other, each baseline centred in its line's height as the font's
//! ascender and descender say, the label (a bullet, "Telefon") on the first line
//! (or on a line of its own above, where the line breaker put it there),
//! and over each line's part of the paragraph's link (a phone number, e-mail or
//! web address) a link box as tall as the line.
//!
//! Lines are flush with the side the document's text starts from: the left, or
//! the right in a right-to-left language, where the label stands at the right
//! and the text ends at the indent from it; the other side is ragged.

use crate::content::{Link, Para};
use crate::diagnostic::Diagnostic;
use crate::layout::{Layout, Style};
use crate::pages::{GlyphRun, Item, LinkBox};
use crate::structure::{Key, Part, Tag};

use super::linebreak::{weight_of, Line, LineRun};
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
    /// The link over a line's linked runs (their ink, not a space they end with),
    /// as tall as the line, if the line has any.
    fn link_box(
        &self,
        line: &[LineRun],
        line_x: f32,
        top: f32,
        height: f32,
        link: &Link,
        key: Key,
    ) -> Option<Item> {
        let fonts = self.lines.fonts();
        let spans: Vec<(f32, f32)> = line
            .iter()
            .filter(|r| r.link)
            .map(|r| {
                let inked = r
                    .run
                    .glyphs
                    .iter()
                    .rposition(|g| g.text != " ")
                    .map_or(0, |i| i + 1);
                let advance: f32 = r.run.glyphs[..inked].iter().map(|g| g.advance as f32).sum();
                let width = advance * r.run.size / fonts.get(r.run.face).units_per_em;
                (line_x + r.x, line_x + r.x + width)
            })
            .collect();
        let x0 = spans.iter().map(|s| s.0).reduce(f32::min)?;
        let x1 = spans.iter().map(|s| s.1).reduce(f32::max)?;
        Some(Item::Link(LinkBox {
            x: x0,
            y: top,
            width: x1 - x0,
            height,
            uri: link.uri.clone(),
            alt: link.alt.clone(),
            tag: Tag::Content(key, Part::Link),
        }))
    }

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
        let font = self.lines.fonts().get(weight_of(style, false).into());
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
        let link = para.spans.first().and_then(|s| s.link.as_ref());
        // Where the label and each line start, from the frame's left edge.
        let label_x = if self.rtl {
            width - set.label_width
        } else {
            0.0
        };
        let line_x = |line: &Line| {
            if self.rtl {
                width - set.text_x - line.ink_right
            } else {
                set.text_x - line.ink_left
            }
        };
        let mut items = Vec::new();
        let mut y = 0.0;
        let label = |items: &mut Vec<Item>, baseline: f32| {
            for r in &set.label {
                items.push(placed(label_x + r.x, baseline, &r.run, Part::Label));
            }
        };
        if set.label_above {
            label(&mut items, baseline_in_line);
            y += line_height;
        }
        for (i, line) in set.lines.iter().enumerate() {
            let baseline = y + baseline_in_line;
            if i == 0 && !set.label_above {
                label(&mut items, baseline);
            }
            let x = line_x(line);
            for r in &line.runs {
                let part = if r.link { Part::Link } else { Part::Text };
                items.push(placed(x + r.x, baseline, &r.run, part));
            }
            if let Some(link) = link {
                items.extend(self.link_box(&line.runs, x, y, line_height, link, key));
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

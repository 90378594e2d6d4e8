//! A row of form fields (`--fillable`): side by side in equal columns, each its
//! label and its box. A one-line field's label stands in the style's label column
//! beside its box (above it, when the label is wider than the column); a taller
//! field's label stands above. A box is as tall as its lines at the style's size
//! and leading, and shrinks with the contact details it stands for; a one-line
//! field whose filled-in value could not be read on one line (under 7 pt) takes
//! the lines it needs, up to three.

use crate::content::{FormField, Origin, Para, ParaRole, Span, Wrap};
use crate::diagnostic::Diagnostic;
use crate::layout::{Layout, Role, Style};
use crate::pages::{FieldBox, Item, FIELD_PADDING};
use crate::structure::{Key, Node, Part, Tag};
use crate::units::pt;

use super::stack::{Bottom, Stack};
use super::Setter;

/// Space between the columns of a row.
const GUTTER_MM: f32 = 4.0;
/// Space below a row, as a part of the style's line height.
const ROW_GAP: f32 = 0.35;

impl Setter<'_> {
    /// Stack one row of fields at `top` of the frame's stack, `width` wide; the
    /// label of column `i` is placed as paragraph `2i` of the flow, its box as `2i + 1`.
    /// Returns the space to leave below the row before what follows it: like a
    /// paragraph's space after, none at the frame's bottom, and the larger of it
    /// and the next paragraph's space before (a heading's 12 pt), not their sum.
    pub(super) fn field_row(
        &mut self,
        out: &mut Stack,
        row: &[FormField],
        style: &Style,
        layout: &Layout,
        width: f32,
        key: &dyn Fn(usize) -> Key,
    ) -> Result<f32, Vec<Diagnostic>> {
        let columns = row.len().max(1) as f32;
        let gutter = pt(GUTTER_MM);
        let column = (width - gutter * (columns - 1.0)) / columns;
        let line = style.size_pt * style.leading;
        let top = out.height;
        let mut bottom = top;
        for (i, field) in row.iter().enumerate() {
            let x = i as f32 * (column + gutter);
            let label = label_para(field);
            let indent = pt(style.indent_mm).min(column / 2.0);
            let beside = field.lines == 1
                && self
                    .para(&label, style, layout, indent, key(2 * i))
                    .is_ok_and(|p| p.height <= line * 1.01);
            let placed = self.para(
                &label,
                style,
                layout,
                if beside { indent } else { column },
                key(2 * i),
            )?;
            let label_height = placed.height;
            let (box_x, box_top) = if beside {
                (x + indent, top)
            } else {
                (x, top + label_height)
            };
            // A filled-in value too long to read on one line (a web address with
            // a path) gets the lines it needs, up to three.
            let box_width = x + column - box_x;
            let lines = field.lines.max(self.lines_needed(
                &field.value,
                box_width - 2.0 * FIELD_PADDING * style.size_pt,
            ));
            let height = lines as f32 * line + 2.0 * FIELD_PADDING * style.size_pt;
            // The label's line is centred on a one-line box beside it.
            let label_top = if beside {
                top + (height - label_height) / 2.0
            } else {
                top
            };
            let mut placed = placed;
            placed
                .items
                .iter_mut()
                .for_each(|item| item.move_by(x, 0.0));
            out.put(placed, label_top, label_top + label_height, &label, style);
            let field_key = key(2 * i + 1);
            out.items.push(Item::Field(FieldBox {
                x: box_x,
                y: box_top,
                width: box_width,
                height,
                name: field.name.clone(),
                tip: field.tip.clone(),
                value: field.value.clone(),
                multiline: lines > 1,
                size: style.size_pt,
                tag: Tag::Content(field_key, Part::Field),
            }));
            out.nodes.push(Node::Field {
                key: field_key,
                tip: field.tip.clone(),
            });
            bottom = bottom.max(box_top + height);
        }
        out.height = bottom;
        out.bottoms.push(Bottom {
            y: bottom,
            source: row.first().map_or(Origin::Message(String::new()), |f| {
                Origin::Field(f.name.clone())
            }),
            size: style.size_pt,
        });
        Ok(ROW_GAP * line)
    }
}

impl Setter<'_> {
    /// The lines a value needs to be set at [`READABLE_PT`] or larger in a box
    /// `width` wide (each character its glyph's advance, as the form draws it).
    fn lines_needed(&self, value: &str, width: f32) -> usize {
        let font = self.lines.fonts().get(crate::fonts::Weight::Regular.into());
        let wide = font.advance(value, READABLE_PT);
        ((wide / width.max(1.0)).ceil() as usize).clamp(1, MAX_LINES)
    }
}

/// The smallest size a filled-in value is set at before it takes another line.
const READABLE_PT: f32 = 7.0;
/// The most lines a one-line field grows to for its value.
const MAX_LINES: usize = 3;

/// A field's label as a paragraph of the field's style.
fn label_para(field: &FormField) -> Para {
    Para {
        style: field.style.clone(),
        label: None,
        spans: vec![Span {
            text: field.label.clone(),
            bold: false,
            wrap: Wrap::Words,
            link: None,
        }],
        extra_space_before: 0.0,
        source: Origin::Message(field.label_id.clone()),
        shrinkable: true,
        role: ParaRole::Block(Role::P),
        lang: None,
        rtl: false,
    }
}

//! Frame fitting: stack a frame's content, shrink what may shrink until it fits,
//! and put the result on the page.
//!
//! The shrink loop: the content is stacked at scale 1. While it is taller than the
//! frame and the scale is above the frame's `min_scale` (the contact block's
//! `min_size_pt` over its detail style's size), the scale drops by one step, so that
//! the detail style loses [`SHRINK_STEP_PT`], and the content is stacked again.
//! Only shrinkable paragraphs scale: the contact details (the organisations'
//! names among them) and the helplines with their heading. The page's headings
//! and body text keep their size. The last stacking is kept: it fits, or it is
//! the smallest allowed and its overflow is reported.

use crate::content::{Flow, FrameText};
use crate::diagnostic::Diagnostic;
use crate::layout::{Align, Frame, Layout};
use crate::pages::{FillRect, Item, StrokeRect};
use crate::structure::{Node, Tag};
use crate::units::pt;

use super::overflow::{self, Overflow};
use super::stack::Stack;
use super::{FrameAt, Setter};

/// Frames are set at scales from 1 down to their `min_scale` in steps this big,
/// measured in points of the shrinking style.
const SHRINK_STEP_PT: f32 = 0.25;
/// The outline drawn around a frame whose text does not fit, in preview.
const OVERFLOW_OUTLINE: [f32; 3] = [0.85, 0.1, 0.1];
/// How much taller than its frame content may be and still fit (rounding).
const TOLERANCE_PT: f32 = 0.01;

/// A typeset frame.
pub(super) struct SetFrame {
    /// What it draws, in page coordinates.
    pub items: Vec<Item>,
    /// How much its content is too tall, if it is.
    pub overflow: Option<Overflow>,
    /// Labels too wide for their column.
    pub misfits: Vec<Diagnostic>,
    /// What was placed, for the document's structure.
    pub nodes: Vec<Node>,
}

impl Setter<'_> {
    /// Set one frame: its fill, then its content, fitted and placed on the page.
    pub(super) fn frame(
        &mut self,
        frame: &FrameText<'_>,
        layout: &Layout,
        page_height: f32,
        at: FrameAt,
    ) -> Result<SetFrame, Vec<Diagnostic>> {
        let f = frame.frame;
        let mut items = Vec::new();
        if let Some(fill) = &f.fill {
            items.push(Item::Fill(FillRect {
                x: pt(f.x_mm),
                y: page_height - pt(f.y_mm + f.height_mm),
                width: pt(f.width_mm),
                height: pt(f.height_mm),
                colour: layout.colour(fill).0,
                tag: Tag::Artifact,
            }));
        }
        let width = pt(f.width_mm - 2.0 * f.padding_mm);
        let height = pt(f.height_mm - 2.0 * f.padding_mm);
        let stack = self.fit(frame, layout, width, height, at)?;
        let overflow = (stack.height > height + TOLERANCE_PT).then(|| Overflow::of(&stack, height));
        // Text that does not fit starts at the top and runs past the bottom (preview).
        let shift = match f.align {
            Align::Bottom if overflow.is_none() => height - stack.height,
            _ => 0.0,
        };
        let left = pt(f.x_mm + f.padding_mm);
        let top = pt(f.y_mm + f.padding_mm);
        items.extend(
            stack
                .items
                .into_iter()
                .map(|item| on_page(item, left, top + shift, page_height)),
        );
        Ok(SetFrame {
            items,
            overflow,
            misfits: stack.misfits,
            nodes: stack.nodes,
        })
    }

    /// Stack the frame's content at full size, then smaller in steps while it is
    /// too tall and may shrink; warn when the contact details had to shrink.
    fn fit(
        &mut self,
        frame: &FrameText<'_>,
        layout: &Layout,
        width: f32,
        height: f32,
        at: FrameAt,
    ) -> Result<Stack, Vec<Diagnostic>> {
        let mut scale = 1.0f32;
        let mut stack = self.stack(&frame.flows, layout, width, scale, at)?;
        let step = shrink_step(&frame.flows, layout);
        while stack.height > height + TOLERANCE_PT && scale > frame.min_scale + 1e-4 {
            crate::cancel::check().map_err(|d| d.0)?;
            scale = (scale - step).max(frame.min_scale);
            stack = self.stack(&frame.flows, layout, width, scale, at)?;
        }
        // A form's fields are set smaller to fit their page, not because of
        // anything a person wrote: no warning for them.
        let form = frame.flows.iter().any(|f| matches!(f, Flow::Fields(_)));
        if scale < 1.0 && stack.height <= height + TOLERANCE_PT && !form {
            if let Some(size) = shrunk_size(&frame.flows, layout, scale) {
                self.warn(overflow::shrunk(size));
            }
        }
        Ok(stack)
    }
}

/// An item stacked in frame space (points from the frame's inner top-left corner,
/// y growing downwards: a run's y is its baseline, a box's y its top edge) moved
/// to page space (from the page's bottom-left corner, y growing upwards).
fn on_page(mut item: Item, left: f32, top: f32, page_height: f32) -> Item {
    let y = |from_top: f32| page_height - (top + from_top);
    match &mut item {
        Item::Text(run) => (run.x, run.y) = (left + run.x, y(run.y)),
        Item::Fill(r) => (r.x, r.y) = (left + r.x, y(r.y + r.height)),
        Item::Image(b) => (b.x, b.y) = (left + b.x, y(b.y + b.height)),
        Item::Link(l) => (l.x, l.y) = (left + l.x, y(l.y + l.height)),
        Item::Field(f) => (f.x, f.y) = (left + f.x, y(f.y + f.height)),
        Item::Outline(_) | Item::Line(_) => {}
    }
    item
}

/// The red outline around a frame whose text does not fit (preview).
pub(super) fn outline(frame: &Frame, page_height: f32) -> StrokeRect {
    StrokeRect {
        x: pt(frame.x_mm),
        y: page_height - pt(frame.y_mm + frame.height_mm),
        width: pt(frame.width_mm),
        height: pt(frame.height_mm),
        colour: OVERFLOW_OUTLINE,
        line_width: 1.5,
    }
}

/// The scale step that shrinks the frame's detail style by [`SHRINK_STEP_PT`].
fn shrink_step(flows: &[Flow], layout: &Layout) -> f32 {
    shrunk_size(flows, layout, 1.0).map_or(1.0, |size| SHRINK_STEP_PT / size)
}

/// The size of the frame's smallest shrinkable style at a scale.
fn shrunk_size(flows: &[Flow], layout: &Layout, scale: f32) -> Option<f32> {
    flows
        .iter()
        .filter_map(|f| match f {
            Flow::Para(p) => p.shrinkable.then_some(p.style.as_str()),
            // A form's fields shrink with the contact details they stand for.
            Flow::Fields(row) => row.first().map(|f| f.style.as_str()),
            Flow::Logos { .. } | Flow::Qr { .. } => None,
        })
        .map(|style| layout.style(style).size_pt * scale)
        .min_by(f32::total_cmp)
}

//! Stacking: a frame's flows one below the other from its top, at one scale of its
//! shrinkable paragraphs, with the space between paragraphs.
//!
//! The space above a paragraph is the larger of the previous paragraph's space
//! after and its own space before (none at the top of a frame), plus its extra
//! space (the gap between contact groups).

use crate::content::{Flow, Origin, Para};
use crate::diagnostic::Diagnostic;
use crate::layout::{Layout, Style};
use crate::pages::Item;
use crate::structure::{Key, Node};

use super::para::PlacedPara;
use super::{FrameAt, Setter};

/// A frame's content stacked at one scale, in frame space (see `frame::on_page`).
pub(super) struct Stack {
    /// What is drawn.
    pub items: Vec<Item>,
    /// The height of it all.
    pub height: f32,
    /// The scale it was stacked at.
    pub scale: f32,
    /// Where each flow ends, top to bottom.
    pub bottoms: Vec<Bottom>,
    /// The contacts fields stacked and how many lines each took.
    pub fields: Vec<FieldLines>,
    /// Labels too wide for their column.
    pub misfits: Vec<Diagnostic>,
    /// What was placed, for the document's structure.
    pub nodes: Vec<Node>,
}

/// Where a flow ends.
pub(crate) struct Bottom {
    /// Its bottom edge, from the frame's top.
    pub y: f32,
    /// Where its text came from.
    pub source: Origin,
    /// Its type size.
    pub size: f32,
}

/// How many lines a contacts field takes.
#[derive(Clone)]
pub(super) struct FieldLines {
    /// The field (`contact[1].email`).
    pub field: String,
    /// Its lines.
    pub lines: usize,
}

impl Stack {
    /// Add a placed paragraph from `top` to `bottom`: its items, its structure
    /// node, its bottom and, for a contacts field, its line count.
    pub(super) fn put(
        &mut self,
        placed: PlacedPara,
        top: f32,
        bottom: f32,
        para: &Para,
        style: &Style,
    ) {
        let hyphenated = placed.items.iter().any(|item| match item {
            Item::Text(run) => run.glyphs.iter().any(|g| g.text == "\u{AD}"),
            _ => false,
        });
        let whole = hyphenated.then(|| para.spans.iter().map(|s| s.text.as_str()).collect());
        self.items.extend(placed.items.into_iter().map(|mut item| {
            item.move_by(0.0, top);
            item
        }));
        let link = para.spans.first().filter(|s| s.link.is_some());
        self.nodes.push(Node::Para {
            key: placed.key,
            role: para.role,
            labelled: para.label.is_some(),
            lang: para.lang.clone(),
            link: link.map(|s| s.text.clone()),
            rest: link.is_some() && para.spans.len() > 1,
            whole,
        });
        self.bottoms.push(Bottom {
            y: bottom,
            source: para.source.clone(),
            size: style.size_pt,
        });
        if let Origin::Field(f) = &para.source {
            let lines = (placed.height / (style.size_pt * style.leading)).round() as usize;
            self.fields.push(FieldLines {
                field: f.clone(),
                lines,
            });
        }
        self.misfits.extend(placed.misfits);
    }
}

impl Setter<'_> {
    /// Stack a frame's flows from its top at one scale of its shrinkable paragraphs.
    pub(super) fn stack(
        &mut self,
        flows: &[Flow],
        layout: &Layout,
        width: f32,
        scale: f32,
        at: FrameAt,
    ) -> Result<Stack, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut out = Stack {
            items: Vec::new(),
            height: 0.0,
            scale,
            bottoms: Vec::new(),
            fields: Vec::new(),
            misfits: Vec::new(),
            nodes: Vec::new(),
        };
        // The previous paragraph's space after; none at the top of the frame.
        let mut prev_after: Option<f32> = None;
        for (f, flow) in flows.iter().enumerate() {
            let key = |para: usize| at.key(f, para);
            match flow {
                Flow::Para(para) => {
                    let style = scaled(layout, para, scale);
                    match self.para(para, &style, layout, width, key(0)) {
                        Ok(placed) => {
                            out.height += gap(prev_after, &style, para, scale);
                            let top = out.height;
                            out.height += placed.height;
                            out.put(placed, top, out.height, para, &style);
                            prev_after = Some(style.space_after_pt);
                        }
                        Err(mut p) => problems.append(&mut p),
                    }
                }
                Flow::Logos {
                    images,
                    width_mm,
                    height_mm,
                    align,
                } => {
                    let logos = super::logo::Logos {
                        images,
                        size_mm: (*width_mm, *height_mm),
                        align: *align,
                    };
                    self.logos(&mut out, &logos, width, key);
                    prev_after = Some(0.0);
                }
                Flow::Fields(row) => {
                    let Some(first) = row.first() else {
                        continue;
                    };
                    let style = scaled_style(layout, &first.style, true, scale);
                    out.height += prev_after.map_or(0.0, |after| after.max(style.space_before_pt));
                    match self.field_row(&mut out, row, &style, layout, width, &key) {
                        Ok(below) => prev_after = Some(below),
                        Err(mut p) => problems.append(&mut p),
                    }
                }
                Flow::Qr {
                    url,
                    size_mm,
                    align,
                    alt,
                } => {
                    let qr = super::qr::Qr {
                        url,
                        size_mm: *size_mm,
                        align: *align,
                        alt,
                    };
                    self.qr(&mut out, &qr, width, key(0));
                    prev_after = Some(0.0);
                }
            }
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }
}

impl FrameAt {
    /// The structure key of paragraph `para` of flow `flow` in this frame: made
    /// here only, once for each paragraph or figure as it is placed.
    pub(super) fn key(self, flow: usize, para: usize) -> Key {
        Key {
            page: self.page as u16,
            frame: self.frame as u16,
            flow: flow as u16,
            para: para as u16,
        }
    }
}

/// The space above a paragraph: the larger of the previous one's space after and
/// its own space before (none at the top of a frame), plus its extra space, which
/// shrinks with a shrinkable paragraph.
fn gap(prev_after: Option<f32>, style: &Style, para: &Para, scale: f32) -> f32 {
    let extra = if para.shrinkable && scale < 1.0 {
        para.extra_space_before * scale
    } else {
        para.extra_space_before
    };
    prev_after.map_or(0.0, |after| after.max(style.space_before_pt)) + extra
}

/// A paragraph's style at a scale (only shrinkable paragraphs scale).
fn scaled(layout: &Layout, para: &Para, scale: f32) -> Style {
    scaled_style(layout, &para.style, para.shrinkable, scale)
}

/// A style at a scale, if it may shrink.
fn scaled_style(layout: &Layout, name: &str, shrinkable: bool, scale: f32) -> Style {
    let mut style = layout.style(name).clone();
    if shrinkable && scale < 1.0 {
        style.size_pt *= scale;
        style.space_before_pt *= scale;
        style.space_after_pt *= scale;
    }
    style
}

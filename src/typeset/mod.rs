//! Typesetting: place the content's paragraphs, logos and QR codes in their frames,
//! producing finished [`Page`]s.
//!
//! - Each message has its frame on its page (the layout's page plan); text never
//!   flows to another frame or page. So a paragraph is never split, a heading never
//!   ends a frame, and there are no widows or orphans by construction. Text that
//!   does not fit its frame is an error naming the page, what does not fit and by
//!   how much; nothing is clipped.
//!
//! One phase a file, each called by the one before:
//! [`typeset`] (here) sets every frame of every page; `frame` fits one frame,
//! shrinking its contact details in steps where the layout allows, and puts it on
//! the page; `stack` stacks the frame's flows from its top; `para` places a
//! paragraph's lines, which [`linebreak`] shapes, hyphenates and breaks; `logo`
//! and `qr` place the organisation's logo and the QR code of its web address;
//! `fields` places a row of a fillable leaflet's form fields; `overflow` words
//! what does not fit.

mod fields;
mod frame;
pub mod linebreak;
mod logo;
mod overflow;
mod para;
mod qr;
mod stack;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::content::Content;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::fonts::Fonts;
use crate::hyphenate::Hyphenator;
use crate::layout::Layout;
use crate::pages::{Item, Page};
use crate::structure::{self, Node, Structure};
use crate::units::pt;

use linebreak::LineBreaker;

/// What to do with text that does not fit its frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// It is an error: the leaflet is not made.
    Strict,
    /// It is a warning, the text runs past the frame and the frame is outlined in
    /// red: a preview for translators and designers (the pseudo-locale).
    Preview,
}

/// Typeset pages, with their structure and the warnings that did not stop them.
#[derive(Debug)]
pub struct Typeset {
    /// The finished pages.
    pub pages: Vec<Page>,
    /// The document's logical structure, in reading order.
    pub structure: Structure,
    /// Overflows in [`Fit::Preview`].
    pub warnings: Vec<Diagnostic>,
}

/// Where a frame is in the layout's plan: its page and its place on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FrameAt {
    page: usize,
    frame: usize,
}

/// A frame's place in the reading order: its `order` in the layout (frames
/// without one last), then page and frame order.
type ReadingOrder = (u32, usize, usize);

/// Typeset a leaflet's content with a layout's fonts and styles.
pub fn typeset(
    content: &Content<'_>,
    layout: &Layout,
    fonts: &Fonts,
    hyphenator: &Hyphenator,
    fit: Fit,
    shared: &Shared,
) -> Result<Typeset, Diagnostics> {
    let mut setter = Setter::new(fonts, hyphenator, content);
    let height = pt(layout.page.height_mm);
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    let mut misfits = Vec::new();
    let mut nodes: Vec<(ReadingOrder, Cow<'_, [Node]>)> = Vec::new();
    for (number, page) in content.pages.iter().enumerate() {
        let mut finished = Page::new(pt(layout.page.width_mm), height);
        for (f, frame) in page.frames.iter().enumerate() {
            crate::cancel::check()?;
            let at = FrameAt {
                page: number,
                frame: f,
            };
            let order = (frame.frame.order.unwrap_or(u32::MAX), number, f);
            if let Some(done) = shared.0.get(&at) {
                finished.items.extend(done.items.iter().cloned());
                nodes.push((order, Cow::Borrowed(&done.nodes)));
                continue;
            }
            match setter.frame(frame, layout, height, at) {
                Ok(set) => {
                    finished.items.extend(set.items);
                    let misfit = set.overflow.is_some() || !set.misfits.is_empty();
                    if let Some(o) = &set.overflow {
                        misfits.push(o.diagnostic(number + 1, page.name, &content.lang));
                    }
                    misfits.extend(set.misfits);
                    if misfit {
                        let outline = frame::outline(frame.frame, height);
                        finished.items.push(Item::Outline(outline));
                    }
                    nodes.push((order, Cow::Owned(set.nodes)));
                }
                Err(mut found) => errors.append(&mut found),
            }
        }
        pages.push(finished);
    }
    match fit {
        Fit::Strict => errors.append(&mut misfits),
        Fit::Preview => misfits
            .iter_mut()
            .for_each(|d| d.severity = Severity::Warning),
    }
    misfits.append(&mut setter.warnings);
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    nodes.sort_by_key(|(order, _)| *order);
    Ok(Typeset {
        pages,
        structure: structure::assemble(nodes.iter().map(|(_, n)| n.as_ref())),
        warnings: misfits,
    })
}

/// The frames that do not depend on the contacts (body text, helplines), typeset
/// once per language and layout and reused for every organisation.
#[derive(Debug, Default)]
pub struct Shared(HashMap<FrameAt, Done>);

/// A frame set once: what it draws and what it placed.
#[derive(Debug)]
struct Done {
    items: Vec<Item>,
    nodes: Vec<Node>,
}

impl Shared {
    /// Typeset every frame whose content does not depend on the contacts; any
    /// problem with them is an error (they are the same for every organisation).
    pub fn new(
        content: &Content<'_>,
        layout: &Layout,
        fonts: &Fonts,
        hyphenator: &Hyphenator,
    ) -> Result<Shared, Diagnostics> {
        let mut setter = Setter::new(fonts, hyphenator, content);
        let height = pt(layout.page.height_mm);
        let mut shared = HashMap::new();
        let mut errors = Vec::new();
        for (number, page) in content.pages.iter().enumerate() {
            for (f, frame) in page.frames.iter().enumerate() {
                if frame.frame.depends_on_contacts() {
                    continue;
                }
                let at = FrameAt {
                    page: number,
                    frame: f,
                };
                match setter.frame(frame, layout, height, at) {
                    Ok(set) => {
                        if let Some(o) = &set.overflow {
                            errors.push(o.diagnostic(number + 1, page.name, &content.lang));
                        }
                        errors.extend(set.misfits);
                        let done = Done {
                            items: set.items,
                            nodes: set.nodes,
                        };
                        shared.insert(at, done);
                    }
                    Err(mut found) => errors.append(&mut found),
                }
            }
        }
        if errors.is_empty() {
            Ok(Shared(shared))
        } else {
            Err(Diagnostics(errors))
        }
    }
}

/// What the phases share while a document's frames are set: the line breaker
/// (with its shaped words), the QR codes made so far and the warnings.
struct Setter<'f> {
    lines: LineBreaker<'f>,
    /// QR codes already made (a frame is set again while it shrinks).
    qr: qr::Codes,
    /// Notes that do not stop the leaflet (a shrunk contact block, a blurry logo).
    warnings: Vec<Diagnostic>,
    /// The document reads right to left: lines are set flush right.
    rtl: bool,
}

impl<'f> Setter<'f> {
    fn new(fonts: &'f Fonts, hyphenator: &'f Hyphenator, content: &Content<'_>) -> Self {
        Setter {
            lines: LineBreaker::new(fonts, hyphenator, Some(&content.lang)),
            qr: qr::Codes::default(),
            warnings: Vec::new(),
            rtl: content.rtl,
        }
    }

    /// Note a warning once, however often a frame is set while it shrinks.
    fn warn(&mut self, warning: Diagnostic) {
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }
}

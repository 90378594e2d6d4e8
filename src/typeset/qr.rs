//! The QR code of the organisation's web address, beside the organisation's lines.
//!
//! The code is square, `size_mm` with its quiet zone of [`QUIET_ZONE`] modules, at
//! the group's top right; the lines beside it are set narrower by its width and a
//! gap. A code whose modules would be smaller than [`MIN_MODULE_MM`] (an address too
//! long for the size) is left out with a warning, and so is one whose lines cannot
//! be set beside it (an address or e-mail wider than what is left); the lines then
//! take the whole width.

use std::collections::HashMap;
use std::rc::Rc;

use crate::content::{Origin, Para};
use crate::diagnostic::Diagnostic;
use crate::layout::Layout;
use crate::pages::{FillRect, Item};
use crate::structure::{Key, Node, Part, Tag};
use crate::units::pt;

use super::stack::{gap, scaled, Bottom, Stack};
use super::Setter;

/// The paragraph number a QR code's figure has in its flow's key.
const QR_FIGURE: usize = u16::MAX as usize;
/// Space between a QR code and the text beside it.
const GAP_MM: f32 = 4.0;
/// The smallest QR module an office printer reliably resolves.
const MIN_MODULE_MM: f32 = 0.5;
/// The blank border a QR reader needs, in modules.
const QUIET_ZONE: usize = 4;

/// A QR code's modules: rows of dark (true) and light.
type Modules = Vec<Vec<bool>>;

/// QR codes made so far, by address and size (a frame is set again while it
/// shrinks); `None` where the address is too long for the size.
#[derive(Default)]
pub(super) struct Codes(HashMap<(String, u32), Option<Rc<Modules>>>);

/// A QR code and the paragraphs beside it.
pub(super) struct Group<'a> {
    /// What the code says.
    pub url: &'a str,
    /// The code's side, quiet zone included.
    pub size_mm: f32,
    /// The paragraphs beside it.
    pub paras: &'a [Para],
    /// What the code is, for screen readers.
    pub alt: &'a str,
}

impl Setter<'_> {
    /// Stack a QR group: its paragraphs beside the code (or across the whole width
    /// without one), the group as tall as the taller of the two.
    pub(super) fn qr_group(
        &mut self,
        out: &mut Stack,
        group: &Group<'_>,
        layout: &Layout,
        width: f32,
        prev_after: &mut Option<f32>,
        key: impl Fn(usize) -> Key,
    ) -> Result<(), Vec<Diagnostic>> {
        let size = pt(group.size_mm);
        let mut code = self.qr_code(group.url, size);
        let mut text_width = match code {
            Some(_) => width - size - pt(GAP_MM),
            None => width,
        };
        if code.is_some() && !self.fits_beside(group.paras, layout, text_width, out.scale) {
            code = None;
            text_width = width;
            self.warn(no_room());
        }
        let start = out.height;
        let mut text_height = 0.0;
        let mut last_size = 12.0;
        let mut first = true;
        let mut problems = Vec::new();
        for (p, para) in group.paras.iter().enumerate() {
            let style = scaled(layout, para, out.scale);
            let placed = match self.para(para, &style, layout, text_width, key(p)) {
                Ok(placed) => placed,
                Err(mut found) => {
                    problems.append(&mut found);
                    continue;
                }
            };
            // The group's first paragraph keeps its distance to what is above it;
            // inside the group only the space before counts.
            let g = if first {
                gap(*prev_after, &style, para)
            } else {
                gap(Some(0.0), &style, para).max(0.0)
            };
            first = false;
            text_height += g;
            let top = start + text_height;
            text_height += placed.height;
            last_size = style.size_pt;
            out.put(placed, top, start + text_height, para, &style);
            *prev_after = Some(style.space_after_pt);
        }
        match code {
            Some(modules) => {
                let key = key(QR_FIGURE);
                place_code(out, &modules, size, width - size, start, key);
                out.nodes.push(Node::Figure {
                    key,
                    alt: group.alt.to_string(),
                });
                out.height = start + text_height.max(size);
                out.bottoms.push(Bottom {
                    y: start + size,
                    source: Origin::Field("organisation.web".into()),
                    size: last_size,
                });
            }
            None => {
                if self.qr_code(group.url, size).is_none() {
                    self.warn(too_long(group.size_mm));
                }
                out.height = start + text_height;
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// Whether every paragraph can be set `width` wide (no address wider than that).
    fn fits_beside(&mut self, paras: &[Para], layout: &Layout, width: f32, scale: f32) -> bool {
        paras.iter().all(|para| {
            let style = scaled(layout, para, scale);
            self.lines.paragraph(para, &style, width).is_ok()
        })
    }

    /// The QR code of `url` at `size` points, made once.
    fn qr_code(&mut self, url: &str, size: f32) -> Option<Rc<Modules>> {
        self.qr
            .0
            .entry((url.to_string(), size.to_bits()))
            .or_insert_with(|| encode(url, size).map(Rc::new))
            .clone()
    }
}

/// The warning that the lines beside the code cannot be set narrow enough.
fn no_room() -> Diagnostic {
    Diagnostic::warning(
        "there is no room for the QR code beside the organisation's details; the leaflet has none",
    )
    .field("organisation.web")
    .hint("shorter lines (unit, e-mail, web address) leave room for it")
}

/// The warning that the address needs modules smaller than [`MIN_MODULE_MM`].
fn too_long(size_mm: f32) -> Diagnostic {
    Diagnostic::warning(format!(
        "the web address is too long for a {size_mm} mm QR code with modules of at least {MIN_MODULE_MM} mm; the leaflet has none"
    ))
    .field("organisation.web")
    .hint("a shorter address (a redirect such as www.example.se/stod) gets its QR code")
}

/// Draw the dark modules, a rectangle per run of them in a row, with the quiet
/// zone around them in a square of `size` whose left edge is at `x`.
fn place_code(out: &mut Stack, modules: &Modules, size: f32, x: f32, top: f32, key: Key) {
    let module = size / (modules.len() + 2 * QUIET_ZONE) as f32;
    let x0 = x + QUIET_ZONE as f32 * module;
    let y0 = top + QUIET_ZONE as f32 * module;
    for (row, dark) in modules.iter().enumerate() {
        for (col, len) in runs(dark) {
            out.items.push(Item::Fill(FillRect {
                x: x0 + col as f32 * module,
                y: y0 + row as f32 * module,
                width: len as f32 * module,
                height: module,
                colour: [0.0; 3],
                tag: Tag::Content(key, Part::Figure),
            }));
        }
    }
}

/// The dark modules of a QR code of `url`, if its modules are at least
/// [`MIN_MODULE_MM`] at `size` points with the quiet zone.
fn encode(url: &str, size: f32) -> Option<Modules> {
    // Medium error correction at least; higher where it fits the same size.
    let code =
        qrcodegen::QrCode::encode_binary(url.as_bytes(), qrcodegen::QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let module = size / (n.unsigned_abs() as usize + 2 * QUIET_ZONE) as f32;
    if module < pt(MIN_MODULE_MM) {
        return None;
    }
    Some(
        (0..n)
            .map(|y| (0..n).map(|x| code.get_module(x, y)).collect())
            .collect(),
    )
}

/// Runs of dark modules in a row: (start, length), so a row is a few rectangles.
fn runs(row: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < row.len() {
        if row[i] {
            let start = i;
            while i < row.len() && row[i] {
                i += 1;
            }
            out.push((start, i - start));
        } else {
            i += 1;
        }
    }
    out
}

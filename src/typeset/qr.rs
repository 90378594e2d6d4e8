//! The QR code of the organisations' web address, in a place of its own.
//!
//! The code is square, as large as the layout's `size_mm` (its quiet zone of
//! [`QUIET_ZONE`] modules included), at the top of its frame. Error correction is
//! medium where the size allows it (higher where the same size allows more), low
//! for an address too long for that; an address too long even for low, with
//! modules of at least [`MIN_MODULE_MM`], is left out with a warning.

use std::collections::HashMap;
use std::rc::Rc;

use crate::content::Origin;
use crate::diagnostic::Diagnostic;
use crate::layout::HAlign;
use crate::messages::msg;
use crate::pages::{FillRect, Item};
use crate::structure::{Key, Node, Part, Tag};
use crate::units::pt;

use super::stack::{Bottom, Stack};
use super::Setter;

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

/// A QR code to place.
pub(super) struct Qr<'a> {
    /// What the code says.
    pub url: &'a str,
    /// The code's side, quiet zone included.
    pub size_mm: f32,
    /// Where in the frame's width.
    pub align: HAlign,
    /// What the code is, for screen readers.
    pub alt: &'a str,
}

impl Setter<'_> {
    /// Put the code at the bottom of the stack; it takes its whole size, or
    /// nothing when the address is too long for it.
    pub(super) fn qr(&mut self, out: &mut Stack, qr: &Qr<'_>, frame_width: f32, key: Key) {
        let size = pt(qr.size_mm).min(frame_width);
        let Some(modules) = self.qr_code(qr.url, size) else {
            self.warn(too_long(qr.size_mm));
            return;
        };
        let x = match qr.align {
            HAlign::Left => 0.0,
            HAlign::Right => frame_width - size,
        };
        place_code(out, &modules, size, x, out.height, key);
        out.nodes.push(Node::Figure {
            key,
            alt: qr.alt.to_string(),
            lang: None,
        });
        out.height += size;
        out.bottoms.push(Bottom {
            y: out.height,
            source: Origin::Field("organisation.web".into()),
            size: 12.0,
        });
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

/// The warning that the address needs modules smaller than [`MIN_MODULE_MM`].
fn too_long(size_mm: f32) -> Diagnostic {
    Diagnostic::warning(
        msg("typeset-qr-too-long")
            .arg("size", size_mm)
            .arg("module", MIN_MODULE_MM),
    )
    .field("organisation.web")
    .hint(msg("hint-qr-shorter"))
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
    // Medium error correction where the size allows it, else low (a long address);
    // qrcodegen raises it further where the version stays the same.
    let fits = |ecc| {
        let code = qrcodegen::QrCode::encode_binary(url.as_bytes(), ecc).ok()?;
        let n = code.size().unsigned_abs() as usize;
        let module = size / (n + 2 * QUIET_ZONE) as f32;
        (module >= pt(MIN_MODULE_MM)).then_some(code)
    };
    let code = fits(qrcodegen::QrCodeEcc::Medium).or_else(|| fits(qrcodegen::QrCodeEcc::Low))?;
    let n = code.size();
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

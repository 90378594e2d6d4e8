//! Logos: the organisations' pictures side by side in the layout's box (never
//! wider than the frame), each scaled into an equal share of it, aspect kept,
//! with a warning when one would print blurred.

use std::sync::Arc;

use crate::content::{LogoImage, Origin};
use crate::diagnostic::Diagnostic;
use crate::image::Image;
use crate::layout::HAlign;
use crate::messages::msg;
use crate::pages::{ImageBox, Item};
use crate::structure::{Key, Node, Part, Tag};
use crate::units::{mm, pt};

use super::stack::{Bottom, Stack};
use super::Setter;

/// Below this resolution a printed logo looks blurred.
const MIN_LOGO_DPI: f32 = 150.0;
/// Space between two logos.
const GAP_MM: f32 = 4.0;

/// Logos to place.
pub(super) struct Logos<'a> {
    /// The pictures, each with what it shows (for screen readers).
    pub images: &'a [LogoImage],
    /// The layout's box for them, width and height in millimetres.
    pub size_mm: (f32, f32),
    /// Where in the frame's width.
    pub align: HAlign,
}

impl Setter<'_> {
    /// Put the logos at the bottom of the stack in their box; the box's whole
    /// height is taken, whatever the logos' shapes. Each logo's key is `key` with
    /// its number as the paragraph.
    pub(super) fn logos(
        &mut self,
        out: &mut Stack,
        logos: &Logos<'_>,
        frame_width: f32,
        key: impl Fn(usize) -> Key,
    ) {
        let (box_w, box_h) = logos.size_mm;
        let n = logos.images.len().max(1) as f32;
        let box_w = pt(box_w).min(frame_width);
        let slot = (box_w - pt(GAP_MM) * (n - 1.0)) / n;
        let sizes: Vec<(f32, f32)> = logos
            .images
            .iter()
            .map(|logo| fit_box(&logo.image, slot, pt(box_h), frame_width))
            .collect();
        let total = sizes.iter().map(|s| s.0).sum::<f32>() + pt(GAP_MM) * (n - 1.0);
        let mut x = match logos.align {
            HAlign::Left => 0.0,
            HAlign::Right => frame_width - total,
        };
        for (i, (logo, (w, h))) in logos.images.iter().zip(sizes).enumerate() {
            let image = &logo.image;
            self.check_resolution(image, w, h);
            out.items.push(Item::Image(ImageBox {
                x,
                y: out.height,
                width: w,
                height: h,
                image: Arc::clone(image),
                tag: Tag::Content(key(i), Part::Figure),
            }));
            out.nodes.push(Node::Figure {
                key: key(i),
                alt: logo.alt.clone(),
                lang: logo.lang.clone(),
            });
            x += w + pt(GAP_MM);
        }
        out.height += pt(box_h);
        out.bottoms.push(Bottom {
            y: out.height,
            source: Origin::Field("organisation.logo".into()),
            size: 12.0,
        });
    }

    /// Warn when a logo `w` × `h` points large would print blurred.
    fn check_resolution(&mut self, image: &Image, w: f32, h: f32) {
        let (width, height) = image.shown_size();
        let dpi = width as f32 / (w / 72.0);
        if dpi < MIN_LOGO_DPI {
            self.warn(
                Diagnostic::warning(
                    msg("typeset-logo-blurred")
                        .arg("dpi", dpi.round() as i64)
                        .arg("width", width)
                        .arg("height", height)
                        .arg("width-mm", mm(w).round() as i64)
                        .arg("height-mm", mm(h).round() as i64),
                )
                .field("organisation.logo")
                .hint(
                    msg("hint-logo-pixels").arg("pixels", (w / 72.0 * MIN_LOGO_DPI).ceil() as i64),
                ),
            );
        }
    }
}

/// An image's size as seen (turned upright) scaled into a box (never wider than
/// the frame), aspect kept.
fn fit_box(image: &Image, box_w: f32, box_h: f32, frame_w: f32) -> (f32, f32) {
    let box_w = box_w.min(frame_w);
    let (width, height) = image.shown_size();
    let aspect = width as f32 / height as f32;
    if box_w / box_h > aspect {
        (box_h * aspect, box_h)
    } else {
        (box_w, box_w / aspect)
    }
}

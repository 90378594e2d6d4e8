//! The logo: the organisation's picture scaled into the layout's box (never wider
//! than the frame), its aspect kept, with a warning when it would print blurred.

use std::sync::Arc;

use crate::content::Origin;
use crate::diagnostic::Diagnostic;
use crate::image::Image;
use crate::layout::HAlign;
use crate::pages::{ImageBox, Item};
use crate::structure::{Key, Node, Part, Tag};
use crate::units::{mm, pt};

use super::stack::{Bottom, Stack};
use super::Setter;

/// Below this resolution a printed logo looks blurred.
const MIN_LOGO_DPI: f32 = 150.0;

/// A logo to place.
pub(super) struct Logo<'a> {
    /// The picture.
    pub image: &'a Arc<Image>,
    /// The layout's box for it, width and height in millimetres.
    pub size_mm: (f32, f32),
    /// Where in the frame's width.
    pub align: HAlign,
    /// What it shows, for screen readers.
    pub alt: &'a str,
}

impl Setter<'_> {
    /// Put the logo at the bottom of the stack in its box; the box's whole height
    /// is taken, whatever the logo's shape.
    pub(super) fn logo(&mut self, out: &mut Stack, logo: &Logo<'_>, frame_width: f32, key: Key) {
        let image = logo.image;
        let (box_w, box_h) = logo.size_mm;
        let (w, h) = fit_box(image, pt(box_w), pt(box_h), frame_width);
        let dpi = image.width as f32 / (w / 72.0);
        if dpi < MIN_LOGO_DPI {
            self.warn(
                Diagnostic::warning(format!(
                    "the logo prints at {dpi:.0} dpi ({} × {} pixels for {:.0} × {:.0} mm); it may look blurred",
                    image.width,
                    image.height,
                    mm(w),
                    mm(h)
                ))
                .field("organisation.logo")
                .hint(format!("use an image at least {:.0} pixels wide", (w / 72.0 * MIN_LOGO_DPI).ceil())),
            );
        }
        let x = match logo.align {
            HAlign::Left => 0.0,
            HAlign::Right => frame_width - w,
        };
        out.items.push(Item::Image(ImageBox {
            x,
            y: out.height,
            width: w,
            height: h,
            image: Arc::clone(image),
            tag: Tag::Content(key, Part::Figure),
        }));
        out.nodes.push(Node::Figure {
            key,
            alt: logo.alt.to_string(),
        });
        out.height += pt(box_h);
        out.bottoms.push(Bottom {
            y: out.height,
            source: Origin::Field("organisation.logo".into()),
            size: 12.0,
        });
    }
}

/// An image's size scaled into a box (never wider than the frame), aspect kept.
fn fit_box(image: &Image, box_w: f32, box_h: f32, frame_w: f32) -> (f32, f32) {
    let box_w = box_w.min(frame_w);
    let aspect = image.width as f32 / image.height as f32;
    if box_w / box_h > aspect {
        (box_h * aspect, box_h)
    } else {
        (box_w, box_w / aspect)
    }
}

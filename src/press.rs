//! Press: prepare pages for a print shop with bleed and crop marks.
//!
//! With bleed, each page grows on every side: the `/TrimBox` is the finished size,
//! the `/BleedBox` the trim plus the bleed, and a colour area that touches the edge
//! of the finished page runs on into the bleed so that trimming leaves no white
//! hairline. Crop marks are thin lines outside the bleed that show where to cut; the
//! page grows further to hold them. Without bleed nothing changes.

use crate::pages::{Item, Line, Page};
use crate::units::PT_PER_MM;

/// How far a crop mark stays from the bleed edge.
const MARK_GAP_MM: f32 = 1.0;
/// How long a crop mark is.
const MARK_LENGTH_MM: f32 = 5.0;
/// Crop marks: 0.25 pt, black (print shops read black marks on every plate).
const MARK_WIDTH_PT: f32 = 0.25;
/// A fill within this distance of the trim edge touches it.
const TOUCHING_PT: f32 = 0.01;

/// Add `bleed_mm` of bleed on every side and, if asked, crop marks.
pub fn bleed(pages: &[Page], bleed_mm: f32, crop_marks: bool) -> Vec<Page> {
    let bleed = bleed_mm * PT_PER_MM;
    let margin = if crop_marks {
        bleed + (MARK_GAP_MM + MARK_LENGTH_MM + 1.0) * PT_PER_MM
    } else {
        bleed
    };
    pages
        .iter()
        .map(|page| one(page, bleed, margin, crop_marks))
        .collect()
}

fn one(page: &Page, bleed: f32, margin: f32, crop_marks: bool) -> Page {
    let (w, h) = (page.width, page.height);
    let mut out = Page::new(w + 2.0 * margin, h + 2.0 * margin);
    out.trim = [margin, margin, margin + w, margin + h];
    out.bleed = [
        margin - bleed,
        margin - bleed,
        margin + w + bleed,
        margin + h + bleed,
    ];
    for item in &page.items {
        let mut moved = item.moved(margin, margin);
        if let (Item::Fill(r), Item::Fill(original)) = (&mut moved, item) {
            // Run colour that touches an edge of the finished page into the bleed.
            if original.x <= TOUCHING_PT {
                r.x -= bleed;
                r.width += bleed;
            }
            if original.y <= TOUCHING_PT {
                r.y -= bleed;
                r.height += bleed;
            }
            if original.x + original.width >= w - TOUCHING_PT {
                r.width += bleed;
            }
            if original.y + original.height >= h - TOUCHING_PT {
                r.height += bleed;
            }
        }
        out.items.push(moved);
    }
    if crop_marks {
        out.items.extend(marks(out.trim, bleed));
    }
    out
}

/// Two marks at each corner of the trim box, outside the bleed.
fn marks(trim: [f32; 4], bleed: f32) -> Vec<Item> {
    let start = bleed + MARK_GAP_MM * PT_PER_MM;
    let end = start + MARK_LENGTH_MM * PT_PER_MM;
    let [x0, y0, x1, y1] = trim;
    let mut lines = Vec::new();
    for (x, out_x) in [(x0, -1.0), (x1, 1.0)] {
        for (y, out_y) in [(y0, -1.0), (y1, 1.0)] {
            // Horizontal mark on the trim line y, outside to the left or right.
            lines.push(mark((x + out_x * start, y), (x + out_x * end, y)));
            // Vertical mark on the trim line x, outside above or below.
            lines.push(mark((x, y + out_y * start), (x, y + out_y * end)));
        }
    }
    lines
}

fn mark(from: (f32, f32), to: (f32, f32)) -> Item {
    Item::Line(Line {
        from,
        to,
        width: MARK_WIDTH_PT,
        colour: [0.0; 3],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::FillRect;

    #[test]
    fn boxes_grow_and_edge_colour_runs_into_the_bleed() {
        let mut page = Page::new(100.0, 200.0);
        page.items.push(Item::Fill(FillRect {
            x: 0.0,
            y: 150.0,
            width: 100.0,
            height: 50.0,
            colour: [0.0; 3],
            tag: Default::default(),
        }));
        page.items.push(Item::Fill(FillRect {
            x: 20.0,
            y: 20.0,
            width: 10.0,
            height: 10.0,
            colour: [0.0; 3],
            tag: Default::default(),
        }));
        let out = &bleed(&[page], 3.0, false)[0];
        let b = 3.0 * PT_PER_MM;
        assert_eq!(out.trim, [b, b, b + 100.0, b + 200.0]);
        assert_eq!(out.bleed, [0.0, 0.0, 100.0 + 2.0 * b, 200.0 + 2.0 * b]);
        assert_eq!(out.width, 100.0 + 2.0 * b);
        let Item::Fill(edge) = &out.items[0] else {
            panic!("a fill")
        };
        assert_eq!((edge.x, edge.width), (0.0, 100.0 + 2.0 * b));
        assert!(
            (edge.y + edge.height - out.height).abs() < 0.001,
            "runs off the top"
        );
        let Item::Fill(inner) = &out.items[1] else {
            panic!("a fill")
        };
        assert_eq!(
            (inner.x, inner.width),
            (20.0 + b, 10.0),
            "an inner fill only moves"
        );
    }

    #[test]
    fn crop_marks_lie_outside_the_bleed() {
        let out = &bleed(&[Page::new(100.0, 200.0)], 3.0, true)[0];
        let lines: Vec<&Line> = out
            .items
            .iter()
            .filter_map(|i| if let Item::Line(l) = i { Some(l) } else { None })
            .collect();
        assert_eq!(lines.len(), 8);
        let [bx0, by0, bx1, by1] = out.bleed;
        for l in lines {
            for (x, y) in [l.from, l.to] {
                let inside = x > bx0 && x < bx1 && y > by0 && y < by1;
                assert!(!inside, "mark point ({x}, {y}) inside the bleed box");
                assert!(x >= 0.0 && y >= 0.0 && x <= out.width && y <= out.height);
            }
        }
    }
}

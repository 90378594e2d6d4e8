//! Imposition: put finished pages on printer sheets.
//!
//! A booklet puts two pages side by side on each side of a sheet twice as wide as a
//! page (two A5 pages on A4 landscape), in the order that makes a folded booklet
//! read right: for N pages (padded with blank pages to a multiple of 4), sheet side
//! one carries N and 1, side two carries 2 and N−1, then N−2 and 3, and so on. Print
//! duplex, flipping on the short edge, and fold in the middle. A booklet in a
//! right-to-left language opens the other way, its spine on the right: each side
//! carries the same two pages the other way round (1 and N, N−1 and 2). Pages are
//! moved, not redrawn: text stays text and fonts stay subset.
//!
//! Pages that fit half of the next ISO A size go on that sheet, centred in their
//! halves (A5 pages, 148 × 210 mm, on A4 landscape, 297 × 210 mm), so the booklet
//! prints on paper an office has; other sizes get a sheet of exactly two pages.

use crate::units::PT_PER_MM;

use crate::pages::Page;

/// Impose pages as a booklet, its spine on the left, or on the right (`rtl`).
pub fn booklet(pages: &[Page], rtl: bool) -> Vec<Page> {
    let Some(first) = pages.first() else {
        return Vec::new();
    };
    let (width, height) = (first.width, first.height);
    let sheet = sheet_size(width, height);
    let count = pages.len().div_ceil(4) * 4;
    let page = |n: usize| pages.get(n - 1); // 1-based; past the end is blank
    let mut sheets = Vec::with_capacity(count / 2);
    let pair = |left: usize, right: usize| {
        if rtl {
            (page(right), page(left))
        } else {
            (page(left), page(right))
        }
    };
    for k in 0..count / 4 {
        let (outer, inner) = (count - 2 * k, 2 * k + 1);
        let (left, right) = pair(outer, inner);
        sheets.push(side(left, right, (width, height), sheet));
        let (left, right) = pair(inner + 1, outer - 1);
        sheets.push(side(left, right, (width, height), sheet));
    }
    sheets
}

/// The landscape sheet for two pages side by side: the ISO A size whose half holds
/// a page with at most 2 mm to spare on each side, or exactly two pages.
fn sheet_size(width: f32, height: f32) -> (f32, f32) {
    const A_SIZES_MM: [(f32, f32); 4] = [
        (420.0, 297.0),
        (297.0, 210.0),
        (210.0, 148.0),
        (148.0, 105.0),
    ];
    let slack = 4.0 * PT_PER_MM;
    A_SIZES_MM
        .iter()
        .map(|(w, h)| (w * PT_PER_MM, h * PT_PER_MM))
        .find(|(w, h)| {
            let (half, h) = (w / 2.0, *h);
            half + 0.01 >= width
                && half - width <= slack
                && h + 0.01 >= height
                && h - height <= slack
        })
        .unwrap_or((2.0 * width, height))
}

/// One sheet side: `left` and `right` next to each other, each centred in its half.
fn side(left: Option<&Page>, right: Option<&Page>, page: (f32, f32), sheet: (f32, f32)) -> Page {
    let mut side = Page::new(sheet.0, sheet.1);
    let dx = (sheet.0 / 2.0 - page.0) / 2.0;
    let dy = (sheet.1 - page.1) / 2.0;
    for (page, x) in [(left, dx), (right, sheet.0 / 2.0 + dx)] {
        for item in page.iter().flat_map(|p| &p.items) {
            side.items.push(item.moved(x, dy));
        }
    }
    side
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::{FillRect, Item};

    /// A page whose one item says which page it is (its x is the page number).
    fn numbered(n: usize) -> Page {
        let mut page = Page::new(10.0, 20.0);
        page.items.push(Item::Fill(FillRect {
            x: n as f32,
            y: 0.0,
            width: 1.0,
            height: 1.0,
            colour: [0.0; 3],
            tag: crate::structure::Tag::Artifact,
        }));
        page
    }

    /// The page numbers on each sheet side, left to right (0 for blank).
    fn order(sheets: &[Page]) -> Vec<(usize, usize)> {
        sheets
            .iter()
            .map(|s| {
                let mut left = 0;
                let mut right = 0;
                for item in &s.items {
                    if let Item::Fill(r) = item {
                        if r.x < 10.0 {
                            left = r.x as usize;
                        } else {
                            right = (r.x - 10.0) as usize;
                        }
                    }
                }
                (left, right)
            })
            .collect()
    }

    #[test]
    fn four_pages_fold_into_one_sheet() {
        let pages: Vec<Page> = (1..=4).map(numbered).collect();
        let sheets = booklet(&pages, false);
        assert_eq!(order(&sheets), vec![(4, 1), (2, 3)]);
        assert_eq!(sheets[0].width, 20.0);
    }

    #[test]
    fn a_right_to_left_booklet_opens_the_other_way() {
        let pages: Vec<Page> = (1..=4).map(numbered).collect();
        assert_eq!(order(&booklet(&pages, true)), vec![(1, 4), (3, 2)]);
    }

    #[test]
    fn a5_pages_go_on_a4_landscape() {
        let (w, h) = sheet_size(148.0 * PT_PER_MM, 210.0 * PT_PER_MM);
        assert!((w - 297.0 * PT_PER_MM).abs() < 0.01 && (h - 210.0 * PT_PER_MM).abs() < 0.01);
        let (w, _) = sheet_size(100.0, 100.0);
        assert_eq!(w, 200.0, "no A size near: exactly two pages");
    }

    #[test]
    fn six_pages_are_padded_to_eight() {
        let pages: Vec<Page> = (1..=6).map(numbered).collect();
        assert_eq!(
            order(&booklet(&pages, false)),
            vec![(0, 1), (2, 0), (6, 3), (4, 5)]
        );
    }
}

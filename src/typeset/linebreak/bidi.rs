//! Direction: the Unicode Bidirectional Algorithm (UAX #9, the `unicode-bidi`
//! crate) for a paragraph, and the visual order of a line.
//!
//! A paragraph's direction is its own (the locale's for the leaflet's text, a
//! contact value's from its first strong character; see [`crate::content`]). Each
//! character gets an embedding level: even left to right, odd right to left.
//! Phone numbers, e-mail and web addresses are isolated left-to-right runs (as if
//! between LRI and PDI), so that "0123-456 78" inside Arabic text keeps its groups
//! in order. Lines are broken in the text's order; each line is then put in visual
//! order by reversing runs of higher levels (rule L2), its trailing space at the
//! paragraph's level (rule L1).

use unicode_bidi::{BidiInfo, Level};

use crate::content::{Para, Wrap};

use super::shape::is_right_to_left;

/// The embedding level of each byte of each of a paragraph's spans; none where
/// the paragraph is left to right with no right-to-left letter in it (every level
/// 0, the common case, worked out without the algorithm).
pub(super) fn span_levels(para: &Para) -> Option<Vec<Vec<u8>>> {
    let has_rtl = para
        .spans
        .iter()
        .any(|s| s.text.chars().any(is_right_to_left));
    if !para.rtl && !has_rtl {
        return None;
    }
    const LRI: char = '\u{2066}';
    const PDI: char = '\u{2069}';
    let mut text = String::new();
    let mut starts = Vec::with_capacity(para.spans.len());
    for span in &para.spans {
        let isolate = matches!(span.wrap, Wrap::Never | Wrap::Address);
        if isolate {
            text.push(LRI);
        }
        starts.push(text.len());
        text.push_str(&span.text);
        if isolate {
            text.push(PDI);
        }
    }
    let base = if para.rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(&text, Some(base));
    Some(
        para.spans
            .iter()
            .zip(starts)
            .map(|(span, start)| {
                info.levels[start..start + span.text.len()]
                    .iter()
                    .map(|l| l.number())
                    .collect()
            })
            .collect(),
    )
}

/// Whether a text's first strong character is right to left (no strong
/// character: left to right).
pub fn starts_right_to_left(text: &str) -> bool {
    text.chars()
        .find_map(|c| match unicode_bidi::bidi_class(c) {
            unicode_bidi::BidiClass::L => Some(false),
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL => Some(true),
            _ => None,
        })
        .unwrap_or(false)
}

/// The visual order of a line's elements, given their levels in text order:
/// from the highest level down to the lowest odd one, every run at that level
/// or higher is reversed (rule L2).
pub(super) fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&max) = levels.iter().max() else {
        return order;
    };
    let lowest_odd = levels.iter().copied().filter(|l| l % 2 == 1).min();
    let Some(lowest_odd) = lowest_odd else {
        return order;
    };
    for level in (lowest_odd..=max).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < order.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_higher_levels_are_reversed() {
        // Left-to-right text: as it is.
        assert_eq!(visual_order(&[0, 0, 0]), [0, 1, 2]);
        // Right-to-left words: reversed.
        assert_eq!(visual_order(&[1, 1, 1]), [2, 1, 0]);
        // A number inside right-to-left text keeps its own order.
        assert_eq!(visual_order(&[1, 2, 2, 1]), [3, 1, 2, 0]);
        // Arabic words inside a Swedish line.
        assert_eq!(visual_order(&[0, 1, 1, 0]), [0, 2, 1, 3]);
    }

    #[test]
    fn the_first_strong_character_decides() {
        assert!(starts_right_to_left("١٢ مرحبا Anna"));
        assert!(!starts_right_to_left("0123 Anna مرحبا"));
        assert!(!starts_right_to_left("0123-456 78"));
    }
}

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
    // The text the algorithm sees: the spans with isolates put in, and where
    // each byte of each span went.
    let mut text = String::new();
    let mut places: Vec<Vec<usize>> = Vec::with_capacity(para.spans.len());
    for span in &para.spans {
        let whole = matches!(span.wrap, Wrap::Never | Wrap::Address);
        let isolated = if whole {
            std::iter::once(0..span.text.len()).collect()
        } else {
            left_to_right_runs(&span.text)
        };
        let mut place = Vec::with_capacity(span.text.len());
        let mut runs = isolated.iter().peekable();
        for (i, c) in span.text.char_indices() {
            if runs.peek().is_some_and(|r| r.start == i) {
                text.push(LRI);
            }
            for k in 0..c.len_utf8() {
                place.push(text.len() + k);
            }
            text.push(c);
            if runs.peek().is_some_and(|r| r.end == i + c.len_utf8()) {
                text.push(PDI);
                runs.next();
            }
        }
        places.push(place);
    }
    let base = if para.rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(&text, Some(base));
    Some(
        places
            .iter()
            .map(|place| place.iter().map(|&at| info.levels[at].number()).collect())
            .collect(),
    )
}

const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

/// The parts of running text that read left to right whatever surrounds them:
/// phone numbers ("0200-239 500", digit groups joined by hyphens and single
/// spaces) and e-mail and web addresses (a word with `@`, or starting `www.`
/// or with a scheme). Isolated, their groups keep their order in Arabic text.
fn left_to_right_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    // Addresses: whole words.
    let mut at = 0;
    for word in text.split(' ') {
        let bare = word.trim_end_matches(['.', ',', ';', ':', ')', '،', '؛']);
        let address = bare.contains('@') && bare.contains('.')
            || bare.starts_with("www.")
            || bare.contains("://");
        if address && !bare.is_empty() {
            let start = at + (word.len() - word.trim_start_matches('(').len());
            runs.push(start..at + bare.len());
        }
        at += word.len() + 1;
    }
    // Numbers: a digit, then digits, hyphens and single spaces, ending in a digit.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || runs.iter().any(|r| r.contains(&i)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < bytes.len() {
            match bytes[j] {
                b'0'..=b'9' => {
                    j += 1;
                    end = j;
                }
                b'-' | b' ' if bytes.get(j + 1).is_some_and(u8::is_ascii_digit) => j += 1,
                _ => break,
            }
        }
        // Only a number with inner separators needs its groups kept together.
        if text[start..end].contains(['-', ' ']) {
            runs.push(start..end);
        }
        i = end.max(i + 1);
    }
    runs.sort_by_key(|r| r.start);
    runs
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
    fn numbers_and_addresses_in_running_text_read_left_to_right() {
        let text = "اتصل بالرقم 0200-239 500 أو اكتب إلى anna@asby.se، من 21 إلى 06";
        let runs: Vec<&str> = left_to_right_runs(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(runs, ["0200-239 500", "anna@asby.se"]);
    }

    #[test]
    fn the_first_strong_character_decides() {
        assert!(starts_right_to_left("١٢ مرحبا Anna"));
        assert!(!starts_right_to_left("0123 Anna مرحبا"));
        assert!(!starts_right_to_left("0123-456 78"));
    }
}

//! Choosing breaks: the set of line ends with the least total cost, found over the
//! whole paragraph (a small Knuth–Plass style search). A line costs the square of
//! its slack in ems (the last line nothing), plus penalties for a hyphen, for two
//! hyphenated lines in a row, for a break inside an address, after an en dash or
//! at a space that should not break (the break's own) and for a last line of one
//! short word.

use super::Elem;

const HYPHEN_PENALTY: f32 = 50.0;
const DOUBLE_HYPHEN_PENALTY: f32 = 100.0;
const RUNT_PENALTY: f32 = 25.0;
/// What a break taken only where nothing else fits costs (a space that should
/// not break): more than any line's slack.
pub(super) const LAST_RESORT_PENALTY: f32 = 10_000.0;
/// How much wider than the measure a line may be (rounding).
const TOLERANCE_PT: f32 = 0.01;

/// A paragraph's elements with the running sum of their widths.
struct Measured<'e> {
    elems: &'e [Elem],
    /// `prefix[i]` is the width of `elems[..i]`.
    prefix: Vec<f32>,
}

impl Measured<'_> {
    /// The width of a line from `start` up to the break at `end`, with the
    /// hyphen a break there adds.
    fn width(&self, start: usize, end: usize) -> f32 {
        self.prefix[end] - self.prefix[start.min(end)]
            + self.elems.get(end).map_or(0.0, Elem::end_width)
    }

    fn hyphenated(&self, k: usize) -> bool {
        matches!(
            self.elems.get(k),
            Some(Elem::Break {
                hyphen: Some(_),
                ..
            })
        )
    }

    /// What breaking at `k` costs besides the line's slack (an address break, a
    /// space that should not break).
    fn penalty(&self, k: usize) -> f32 {
        match self.elems.get(k) {
            Some(Elem::Break { penalty, .. })
            | Some(Elem::Glue {
                break_cost: Some(penalty),
                ..
            }) => *penalty,
            _ => 0.0,
        }
    }

    /// The cost of a line from `start` to the break at `end` that is `width` wide,
    /// after a line that ended at `prev` (none for the first line).
    fn cost(&self, start: usize, end: usize, width: f32, prev: Option<usize>, line: Line) -> f32 {
        let is_last = end == self.elems.len();
        let slack = (line.measure - width) / line.size;
        let mut cost = if is_last { 0.0 } else { slack * slack };
        cost += self.penalty(end);
        if self.hyphenated(end) {
            cost += HYPHEN_PENALTY;
            if prev.is_some_and(|k| self.hyphenated(k)) {
                cost += DOUBLE_HYPHEN_PENALTY;
            }
        }
        let one_piece = || {
            (start..end)
                .filter(|&k| matches!(self.elems[k], Elem::Piece { .. }))
                .count()
                <= 1
        };
        if is_last && prev.is_some() && width < 4.0 * line.size && one_piece() {
            cost += RUNT_PENALTY;
        }
        cost
    }
}

/// The measure and type size lines are set at.
#[derive(Clone, Copy)]
struct Line {
    measure: f32,
    size: f32,
}

/// Where a paragraph's lines end.
pub(super) struct Breaks {
    /// Indices into the elements of the break elements, the last being their
    /// number.
    pub ends: Vec<usize>,
    /// Whether a line ends at a last-resort break (a space that should not break).
    pub last_resort: bool,
}

/// Choose where lines end. On failure, the range of elements that cannot fit.
pub(super) fn break_lines(
    elems: &[Elem],
    measure: f32,
    size: f32,
) -> Result<Breaks, (usize, usize)> {
    let n = elems.len();
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push(0.0f32);
    for e in elems {
        prefix.push(prefix.last().copied().unwrap_or(0.0) + e.width());
    }
    let m = Measured { elems, prefix };
    let line = Line { measure, size };
    // Candidate line ends: every break element, and the paragraph's end.
    let ends: Vec<usize> = (0..n)
        .filter(|&i| elems[i].is_break())
        .chain(std::iter::once(n))
        .collect();
    // Per end: the least cost of the paragraph up to it, and the end before it.
    let mut best: Vec<(f32, Option<usize>)> = vec![(f32::INFINITY, None); ends.len()];
    for (j, &end) in ends.iter().enumerate() {
        // Lines start at 0 or just after an earlier end.
        for i in (0..=j).rev() {
            let (start, prev_cost, prev) = if i == 0 {
                (0, 0.0, None)
            } else {
                let k = ends[i - 1];
                (k + 1, best[i - 1].0, Some(k))
            };
            if i > 0 && start > end {
                continue;
            }
            let width = m.width(start, end);
            if width > measure + TOLERANCE_PT {
                break; // starting earlier only makes the line longer
            }
            if !prev_cost.is_finite() {
                continue;
            }
            let total = prev_cost + m.cost(start, end, width, prev, line);
            if total < best[j].0 {
                best[j] = (total, if i == 0 { None } else { Some(i - 1) });
            }
        }
    }
    let last = ends.len() - 1;
    if !best[last].0.is_finite() {
        return Err(too_wide(&m, &ends, measure));
    }
    let mut result = Vec::new();
    let mut j = Some(last);
    while let Some(k) = j {
        result.push(ends[k]);
        j = best[k].1;
    }
    result.reverse();
    let last_resort = result.iter().any(|&k| m.penalty(k) >= LAST_RESORT_PENALTY);
    Ok(Breaks {
        ends: result,
        last_resort,
    })
}

/// A stretch between two break opportunities wider than the measure.
fn too_wide(m: &Measured<'_>, ends: &[usize], measure: f32) -> (usize, usize) {
    let mut start = 0;
    for &end in ends {
        if m.prefix[end] - m.prefix[start] > measure + TOLERANCE_PT {
            return (start, end);
        }
        start = end + 1;
    }
    (0, m.elems.len())
}

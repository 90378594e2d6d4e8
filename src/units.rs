//! Units: layouts measure in millimetres, pages in PDF points (1/72 inch).

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// A length in millimetres, in points.
pub fn pt(mm: f32) -> f32 {
    mm * PT_PER_MM
}

/// A length in points, in millimetres.
pub fn mm(pt: f32) -> f32 {
    pt / PT_PER_MM
}

/// How much too long or too wide something is, in points, as the millimetres a
/// message asks to take away: rounded up to the next tenth, so that taking away
/// what it says is enough, and never "0 mm".
pub fn excess_mm(pt: f32) -> f32 {
    ((mm(pt) * 10.0).ceil() / 10.0).max(0.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excess_is_rounded_up_to_what_is_enough_to_take_away() {
        assert_eq!(excess_mm(pt(12.01)), 12.1);
        assert_eq!(excess_mm(pt(12.1)), 12.1);
        assert_eq!(excess_mm(pt(0.004)), 0.1);
        assert_eq!(excess_mm(0.0), 0.1);
    }
}

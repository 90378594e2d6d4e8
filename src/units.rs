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

//! A PDF form (`--fillable`, ISO 32000-1, 12.7): each field a text widget on its
//! page with its name (`/T`), its tooltip for screen readers (`/TU`), printed with
//! the page (`/F 4`), in the structure as a Form element, and an appearance
//! (`/AP`) drawn here, so that a prefilled value prints as it is in every reader
//! and at every print shop (no `/NeedAppearances`, which PDF/A forbids).
//!
//! What a person types is drawn by the reader with the font of `/DR` (see
//! [`super::font::embed_form_font`]) at the size that fits (`/DA` size 0): text
//! that does not fit shrinks rather than being cut off. The appearance drawn here
//! does the same: one line shrinks to the box's width, several lines wrap at
//! spaces and shrink until they fit its height.

use pdf_writer::{Content, Name, Str};

use crate::diagnostic::Diagnostic;
use crate::fonts::Font;
use crate::messages::msg;
use crate::pages::{FieldBox, FIELD_PADDING};

use super::font::{Embedded, FORM_FONT};
use super::objects::{name, Dict, Obj, Objects, Packing, Ref};

/// The default appearance: the form's font at the size that fits, black.
const DA: &str = "/FF 0 Tf 0 g";
/// The smallest size text shrinks to.
const MIN_SIZE: f32 = 4.0;
/// The grey of a box's border.
const BORDER_GREY: f32 = 0.55;
/// Field flag: the field holds several lines (ISO 32000-1, table 228).
const MULTILINE: i64 = 1 << 12;

/// The form's font: what it is drawn with, and the font itself.
pub struct FormFont<'f> {
    /// The embedded subset, its codes.
    pub embedded: Embedded,
    /// The face it is a subset of, for glyphs and advances.
    pub font: &'f Font,
}

/// A field's widget annotation, in the structure as `/StructParent` `key` says;
/// an error for a value that does not fit its box even at the smallest size.
pub fn widget(
    objects: &mut Objects,
    field: &FieldBox,
    font: &FormFont<'_>,
    key: usize,
) -> Result<Ref, Box<Diagnostic>> {
    let (size, lines) = fit(field, font);
    if !fits(field, font, size, &lines) {
        return Err(Box::new(
            Diagnostic::error(
                msg("form-value-too-long")
                    .field("field", &field.name)
                    .arg("size", MIN_SIZE),
            )
            .field(field.name.clone()),
        ));
    }
    let rect = [
        field.x,
        field.y,
        field.x + field.width,
        field.y + field.height,
    ];
    let appearance = objects.stream(
        Dict::from([
            ("Type", name("XObject")),
            ("Subtype", name("Form")),
            (
                "BBox",
                Obj::Array(vec![
                    Obj::Real(0.0),
                    Obj::Real(0.0),
                    Obj::Real(field.width),
                    Obj::Real(field.height),
                ]),
            ),
            ("Resources", resources(font)),
        ]),
        appearance(field, font, size, &lines),
        Packing::Deflate,
    );
    let mut dict = Dict::from([
        ("Type", name("Annot")),
        ("Subtype", name("Widget")),
        ("FT", name("Tx")),
        ("T", Obj::Text(field.name.clone())),
        ("TU", Obj::Text(field.tip.clone())),
        (
            "Rect",
            Obj::Array(rect.iter().map(|v| Obj::Real(*v)).collect()),
        ),
        ("F", Obj::Int(4)),
        ("DA", Obj::Ascii(DA.into())),
        ("Q", Obj::Int(0)),
        (
            "MK",
            Dict::from([("BC", Obj::Array(vec![Obj::Real(BORDER_GREY)]))]).into(),
        ),
        (
            "BS",
            Dict::from([("W", Obj::Int(1)), ("S", name("S"))]).into(),
        ),
        ("AP", Dict::from([("N", appearance.into())]).into()),
        ("StructParent", Obj::Int(key as i64)),
    ]);
    if field.multiline {
        dict.set("Ff", Obj::Int(MULTILINE));
    }
    if !field.value.is_empty() {
        dict.set("V", Obj::Text(field.value.clone()));
    }
    Ok(objects.add(dict))
}

/// The document's `/AcroForm`: its fields, and the font and appearance readers
/// fill them in with.
pub fn acro_form(fields: Vec<Obj>, font: &FormFont<'_>) -> Dict {
    Dict::from([
        ("Fields", Obj::Array(fields)),
        ("DR", resources(font)),
        ("DA", Obj::Ascii(DA.into())),
    ])
}

fn resources(font: &FormFont<'_>) -> Obj {
    Dict::from([(
        "Font",
        Dict::from([(FORM_FONT, Obj::Ref(font.embedded.id()))]).into(),
    )])
    .into()
}

/// The field's look: its border, and its value in `lines` at `size`.
fn appearance(field: &FieldBox, font: &FormFont<'_>, size: f32, lines: &[String]) -> Vec<u8> {
    let (w, h) = (field.width, field.height);
    let mut c = Content::new();
    // A border of whole points: pdfium reads `/BS /W` as a whole number and
    // draws none for 0.6 when it redraws a field that was filled in.
    c.set_stroke_gray(BORDER_GREY)
        .set_line_width(1.0)
        .rect(0.5, 0.5, w - 1.0, h - 1.0)
        .stroke();
    c.begin_marked_content(Name(b"Tx"));
    if !field.value.is_empty() {
        let f = font.font;
        let ascent = f.ascender / f.units_per_em * size;
        let descent = f.descender / f.units_per_em * size;
        let pad = FIELD_PADDING * field.size;
        let leading = size * 1.15;
        let first = if field.multiline {
            h - pad - ascent
        } else {
            (h - (ascent - descent)) / 2.0 - descent
        };
        c.save_state()
            .rect(1.0, 1.0, w - 2.0, h - 2.0)
            .clip_nonzero()
            .end_path();
        c.begin_text()
            .set_font(Name(FORM_FONT.as_bytes()), size)
            .set_fill_gray(0.0);
        for (i, line) in lines.iter().enumerate() {
            let y = first - i as f32 * leading;
            c.set_text_matrix([1.0, 0.0, 0.0, 1.0, pad, y]);
            c.show(Str(&codes(line, font)));
        }
        c.end_text().restore_state();
    }
    c.end_marked_content();
    c.finish().into_vec()
}

/// The size the value is set in, and its lines: as large as the field's size,
/// smaller until it fits.
fn fit(field: &FieldBox, font: &FormFont<'_>) -> (f32, Vec<String>) {
    let pad = FIELD_PADDING * field.size;
    let width = field.width - 2.0 * pad;
    let height = field.height - 2.0 * pad;
    let mut size = field.size;
    loop {
        let lines = if field.multiline {
            field
                .value
                .lines()
                .flat_map(|l| wrap(l, width, size, font))
                .collect()
        } else {
            vec![field.value.replace('\n', " ")]
        };
        if fits(field, font, size, &lines) || size <= MIN_SIZE {
            return (size, lines);
        }
        let widest = lines
            .iter()
            .map(|l| advance(l, size, font))
            .fold(0.0, f32::max);
        size = if field.multiline {
            size - 0.5
        } else {
            (size * width / widest).min(size - 0.1).min(height / 1.15)
        }
        .max(MIN_SIZE);
    }
}

/// Whether `lines` at `size` fit inside the field's box.
fn fits(field: &FieldBox, font: &FormFont<'_>, size: f32, lines: &[String]) -> bool {
    let pad = FIELD_PADDING * field.size;
    let widest = lines
        .iter()
        .map(|l| advance(l, size, font))
        .fold(0.0, f32::max);
    widest <= field.width - 2.0 * pad
        && lines.len() as f32 * size * 1.15 <= field.height - 2.0 * pad
}

/// A line of text broken at spaces into lines no wider than `width`; a word
/// wider than that (a web or e-mail address) is broken where an address breaks
/// (see [`split_word`]).
fn wrap(text: &str, width: f32, size: f32, font: &FormFont<'_>) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        // The pieces of a broken word each stand on a line of their own, joined
        // by nothing.
        let mut pieces = split_word(word, width, size, font).into_iter();
        let first = pieces.next().unwrap_or_default();
        let candidate = if line.is_empty() {
            first.clone()
        } else {
            format!("{line} {first}")
        };
        if advance(&candidate, size, font) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = first;
        }
        for piece in pieces {
            lines.push(std::mem::replace(&mut line, piece));
        }
    }
    lines.push(line);
    lines
}

/// A word cut into pieces no wider than `width`, each ending after the last
/// `/ . - @ _ ? & =` that fits (where an address breaks), or where it must.
fn split_word(word: &str, width: f32, size: f32, font: &FormFont<'_>) -> Vec<String> {
    if advance(word, size, font) <= width {
        return vec![word.to_string()];
    }
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if advance(&piece, size, font) > width && piece.chars().count() > 1 {
            let last = piece.pop().unwrap_or(c);
            let cut = piece
                .char_indices()
                .filter(|(_, c)| "/.-@_?&=".contains(*c))
                .map(|(i, c)| i + c.len_utf8())
                .next_back()
                .filter(|i| *i < piece.len())
                .unwrap_or(piece.len());
            let rest = piece.split_off(cut);
            pieces.push(std::mem::take(&mut piece));
            piece = rest;
            piece.push(last);
        }
    }
    pieces.push(piece);
    pieces
}

/// A text's width at a size in the form's font.
fn advance(text: &str, size: f32, font: &FormFont<'_>) -> f32 {
    font.font.advance(text, size)
}

/// A text as the form font's two-byte codes (a character it lacks is left out).
fn codes(text: &str, font: &FormFont<'_>) -> Vec<u8> {
    let face = font.font.face();
    text.chars()
        .filter_map(|c| face.glyph_index(c))
        .filter_map(|g| font.embedded.code_of(g.0))
        .flat_map(u16::to_be_bytes)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{FaceId, Fonts, Weight};
    use crate::store::Store;

    fn with_font(check: impl FnOnce(&FormFont<'_>)) {
        let layout = crate::layout::load(&Store::layouts(None), crate::layout::DEFAULT)
            .expect("the default layout");
        let fonts = Fonts::load(&Store::fonts(None), &layout.fonts).expect("its fonts");
        let face = FaceId::from(Weight::Regular);
        let font = fonts.get(face);
        let mut objects = Objects::new();
        let embedded =
            super::super::font::embed_form_font(&mut objects, font, face, std::iter::empty())
                .expect("the form font");
        check(&FormFont { embedded, font });
    }

    fn field(value: &str, width: f32, multiline: bool) -> FieldBox {
        FieldBox {
            x: 0.0,
            y: 0.0,
            width,
            height: if multiline { 40.0 } else { 18.0 },
            name: "organisation.web".into(),
            tip: "Webb".into(),
            value: value.into(),
            multiline,
            size: 12.0,
            tag: crate::structure::Tag::Artifact,
        }
    }

    #[test]
    fn a_web_address_breaks_where_addresses_break_and_every_line_fits() {
        with_font(|font| {
            let web = "https://www.regionvastrasjobotten.se/vard-och-halsa/psykiatri/anhorigstod";
            let f = field(web, 120.0, true);
            let (size, lines) = fit(&f, font);
            assert!(fits(&f, font, size, &lines));
            assert!(size >= 6.0, "readable: {size}");
            assert_eq!(lines.concat(), web, "no character lost or added: {lines:?}");
            assert!(
                lines[..lines.len() - 1]
                    .iter()
                    .all(|l| l.ends_with(['/', '.', '-'])),
                "broken after / . -: {lines:?}"
            );
        });
    }

    #[test]
    fn a_value_that_would_not_fit_even_at_the_smallest_size_is_an_error() {
        with_font(|font| {
            let mut objects = Objects::new();
            let long = field(&"Storgatan 12, ingång från gården. ".repeat(6), 40.0, false);
            let err = widget(&mut objects, &long, font, 0).expect_err("an error");
            assert_eq!(err.field.as_deref(), Some("organisation.web"));
            let short = field("www.asby.se", 120.0, false);
            assert!(widget(&mut objects, &short, font, 0).is_ok());
        });
    }
}

//! The document's objects, and the one file that knows lopdf.
//!
//! The other files of the PDF writer build objects in this small vocabulary
//! ([`Obj`], [`Dict`], [`Ref`]) and add them to [`Objects`]; here they become
//! lopdf's, which writes them packed into compressed object streams with a
//! cross-reference stream. A different object writer replaces this file only.
//!
//! Decision: lopdf stays the object model because it packs objects into object
//! streams, which pdf-writer does not; the structure tree's hundreds of small
//! dictionaries would otherwise be written uncompressed, half as large again as
//! the whole leaflet. For the same reason text strings and dates are encoded with
//! lopdf's own `text_string` and its jiff conversion rather than pdf-writer's
//! `TextStr` and `Date`, which write bytes that lopdf's objects cannot hold.

use std::borrow::Cow;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::msg;

/// A reference to an object of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ref(ObjectId);

/// A PDF object.
#[derive(Debug, Clone)]
pub enum Obj {
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A real number.
    Real(f32),
    /// A name (`/Type`), without its slash.
    Name(String),
    /// A text string for people (titles, alternative texts): PDFDocEncoding for
    /// ASCII, UTF-16BE with a byte-order mark for anything else.
    Text(String),
    /// A byte string of ASCII (language tags, registry names).
    Ascii(String),
    /// A byte string of any bytes (a palette), written in hexadecimal.
    Bytes(Vec<u8>),
    /// A date, seconds since 1970 in UTC (`D:YYYYMMDDHHmmSSZ`).
    Date(jiff::Timestamp),
    /// A reference to an indirect object.
    Ref(Ref),
    /// An array.
    Array(Vec<Obj>),
    /// A dictionary.
    Dict(Dict),
}

/// A dictionary, its keys in the order they are written.
#[derive(Debug, Clone, Default)]
pub struct Dict(Vec<(Cow<'static, str>, Obj)>);

impl Dict {
    /// An empty dictionary.
    pub fn new() -> Dict {
        Dict(Vec::new())
    }

    /// Set a key (replacing its value where it is, if it is there already).
    pub fn set(&mut self, key: impl Into<Cow<'static, str>>, value: impl Into<Obj>) {
        let (key, value) = (key.into(), value.into());
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(pair) => pair.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// The dictionary with a key set.
    pub fn with(mut self, key: impl Into<Cow<'static, str>>, value: impl Into<Obj>) -> Dict {
        self.set(key, value);
        self
    }
}

impl<const N: usize> From<[(&'static str, Obj); N]> for Dict {
    fn from(pairs: [(&'static str, Obj); N]) -> Dict {
        Dict(pairs.map(|(k, v)| (Cow::Borrowed(k), v)).into())
    }
}

/// A name object.
pub fn name(n: &str) -> Obj {
    Obj::Name(n.to_string())
}

impl From<Ref> for Obj {
    fn from(r: Ref) -> Obj {
        Obj::Ref(r)
    }
}

impl From<Dict> for Obj {
    fn from(d: Dict) -> Obj {
        Obj::Dict(d)
    }
}

impl From<i64> for Obj {
    fn from(i: i64) -> Obj {
        Obj::Int(i)
    }
}

impl From<bool> for Obj {
    fn from(b: bool) -> Obj {
        Obj::Bool(b)
    }
}

impl From<Vec<Obj>> for Obj {
    fn from(a: Vec<Obj>) -> Obj {
        Obj::Array(a)
    }
}

/// How a stream's data is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packing {
    /// Deflated (`/FlateDecode`) when that makes it smaller.
    Deflate,
    /// As given: already compressed (with its `/Filter` in the dictionary), or
    /// meant to be read as it is (XMP metadata).
    AsIs,
}

/// The document being written: its objects, numbered in the order they are added.
pub struct Objects(lopdf::Document);

impl Objects {
    /// An empty PDF 1.7 document.
    pub fn new() -> Objects {
        Objects(lopdf::Document::with_version("1.7"))
    }

    /// Number an object that is added later with [`Objects::put`].
    pub fn reserve(&mut self) -> Ref {
        Ref(self.0.new_object_id())
    }

    /// Add a dictionary.
    pub fn add(&mut self, dict: Dict) -> Ref {
        Ref(self.0.add_object(dictionary(dict)))
    }

    /// Add a dictionary under a reserved number.
    pub fn put(&mut self, at: Ref, dict: Dict) {
        self.0
            .objects
            .insert(at.0, Object::Dictionary(dictionary(dict)));
    }

    /// Add a stream; its `/Length` (and `/Filter` when deflated) is added to `dict`.
    pub fn stream(&mut self, mut dict: Dict, data: Vec<u8>, packing: Packing) -> Ref {
        let data = match packing {
            Packing::Deflate => {
                match crate::deflate::text(&data).filter(|p| p.len() + 19 < data.len()) {
                    Some(packed) => {
                        dict.set("Filter", name("FlateDecode"));
                        packed
                    }
                    None => data,
                }
            }
            Packing::AsIs => data,
        };
        let stream = lopdf::Stream::new(dictionary(dict), data).with_compression(false);
        Ref(self.0.add_object(stream))
    }

    /// Serialise with the catalog `root` and the document information `info`:
    /// objects packed into object streams, and an `/ID` that is a hash of the file
    /// itself (written once with a placeholder of the same length, then replaced).
    pub fn finish(mut self, root: Ref, info: Ref) -> Result<Vec<u8>, Diagnostics> {
        const PLACEHOLDER: [u8; 16] = *b"leaflet-id-00000";
        let fail = |e: std::io::Error| {
            Diagnostics::one(Diagnostic::error(
                msg("output-unwritable").arg("detail", e.to_string()),
            ))
        };
        let doc = &mut self.0;
        doc.trailer.set("Root", root.0);
        doc.trailer.set("Info", info.0);
        let id = Object::String(PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
        doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
        // Object streams pack the many small dictionaries (the structure tree's above
        // all) into compressed streams; PDF 1.5 and PDF/A-2 allow them.
        let options = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            // A leaflet's few hundred objects in one stream: one compressor set up (by
            // lopdf) instead of one per hundred objects.
            .max_objects_per_stream(1000)
            .compression_level(6)
            .build();
        let mut out = Vec::new();
        doc.save_with_options(&mut out, options).map_err(fail)?;
        let hex = |bytes: &[u8]| -> Vec<u8> {
            bytes
                .iter()
                .flat_map(|b| format!("{b:02X}").into_bytes())
                .collect()
        };
        let placeholder = hex(&PLACEHOLDER);
        let a = fnv1a(&out);
        let b = fnv1a(&[&a.to_be_bytes()[..], &out].concat());
        let hash = hex(&[a.to_be_bytes(), b.to_be_bytes()].concat());
        // The placeholder stands twice in the trailer dictionary.
        let mut at = 0;
        while let Some(i) = find(&out[at..], &placeholder) {
            out[at + i..at + i + placeholder.len()].copy_from_slice(&hash);
            at += i + placeholder.len();
        }
        Ok(out)
    }
}

/// FNV-1a, 64 bits: a stable hash for names and ids (not for security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// The first position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn dictionary(dict: Dict) -> Dictionary {
    let mut d = Dictionary::new();
    for (key, value) in dict.0 {
        d.set(key.into_owned(), object(value));
    }
    d
}

fn object(value: Obj) -> Object {
    match value {
        Obj::Bool(b) => Object::Boolean(b),
        Obj::Int(i) => Object::Integer(i),
        Obj::Real(r) => Object::Real(r),
        Obj::Name(n) => Object::Name(n.into_bytes()),
        Obj::Text(t) => lopdf::text_string(&t),
        Obj::Ascii(s) => Object::string_literal(s),
        Obj::Bytes(b) => Object::String(b, lopdf::StringFormat::Hexadecimal),
        Obj::Date(d) => Object::from(d),
        Obj::Ref(r) => Object::Reference(r.0),
        Obj::Array(a) => Object::Array(a.into_iter().map(object).collect()),
        Obj::Dict(d) => Object::Dictionary(dictionary(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_text_strings_are_written_as_pdf_wants_them() {
        let leap_day = jiff::Timestamp::from_second(1_709_210_096).expect("a date");
        assert_eq!(
            object(Obj::Date(leap_day)),
            Object::string_literal("D:20240229123456Z")
        );
        assert_eq!(object(Obj::Text("Åsa".into())), {
            Object::String(
                vec![0xFE, 0xFF, 0x00, 0xC5, 0x00, 0x73, 0x00, 0x61],
                StringFormat::Hexadecimal,
            )
        });
        assert_eq!(
            object(Obj::Text("Asa".into())),
            Object::string_literal("Asa")
        );
    }
}

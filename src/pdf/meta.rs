//! What the document says about itself: the document information dictionary, the
//! XMP metadata packet that identifies PDF/A-2b and PDF/UA-1 when claimed, and the
//! PDF/A output intent. Dates are written only when `SOURCE_DATE_EPOCH` is set.

use super::objects::{name, Dict, Obj, Objects, Packing, Ref};
use super::Metadata;

/// The producer named in the document.
const PRODUCER: &str = concat!("leaflet ", env!("CARGO_PKG_VERSION"));

/// The sRGB profile of the PDF/A output intent (Zlib licence, see `src/res/`).
const SRGB_ICC: &[u8] = include_bytes!("../res/sRGB.icc");

/// The document's date from seconds since 1970, for years 1 to 9999.
fn date(meta: &Metadata) -> Option<jiff::Timestamp> {
    let t = jiff::Timestamp::from_second(meta.date?).ok()?;
    let year = t.to_zoned(jiff::tz::TimeZone::UTC).year();
    (1..=9999).contains(&year).then_some(t)
}

/// `/Info`: title, author, subject, keywords, producer and (with
/// `SOURCE_DATE_EPOCH`) the creation and modification dates.
pub fn info(objects: &mut Objects, meta: &Metadata) -> Ref {
    let mut info = Dict::from([
        ("Title", Obj::Text(meta.title.clone())),
        ("Author", Obj::Text(meta.author.clone())),
        ("Subject", Obj::Text(meta.subject.clone())),
        ("Keywords", Obj::Text(meta.keywords.clone())),
        ("Creator", Obj::Text(PRODUCER.into())),
        ("Producer", Obj::Text(PRODUCER.into())),
    ]);
    if let Some(date) = date(meta) {
        info.set("CreationDate", Obj::Date(date));
        info.set("ModDate", Obj::Date(date));
    }
    objects.add(info)
}

/// PDF/A-2b's `/OutputIntents`: an sRGB profile for the device RGB colours used.
pub fn output_intents(objects: &mut Objects) -> Obj {
    let icc = objects.stream(
        Dict::from([("N", Obj::Int(3))]),
        SRGB_ICC.to_vec(),
        Packing::AsIs,
    );
    let intent = Dict::from([
        ("Type", name("OutputIntent")),
        ("S", name("GTS_PDFA1")),
        (
            "OutputConditionIdentifier",
            Obj::Ascii("sRGB IEC61966-2.1".into()),
        ),
        ("Info", Obj::Ascii("sRGB IEC61966-2.1".into())),
        ("DestOutputProfile", icc.into()),
    ]);
    Obj::Array(vec![intent.into()])
}

/// The catalog's `/Metadata`: an XMP packet (uncompressed, so any tool can read
/// it) that identifies PDF/A-2b and PDF/UA-1 as claimed.
pub fn xmp(objects: &mut Objects, meta: &Metadata) -> Ref {
    let dict = Dict::from([("Type", name("Metadata")), ("Subtype", name("XML"))]);
    objects.stream(dict, packet(meta).into_bytes(), Packing::AsIs)
}

/// The XMP packet: the same title, author, subject, keywords, tools and dates as
/// `/Info`, and the PDF/A and PDF/UA identifications claimed.
fn packet(meta: &Metadata) -> String {
    use xmp_writer::{DateTime, LangId, Timezone, XmpWriter};
    let mut xmp = XmpWriter::new();
    xmp.format("application/pdf")
        .title([(None, meta.title.as_str())])
        .creator([meta.author.as_str()])
        .description([(None, meta.subject.as_str())])
        .language([LangId(&meta.lang)])
        .pdf_keywords(&meta.keywords)
        .producer(PRODUCER)
        .creator_tool(PRODUCER);
    if let Some(t) = date(meta) {
        let d = t.to_zoned(jiff::tz::TimeZone::UTC);
        // Years 1 to 9999, months, days, hours, minutes and seconds all fit.
        let part = |v: i8| u8::try_from(v).unwrap_or(0);
        let when = DateTime {
            year: u16::try_from(d.year()).unwrap_or(1),
            month: Some(part(d.month())),
            day: Some(part(d.day())),
            hour: Some(part(d.hour())),
            minute: Some(part(d.minute())),
            second: Some(part(d.second())),
            timezone: Some(Timezone::Utc),
        };
        xmp.create_date(when).modify_date(when);
    }
    if meta.pdf_a {
        xmp.pdfa_part(2).pdfa_conformance("B");
    }
    if meta.pdf_ua {
        xmp.pdfua_part(1);
    }
    // PDF/A allows only the schemas it predefines unless the packet describes the
    // others (ISO 19005-2, 6.6.2.3.1): pdfuaid is not among them.
    if meta.pdf_a && meta.pdf_ua {
        xmp.extension_schemas()
            .pdfua_id()
            .properties()
            .describe_part();
    }
    xmp.finish(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(date: i64) -> Metadata {
        Metadata {
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            lang: "sv".into(),
            keywords: String::new(),
            date: Some(date),
            pdf_a: false,
            pdf_ua: false,
            rtl: false,
        }
    }

    #[test]
    fn dates_are_civil_utc_for_years_1_to_9999() {
        let iso = |d| date(&dated(d)).map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string());
        assert_eq!(iso(0).as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(iso(-1).as_deref(), Some("1969-12-31T23:59:59Z"));
        assert_eq!(iso(1_709_210_096).as_deref(), Some("2024-02-29T12:34:56Z"));
        assert_eq!(iso(i64::MAX / 2), None);
        assert_eq!(iso(-62_135_596_801), None, "the year 0");
    }
}

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
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let dates = date(meta)
        .map(|t| {
            let iso = t.strftime("%Y-%m-%dT%H:%M:%SZ");
            format!("   <xmp:CreateDate>{iso}</xmp:CreateDate>\n   <xmp:ModifyDate>{iso}</xmp:ModifyDate>\n")
        })
        .unwrap_or_default();
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">
  <rdf:Description rdf:about=\"\"
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"
    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"
    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <pdf:Producer>{producer}</pdf:Producer>
   <xmp:CreatorTool>{producer}</xmp:CreatorTool>
{dates}{ids}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end=\"w\"?>",
        title = esc(&meta.title),
        author = esc(&meta.author),
        subject = esc(&meta.subject),
        lang = esc(&meta.lang),
        keywords = esc(&meta.keywords),
        producer = esc(PRODUCER),
        ids = [
            (meta.pdf_a, "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n"),
            (meta.pdf_ua, "   <pdfuaid:part>1</pdfuaid:part>\n"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, xml)| *xml)
        .collect::<String>(),
    )
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

//! Tagged PDF: structure, reading order, text alternatives, languages, PDF/UA.

use std::path::Path;
use std::process::Command;

use crate::common::Sandbox;

fn build(sb: &Sandbox, args: &[&str]) -> lopdf::Document {
    sb.example();
    sb.run(&[&["build", "asby.toml", "-o", "out.pdf"], args].concat())
        .ok();
    lopdf::Document::load(sb.path("out.pdf")).expect("a PDF")
}

/// poppler's view of the structure tree: one line per element or text.
fn structure_text(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every structure element's dictionary, in object order.
fn elements(doc: &lopdf::Document) -> Vec<&lopdf::Dictionary> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Type").and_then(lopdf::Object::as_name).ok() == Some(b"StructElem".as_slice())
        })
        .collect()
}

fn text(o: &lopdf::Object) -> String {
    crate::common::decode_text_string(o.as_str().unwrap_or_default())
}

#[test]
fn the_pdf_is_marked_with_a_structure_tree_and_its_language() {
    let sb = Sandbox::new();
    let doc = build(&sb, &["--lang", "fi"]);
    let catalog = doc.catalog().expect("catalog");
    let marked = catalog
        .get(b"MarkInfo")
        .and_then(lopdf::Object::as_dict)
        .and_then(|m| m.get(b"Marked"))
        .and_then(lopdf::Object::as_bool);
    assert_eq!(marked.ok(), Some(true));
    assert!(catalog.get(b"StructTreeRoot").is_ok());
    for (_, page) in doc.get_pages() {
        let page = doc.get_dictionary(page).expect("page");
        assert!(
            page.get(b"StructParents").is_ok(),
            "every page links to the parent tree"
        );
    }
}

#[test]
fn all_content_is_either_tagged_or_an_artifact() {
    let sb = Sandbox::new();
    let doc = build(&sb, &[]);
    for (n, page) in doc.get_pages() {
        let content = doc.get_and_decode_page_content(page).expect("content");
        let mut depth = 0;
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" | "BMC" => depth += 1,
                "EMC" => depth -= 1,
                "Tj" | "TJ" | "Do" | "f" | "S" | "re" => {
                    assert!(
                        depth > 0,
                        "page {n}: `{}` outside marked content",
                        op.operator
                    )
                }
                _ => {}
            }
        }
        assert_eq!(depth, 0, "page {n}: marked content balanced");
    }
}

#[test]
fn headings_lists_and_figures_are_in_reading_order() {
    let sb = Sandbox::new();
    build(&sb, &[]);
    let s = structure_text(&sb.path("out.pdf"));
    let at = |needle: &str| {
        s.find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in:\n{s}"))
    };
    assert!(at("H1") < at("Hjälper du någon som står dig nära?"));
    assert!(at("Hjälper du någon") < at("Är du anhörig?"));
    assert!(at("Är du anhörig?") < at("\"Det finns stöd för dig\""));
    assert!(at("\"Det finns stöd för dig\"") < at("Kontakta oss"));
    for role in [
        "H2 ",
        "H3 ",
        "L (block)",
        "LI (block)",
        "Lbl (block)",
        "LBody (block)",
        "Figure",
    ] {
        at(role);
    }
    // A labelled contact line reads label, then value.
    assert!(s.contains("\"Telefon\"") && at("\"Telefon\"") < at("\"0123-456 80\""));
    // Words on either side of a line break stay apart.
    assert!(
        s.contains("Du är anhörig om du hjälper, stöttar eller vårdar någon i din närhet. Det kan"),
        "{s}"
    );
}

#[test]
fn the_folded_sheet_reads_cover_first_and_contacts_last() {
    let sb = Sandbox::new();
    build(&sb, &["--layout", "trifold-dl"]);
    let s = structure_text(&sb.path("out.pdf"));
    let at = |needle: &str| {
        s.find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in:\n{s}"))
    };
    assert!(at("Hjälper du någon") < at("Är du anhörig?"));
    assert!(at("Är du anhörig?") < at("Nästan var femte vuxen"));
    assert!(at("Nästan var femte vuxen") < at("\"Det finns stöd för dig\""));
    assert!(
        at("Nationella stödlinjer") < at("Kontakta oss"),
        "the back panel is read last"
    );
}

#[test]
fn the_logo_and_the_qr_code_have_text_alternatives() {
    let sb = Sandbox::new();
    let doc = build(&sb, &[]);
    let alts: Vec<String> = elements(&doc)
        .iter()
        .filter(|e| e.get(b"S").and_then(lopdf::Object::as_name).ok() == Some(b"Figure".as_slice()))
        .map(|e| e.get(b"Alt").map(text).unwrap_or_default())
        .collect();
    assert_eq!(alts.len(), 2, "{alts:?}");
    assert!(
        alts.contains(&"Åsby kommuns logotyp: två personer, den ena stöttar den andra".to_string()),
        "{alts:?}"
    );
    assert!(
        alts.contains(&"QR-kod till www.asby.se/anhorig".to_string()),
        "{alts:?}"
    );
}

#[test]
fn text_in_another_language_is_marked_with_it() {
    let sb = Sandbox::new();
    sb.write(
        "c.toml",
        "[organisation]\nname = \"Åsby kommun\"\nunit = { sv = \"Anhörigstöd\" }\n",
    );
    sb.run(&["build", "c.toml", "--lang", "fi", "-o", "fi.pdf"])
        .ok();
    let doc = lopdf::Document::load(sb.path("fi.pdf")).expect("a PDF");
    let langs: Vec<String> = elements(&doc)
        .iter()
        .filter_map(|e| e.get(b"Lang").ok().map(text))
        .collect();
    assert!(
        langs.contains(&"sv".to_string()),
        "the Swedish unit in the Finnish leaflet: {langs:?}"
    );
}

#[test]
fn pdf_ua_is_claimed_in_xmp_and_a_logo_without_alt_text_is_refused() {
    let sb = Sandbox::new();
    let doc = build(&sb, &["--pdf-ua"]);
    let metadata = doc
        .catalog()
        .and_then(|c| c.get(b"Metadata"))
        .and_then(lopdf::Object::as_reference)
        .expect("/Metadata");
    let xmp = doc
        .get_object(metadata)
        .and_then(lopdf::Object::as_stream)
        .expect("XMP");
    let xmp = String::from_utf8_lossy(&xmp.content);
    assert!(
        xmp.contains("<pdfuaid:part>1</pdfuaid:part>") && xmp.contains("Stöd till dig som hjälper"),
        "{xmp}"
    );

    let text = std::fs::read_to_string(sb.path("asby.toml")).expect("read");
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("logo_alt"))
        .map(|l| format!("{l}\n"))
        .collect();
    sb.write("noalt.toml", &without);
    let err = sb
        .run(&["build", "noalt.toml", "--pdf-ua", "-o", "ua.pdf"])
        .fails();
    assert!(
        err.contains("noalt.toml:10:8: with --pdf-ua the logo needs a text alternative"),
        "{err}"
    );
    assert!(err.contains("logo_alt"), "{err}");
    assert!(!sb.path("ua.pdf").exists());
}

/// Every tagged item of every example, in every language and layout, has its
/// structure element, and every element that stands for content has some: no
/// text is hidden from screen readers and no figure is announced that is not
/// printed. One more file has a web address too long for a QR code.
#[test]
fn tagged_content_and_structure_elements_match_one_to_one() {
    use leaflet::content::Flow;
    use leaflet::pages::Item;
    use leaflet::store::Store;
    use leaflet::structure::{Part, Tag};
    use leaflet::{contacts, content, fonts, layout, locale, typeset};
    use std::collections::HashSet;

    let sb = Sandbox::new();
    // An address too long for a QR code in any layout's place for one.
    let long_web = format!(
        "https://www.asby.se/{}",
        "omsorg-och-stod/anhoriga-och-narstaende/".repeat(4)
    );
    let crowded = sb.write(
        "crowded.toml",
        &format!("[organisation]\nname = \"Åsby kommun\"\nweb = \"{long_web}\"\n"),
    );
    let mut files: Vec<std::path::PathBuf> = ["asby", "glantan", "norrby"]
        .iter()
        .map(|e| crate::common::repo(&format!("examples/{e}.toml")))
        .collect();
    files.push(crowded);
    let layouts = Store::layouts(None);
    let mut without_qr = 0;
    for file in &files {
        let c = contacts::load(file).expect("valid contacts");
        let logos = c.read_logos().expect("readable logos");
        for name in layout::names(&layouts).expect("layouts") {
            let layout = layout::load(&layouts, &name).expect("a layout");
            let fonts = fonts::Fonts::load(&Store::fonts(None), &layout.fonts).expect("fonts");
            for lang in ["sv", "fi", "en"] {
                let locale = locale::load(&Store::locales(None), lang).expect("a locale");
                let content =
                    content::compose(&layout, &locale, &c, &logos, false).expect("content");
                let shared = typeset::Shared::default();
                let hyphenator = locale.hyphenator();
                let strict = typeset::Fit::Strict;
                let Ok(set) =
                    typeset::typeset(&content, &layout, &fonts, hyphenator, strict, &shared)
                else {
                    continue; // refused as too long: nothing is printed
                };
                let case = format!("{} {name} {lang}", file.display());
                let elements: HashSet<_> = set
                    .structure
                    .elements
                    .iter()
                    .filter_map(|e| e.content)
                    .collect();
                let tagged: HashSet<_> = set
                    .pages
                    .iter()
                    .flat_map(|p| &p.items)
                    .filter_map(|i| match i.tag() {
                        Tag::Content(key, part) => Some((key, part)),
                        Tag::Artifact => None,
                    })
                    .collect();
                for t in &tagged {
                    assert!(elements.contains(t), "{case}: {t:?} has no element");
                }
                for e in &elements {
                    assert!(tagged.contains(e), "{case}: {e:?} has no content");
                }
                let qr_asked = content
                    .pages
                    .iter()
                    .flat_map(|p| &p.frames)
                    .flat_map(|f| &f.flows)
                    .any(|f| matches!(f, Flow::Qr { .. }));
                let qr_printed = set.pages.iter().flat_map(|p| &p.items).any(|i| {
                    matches!(i, Item::Fill(r) if matches!(r.tag, Tag::Content(_, Part::Figure)))
                });
                if qr_asked && !qr_printed {
                    without_qr += 1;
                }
            }
        }
    }
    assert!(without_qr > 0, "the crowded file leaves the QR code out");
}

/// The web address, e-mail addresses and phone numbers of the contact page are
/// link annotations: each leads where its text says, lies on its page (also on a
/// booklet's sheets), has a text for screen readers, and is a Link element's
/// object in the structure tree, which the parent tree finds from the annotation.
#[test]
fn contact_details_are_tagged_links_that_lead_where_they_say() {
    for impose in ["none", "booklet"] {
        let sb = Sandbox::new();
        let doc = build(&sb, &["--impose", impose]);
        let mut uris = Vec::new();
        for (_, page_id) in doc.get_pages() {
            let page = doc.get_dictionary(page_id).expect("a page");
            let media = crate::common::page_box(&doc, page_id, "MediaBox");
            let Ok(annots) = page.get(b"Annots").and_then(lopdf::Object::as_array) else {
                continue;
            };
            for annot in annots {
                let id = annot.as_reference().expect("an indirect annotation");
                let a = doc.get_dictionary(id).expect("an annotation");
                assert_eq!(
                    a.get(b"Subtype").and_then(lopdf::Object::as_name).ok(),
                    Some(b"Link".as_slice())
                );
                let rect: Vec<f32> = a
                    .get(b"Rect")
                    .and_then(lopdf::Object::as_array)
                    .expect("a Rect")
                    .iter()
                    .map(|v| v.as_float().expect("a number"))
                    .collect();
                assert!(
                    rect[0] >= media[0]
                        && rect[1] >= media[1]
                        && rect[2] <= media[2]
                        && rect[3] <= media[3]
                        && rect[0] < rect[2]
                        && rect[1] < rect[3],
                    "{impose}: {rect:?} inside {media:?}"
                );
                let contents = a.get(b"Contents").map(text).unwrap_or_default();
                assert!(!contents.is_empty(), "a text for screen readers");
                let action = a
                    .get(b"A")
                    .and_then(lopdf::Object::as_dict)
                    .expect("an action");
                let uri = action.get(b"URI").map(text).expect("a URI");
                // The parent tree leads from the annotation to a Link element that
                // holds it.
                let key = a
                    .get(b"StructParent")
                    .and_then(lopdf::Object::as_i64)
                    .expect("a StructParent");
                let element = parent_of(&doc, key);
                let e = doc.get_dictionary(element).expect("an element");
                assert_eq!(
                    e.get(b"S").and_then(lopdf::Object::as_name).ok(),
                    Some(b"Link".as_slice())
                );
                let kids = e.get(b"K").and_then(lopdf::Object::as_array).expect("kids");
                let holds = kids.iter().any(|k| {
                    k.as_dict()
                        .ok()
                        .and_then(|d| d.get(b"Obj").ok())
                        .and_then(|o| o.as_reference().ok())
                        == Some(id)
                });
                assert!(holds, "{impose}: the Link element holds its annotation");
                uris.push(uri);
            }
        }
        for expected in [
            "tel:+4612345678",
            "mailto:anhorigstod@asby.se",
            "https://www.asby.se/anhorig",
            "tel:+4612345680",
            "mailto:asa.ohrstrom@asby.se",
            "mailto:jaana.karkkainen@asby.se",
        ] {
            assert!(
                uris.iter().any(|u| u == expected),
                "{impose}: {expected} in {uris:?}"
            );
        }
    }
}

/// The structure element the parent tree gives for a `/StructParent` key.
fn parent_of(doc: &lopdf::Document, key: i64) -> lopdf::ObjectId {
    let catalog = doc.catalog().expect("a catalog");
    let root = catalog
        .get(b"StructTreeRoot")
        .and_then(lopdf::Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .expect("a structure tree");
    let nums = root
        .get(b"ParentTree")
        .and_then(lopdf::Object::as_dict)
        .and_then(|t| t.get(b"Nums"))
        .and_then(lopdf::Object::as_array)
        .expect("a parent tree");
    nums.chunks(2)
        .find(|pair| pair[0].as_i64().ok() == Some(key))
        .and_then(|pair| pair[1].as_reference().ok())
        .expect("the key in the parent tree")
}

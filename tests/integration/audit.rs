//! What a print shop and an accessibility auditor check, on every layout with
//! each print option: XMP properties all declared for PDF/A; every text and path
//! operator inside an `/Artifact` or a tagged MCID the structure tree reaches, each
//! MCID used once; headings that do not skip levels; every Figure with `/Alt`, and
//! with `/Lang` when its text is in another language; line-end hyphens that read
//! as soft hyphens; black and grey in DeviceGray (one ink), never RGB.
//!
//! Each check is calibrated: a good file changed to break it must fail it.

use std::collections::BTreeSet;

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId};

use crate::common::{page_lines, Sandbox};

/// Build `contacts` with `args` in a sandbox that has the examples.
fn build(sb: &Sandbox, contacts: &str, args: &[&str]) -> Document {
    sb.copy_example("asby.toml");
    sb.run(&[&["build", contacts, "-o", "audit.pdf"], args].concat())
        .ok();
    Document::load(sb.path("audit.pdf")).expect("a PDF")
}

/// Schemas PDF/A predefines (ISO 19005-2, 6.6.2.3.1, the XMP specification's):
/// any other namespace used must be described by an extension schema.
const PREDEFINED: [&str; 18] = [
    "x",
    "rdf",
    "xml",
    "dc",
    "xmp",
    "xmpMM",
    "xmpRights",
    "xmpTPg",
    "xmpGImg",
    "pdf",
    "photoshop",
    "tiff",
    "exif",
    "stRef",
    "stEvt",
    "pdfaid",
    "pdfaExtension",
    "pdfaSchema",
];

/// The XMP packet of the catalog, if there is one.
fn xmp(doc: &Document) -> Option<String> {
    let catalog = doc.catalog().ok()?;
    let id = catalog.get(b"Metadata").ok()?.as_reference().ok()?;
    let stream = doc.get_object(id).ok()?.as_stream().ok()?;
    Some(String::from_utf8_lossy(&stream.content).into_owned())
}

/// A PDF/A packet's properties whose schema is neither predefined nor
/// described in `pdfaExtension:schemas`.
fn undeclared_xmp(doc: &Document) -> Vec<String> {
    let Some(packet) = xmp(doc) else {
        return Vec::new();
    };
    if !packet.contains("<pdfaid:part>") {
        return Vec::new();
    }
    let mut problems = Vec::new();
    let used: BTreeSet<(String, String)> = packet
        .split('<')
        .skip(1)
        .filter(|t| !t.starts_with('/') && !t.starts_with('?') && !t.starts_with('!'))
        .filter_map(|t| {
            let name = t.split([' ', '>', '/']).next()?;
            let (prefix, local) = name.split_once(':')?;
            Some((prefix.to_string(), local.to_string()))
        })
        .collect();
    for (prefix, local) in &used {
        let other = ["pdfaProperty", "pdfaType", "pdfaField"].contains(&prefix.as_str());
        if PREDEFINED.contains(&prefix.as_str()) || other {
            continue;
        }
        let described = packet
            .contains(&format!("<pdfaSchema:prefix>{prefix}</pdfaSchema:prefix>"))
            && packet.contains(&format!("<pdfaProperty:name>{local}</pdfaProperty:name>"));
        if !described {
            problems.push(format!("{prefix}:{local} is not described"));
        }
    }
    problems
}

/// The marked-content ids the structure tree reaches, by page.
fn tree_mcids(doc: &Document) -> BTreeSet<(ObjectId, i64)> {
    fn walk(
        doc: &Document,
        o: &Object,
        page: Option<ObjectId>,
        out: &mut BTreeSet<(ObjectId, i64)>,
    ) {
        match o {
            Object::Integer(mcid) => {
                if let Some(page) = page {
                    out.insert((page, *mcid));
                }
            }
            Object::Array(items) => items.iter().for_each(|i| walk(doc, i, page, out)),
            Object::Reference(id) => {
                if let Ok(obj) = doc.get_object(*id) {
                    walk(doc, obj, page, out);
                }
            }
            Object::Dictionary(d) => {
                let page = d.get(b"Pg").and_then(Object::as_reference).ok().or(page);
                match d.get(b"Type").and_then(Object::as_name).ok() {
                    Some(b"MCR") => {
                        if let (Ok(mcid), Some(page)) =
                            (d.get(b"MCID").and_then(Object::as_i64), page)
                        {
                            out.insert((page, mcid));
                        }
                    }
                    Some(b"OBJR") => {}
                    _ => {
                        if let Ok(k) = d.get(b"K") {
                            walk(doc, k, page, out);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    if let Ok(root) = doc.catalog().and_then(|c| c.get(b"StructTreeRoot")) {
        walk(doc, root, None, &mut out);
    }
    out
}

/// A page's content, decoded.
fn operations(doc: &Document, page: ObjectId) -> Vec<Operation> {
    let data = doc.get_page_content(page);
    Content::decode(&data)
        .expect("decodable content")
        .operations
}

/// Text and path painting outside `/Artifact` or a tagged MCID; MCIDs used
/// twice on a page or not reached from the structure tree.
fn untagged_content(doc: &Document) -> Vec<String> {
    let reached = tree_mcids(doc);
    let mut problems = Vec::new();
    for (number, page) in doc.get_pages() {
        // Per open marked-content sequence: tagged (an artifact or an MCID).
        let mut open: Vec<bool> = Vec::new();
        let mut used = BTreeSet::new();
        for op in operations(doc, page) {
            match op.operator.as_str() {
                "BMC" => open.push(
                    op.operands.first().and_then(|o| o.as_name().ok())
                        == Some(b"Artifact".as_slice()),
                ),
                "BDC" => {
                    let artifact = op.operands.first().and_then(|o| o.as_name().ok())
                        == Some(b"Artifact".as_slice());
                    let mcid = op
                        .operands
                        .get(1)
                        .and_then(|o| o.as_dict().ok())
                        .and_then(|d| d.get(b"MCID").and_then(Object::as_i64).ok());
                    if let Some(mcid) = mcid {
                        if !used.insert(mcid) {
                            problems.push(format!("page {number}: MCID {mcid} used twice"));
                        }
                        if !reached.contains(&(page, mcid)) {
                            problems.push(format!(
                                "page {number}: MCID {mcid} not in the structure tree"
                            ));
                        }
                    }
                    open.push(artifact || mcid.is_some());
                }
                "EMC" => {
                    open.pop();
                }
                "TJ" | "Tj" | "'" | "\"" | "f" | "F" | "f*" | "S" | "s" | "B" | "B*" | "b"
                | "b*" | "sh" | "Do"
                    if !open.iter().any(|tagged| *tagged) =>
                {
                    problems.push(format!(
                        "page {number}: `{}` outside tagged content",
                        op.operator
                    ));
                }
                _ => {}
            }
        }
    }
    problems
}

/// Every structure element, in the tree's reading order, with its dictionary.
fn elements_in_order(doc: &Document) -> Vec<lopdf::Dictionary> {
    fn walk(doc: &Document, o: &Object, out: &mut Vec<lopdf::Dictionary>) {
        match o {
            Object::Array(items) => items.iter().for_each(|i| walk(doc, i, out)),
            Object::Reference(id) => {
                if let Ok(Object::Dictionary(d)) = doc.get_object(*id) {
                    if d.get(b"Type").and_then(Object::as_name).ok()
                        == Some(b"StructElem".as_slice())
                    {
                        out.push(d.clone());
                        if let Ok(k) = d.get(b"K") {
                            walk(doc, k, out);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(root) = doc
        .catalog()
        .and_then(|c| c.get(b"StructTreeRoot"))
        .and_then(Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
    {
        if let Ok(k) = root.get(b"K") {
            walk(doc, k, &mut out);
        }
    }
    out
}

fn role(e: &lopdf::Dictionary) -> String {
    e.get(b"S")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

/// Headings that skip a level (an H3 after an H1).
fn skipped_headings(doc: &Document) -> Vec<String> {
    let mut last = 0;
    let mut problems = Vec::new();
    for e in elements_in_order(doc) {
        let r = role(&e);
        let Some(level) = r.strip_prefix('H').and_then(|l| l.parse::<i32>().ok()) else {
            continue;
        };
        if level > last + 1 {
            problems.push(format!("{r} after H{last}"));
        }
        last = level;
    }
    problems
}

/// Figures without a text alternative.
fn figures_without_alt(doc: &Document) -> Vec<String> {
    elements_in_order(doc)
        .iter()
        .filter(|e| role(e) == "Figure")
        .filter(|e| {
            e.get(b"Alt")
                .and_then(Object::as_str)
                .map_or(true, <[u8]>::is_empty)
        })
        .map(|_| "a Figure without /Alt".to_string())
        .collect()
}

/// Neutral colours (black and greys) set in RGB: a print shop's conversion
/// prints them in four inks.
fn rgb_greys(doc: &Document) -> Vec<String> {
    let mut problems = Vec::new();
    for (number, page) in doc.get_pages() {
        for op in operations(doc, page) {
            if op.operator == "rg" || op.operator == "RG" {
                let c: Vec<f32> = op
                    .operands
                    .iter()
                    .filter_map(|o| o.as_float().ok())
                    .collect();
                if c.len() == 3 && c[0] == c[1] && c[1] == c[2] {
                    problems.push(format!("page {number}: grey {} in RGB", c[0]));
                }
            }
        }
    }
    problems
}

/// Every check on one file.
fn audit(doc: &Document) -> Vec<String> {
    [
        undeclared_xmp(doc),
        untagged_content(doc),
        skipped_headings(doc),
        figures_without_alt(doc),
        rgb_greys(doc),
    ]
    .concat()
}

#[test]
fn every_layout_with_every_print_option_passes_the_audit() {
    let sb = Sandbox::new();
    let options: [&[&str]; 5] = [
        &[],
        &["--pdf-a"],
        &["--pdf-ua"],
        &["--pdf-a", "--pdf-ua"],
        &["--bleed", "3", "--crop-marks"],
    ];
    let mut cases: Vec<Vec<&str>> = Vec::new();
    for layout in ["folder-a5", "a4", "trifold-dl"] {
        for option in options {
            cases.push([&["--layout", layout][..], option].concat());
        }
    }
    cases.push(vec!["--impose", "booklet"]);
    for args in cases {
        let doc = build(&sb, "asby.toml", &args);
        let problems = audit(&doc);
        assert!(problems.is_empty(), "{args:?}: {problems:?}");
        // The checks had something to look at.
        assert!(!tree_mcids(&doc).is_empty() && !elements_in_order(&doc).is_empty());
    }
}

/// Change a page's content with `f` (operations in, operations out).
fn edit_page(doc: &mut Document, f: impl Fn(&mut Vec<Operation>)) {
    let page = *doc.get_pages().values().next().expect("a page");
    let mut ops = operations(doc, page);
    f(&mut ops);
    let data = Content { operations: ops }.encode().expect("encodes");
    doc.change_page_content(page, data).expect("changed");
}

/// Change every structure element of a role with `f`.
fn edit_elements(doc: &mut Document, role_name: &str, f: impl Fn(&mut lopdf::Dictionary)) {
    for object in doc.objects.values_mut() {
        if let Object::Dictionary(d) = object {
            if d.get(b"Type").and_then(Object::as_name).ok() == Some(b"StructElem".as_slice())
                && role(d) == role_name
            {
                f(d);
            }
        }
    }
}

#[test]
fn each_check_fails_on_a_file_broken_for_it() {
    let sb = Sandbox::new();
    let good = build(&sb, "asby.toml", &["--pdf-a", "--pdf-ua"]);
    assert!(audit(&good).is_empty());
    // XMP: the extension schema taken out.
    let mut doc = good.clone();
    let id = doc
        .catalog()
        .and_then(|c| c.get(b"Metadata"))
        .and_then(Object::as_reference)
        .expect("metadata");
    if let Ok(Object::Stream(s)) = doc.get_object_mut(id) {
        let text = String::from_utf8_lossy(&s.content).into_owned();
        let start = text.find("<pdfaExtension:schemas>").expect("declared");
        let end = text.find("</pdfaExtension:schemas>").expect("declared")
            + "</pdfaExtension:schemas>".len();
        s.set_content(format!("{}{}", &text[..start], &text[end..]).into_bytes());
    }
    assert!(!undeclared_xmp(&doc).is_empty(), "undeclared pdfuaid found");
    // Content: a rectangle painted outside any marked content, and an MCID twice.
    let mut doc = good.clone();
    edit_page(&mut doc, |ops| {
        ops.push(Operation::new(
            "re",
            vec![0.into(), 0.into(), 10.into(), 10.into()],
        ));
        ops.push(Operation::new("f", vec![]));
    });
    assert!(untagged_content(&doc).iter().any(|p| p.contains("outside")));
    let mut doc = good.clone();
    edit_page(&mut doc, |ops| {
        let again: Vec<Operation> = ops
            .iter()
            .skip_while(|o| {
                o.operator != "BDC"
                    || o.operands
                        .get(1)
                        .and_then(|d| d.as_dict().ok())
                        .is_none_or(|d| d.get(b"MCID").is_err())
            })
            .take(1)
            .cloned()
            .collect();
        ops.extend(again);
        ops.push(Operation::new("EMC", vec![]));
    });
    assert!(untagged_content(&doc).iter().any(|p| p.contains("twice")));
    // Headings: an H2 made an H4.
    let mut doc = good.clone();
    edit_elements(&mut doc, "H2", |d| d.set("S", Object::Name(b"H4".to_vec())));
    assert!(!skipped_headings(&doc).is_empty());
    // Figures: the alternative text taken away.
    let mut doc = good.clone();
    edit_elements(&mut doc, "Figure", |d| {
        d.remove(b"Alt");
    });
    assert!(!figures_without_alt(&doc).is_empty());
    // Colour: black text set in RGB.
    let mut doc = good;
    edit_page(&mut doc, |ops| {
        for op in ops.iter_mut().filter(|o| o.operator == "g") {
            let grey = op.operands[0].clone();
            *op = Operation::new("rg", vec![grey.clone(), grey.clone(), grey]);
        }
    });
    assert!(!rgb_greys(&doc).is_empty());
}

#[test]
fn a_logo_text_in_another_language_carries_that_language() {
    let sb = Sandbox::new();
    sb.copy_example("asby.toml");
    sb.write(
        "fallback.toml",
        "[organisation]\nname = \"Åsby kommun\"\nlogo = \"asby-logo.png\"\nlogo_alt = { sv = \"Två personer, den ena stöttar den andra\" }\n",
    );
    let doc = build(&sb, "fallback.toml", &["--lang", "fi"]);
    let langs = |doc: &Document| -> Vec<String> {
        elements_in_order(doc)
            .iter()
            .filter(|e| role(e) == "Figure")
            .filter(|e| {
                e.get(b"Alt")
                    .and_then(Object::as_str)
                    .is_ok_and(|a| crate::common::decode_text_string(a).contains("stöttar"))
            })
            .map(|e| {
                e.get(b"Lang")
                    .and_then(Object::as_str)
                    .map(|l| String::from_utf8_lossy(l).into_owned())
                    .unwrap_or_default()
            })
            .collect()
    };
    assert_eq!(langs(&doc), ["sv"]);
    // Calibrated: without its /Lang the check sees it.
    let mut broken = doc;
    edit_elements(&mut broken, "Figure", |d| {
        d.remove(b"Lang");
    });
    assert_eq!(langs(&broken), [""]);
}

#[test]
fn a_line_end_hyphen_reads_as_a_soft_hyphen_and_the_paragraph_whole() {
    let sb = Sandbox::new();
    let doc = build(&sb, "asby.toml", &["--layout", "a4"]);
    let lines = page_lines(&sb.path("audit.pdf")).join("");
    // pdftotext gives the break as U+00AD at the line's end, not a hyphen.
    assert!(lines.contains("närstående\u{AD}\npenning"), "{lines}");
    assert!(!lines.contains("närstående-\n"), "{lines}");
    let whole: Vec<String> = elements_in_order(&doc)
        .iter()
        .filter_map(|e| e.get(b"ActualText").and_then(Object::as_str).ok())
        .map(crate::common::decode_text_string)
        .collect();
    assert!(
        whole.iter().any(|t| t.contains("närståendepenning")),
        "the paragraph's text whole for screen readers: {whole:?}"
    );
}

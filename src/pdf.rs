//! PDF: draw finished pages into PDF bytes.
//!
//! printpdf turns the pages into content streams and embeds the fonts; this module
//! then fixes on printpdf's lopdf document what printpdf cannot express. It is the
//! only module that knows printpdf or lopdf.
//!
//! - Fonts are subset before embedding (allsorts) and named with a `ABCDEF+` tag
//!   derived from the glyph set; glyphs are shown by id with their text in
//!   `/ToUnicode`, so copy and search give the real characters (å ä ö š ž).
//! - Page boxes are written as `[llx lly urx ury]` (`/MediaBox`, `/CropBox`,
//!   `/TrimBox`, `/BleedBox`); the catalog carries `/Lang` and asks viewers to show
//!   the title.
//! - Output is byte-identical for identical input: no random ids, no clock. Dates
//!   are written only when `SOURCE_DATE_EPOCH` is set, and the file `/ID` is a hash
//!   of the content.

use std::collections::{BTreeMap, HashMap};

use lopdf::{Dictionary, Object, StringFormat};
use printpdf::{
    Codepoint, Color, DictItem, ExternalStream, ExternalXObject, FontId, Line, LinePoint, Op,
    PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    Rect, Rgb, TextItem, TextMatrix, XObject, XObjectId, XObjectTransform,
};

use crate::diagnostic::{Diagnostic, Diagnostics};
use std::sync::Arc;

use crate::fonts::{Fonts, Weight};
use crate::image::{Image, ImageData};
use crate::pages::{Item, Key, Page, Part, Structure, Tag};

/// What the document says about itself.
#[derive(Debug, Clone)]
pub struct Metadata {
    /// `/Title`.
    pub title: String,
    /// `/Author`: the organisation.
    pub author: String,
    /// `/Subject`.
    pub subject: String,
    /// `/Lang` in the catalog (`sv`).
    pub lang: String,
    /// `/Keywords`, comma-separated.
    pub keywords: String,
    /// Seconds since 1970 for `/CreationDate` and `/ModDate`; none are written without it.
    pub date: Option<i64>,
    /// Write PDF/A-2b: XMP metadata that says so and an sRGB output intent.
    pub pdf_a: bool,
    /// Claim PDF/UA-1 in the XMP metadata.
    pub pdf_ua: bool,
}

/// The producer named in the document.
const PRODUCER: &str = concat!("leaflet ", env!("CARGO_PKG_VERSION"));

/// A font as embedded: the subset's glyph ids for the original ones.
struct Embedded {
    id: FontId,
    new_ids: BTreeMap<u16, u16>,
    /// `ABCDEF+PostScriptName`.
    name: String,
}

/// Draw the pages into a PDF document's bytes.
pub fn write(
    pages: &[Page],
    structure: &Structure,
    fonts: &Fonts,
    meta: &Metadata,
) -> Result<Vec<u8>, Diagnostics> {
    let mut doc = PdfDocument::new(&meta.title);
    let mut embedded = BTreeMap::new();
    for (weight, used) in used_glyphs(pages) {
        embedded.insert(weight, embed_subset(&mut doc, fonts, weight, &used)?);
    }
    let images = embed_images(&mut doc, pages);
    let leaves: HashMap<(Key, Part), usize> = structure
        .elements
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.content.map(|c| (c, i)))
        .collect();
    // Per page, the structure element of each marked-content id.
    let mut marked: Vec<Vec<usize>> = Vec::new();
    doc.pages = pages
        .iter()
        .map(|page| {
            let (ops, mcids) = page_ops(page, fonts, &embedded, &images, structure, &leaves);
            marked.push(mcids);
            (page, ops)
        })
        .map(|(page, ops)| {
            PdfPage::new(
                printpdf::Mm::from(Pt(page.width)),
                printpdf::Mm::from(Pt(page.height)),
                ops,
            )
        })
        .collect();
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    lo.version = "1.7".into();
    tag_subset_fonts(&mut lo, &embedded);
    set_page_boxes(&mut lo, pages);
    set_catalog(&mut lo, meta)?;
    set_info(&mut lo, meta);
    set_structure(&mut lo, structure, &marked)?;
    compress_streams(&mut lo);
    if meta.pdf_a || meta.pdf_ua {
        set_xmp(&mut lo, meta)?;
    }
    if meta.pdf_a {
        set_output_intent(&mut lo)?;
    }
    finish(lo)
}

/// The glyphs each weight shows, with the text each stands for.
fn used_glyphs(pages: &[Page]) -> BTreeMap<Weight, BTreeMap<u16, String>> {
    let mut used: BTreeMap<Weight, BTreeMap<u16, String>> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                let glyphs = used.entry(run.weight).or_default();
                for g in &run.glyphs {
                    let text = glyphs.entry(g.id).or_default();
                    if text.is_empty() {
                        text.clone_from(&g.text);
                    }
                }
            }
        }
    }
    used
}

/// Add each distinct picture once (`/XObject /Image`): a JPEG as it is
/// (`/DCTDecode`), other pixels deflated, with transparency as an `/SMask`.
fn embed_images(doc: &mut PdfDocument, pages: &[Page]) -> Vec<(*const Image, XObjectId)> {
    let mut images: Vec<(*const Image, XObjectId)> = Vec::new();
    for item in pages.iter().flat_map(|p| &p.items) {
        let Item::Image(b) = item else { continue };
        let ptr = Arc::as_ptr(&b.image);
        if images.iter().any(|(p, _)| std::ptr::eq(*p, ptr)) {
            continue;
        }
        let id = XObjectId(format!("Im{}", images.len() + 1));
        let image = &*b.image;
        let (dict, content) = match &image.data {
            ImageData::Jpeg { bytes, components } => {
                let space = if *components == 1 {
                    "DeviceGray"
                } else {
                    "DeviceRGB"
                };
                (image_dict(image, space, "DCTDecode"), bytes.clone())
            }
            ImageData::Pixels {
                colour,
                grey,
                alpha,
            } => {
                let space = if *grey { "DeviceGray" } else { "DeviceRGB" };
                let mut dict = image_dict(image, space, "FlateDecode");
                if let Some(alpha) = alpha {
                    let mask = ExternalStream {
                        dict: image_dict(image, "DeviceGray", "FlateDecode"),
                        content: deflate(alpha),
                        compress: false,
                    };
                    dict.insert("SMask".into(), DictItem::Stream { stream: mask });
                }
                (dict, deflate(colour))
            }
        };
        let xobject = XObject::External(ExternalXObject {
            stream: ExternalStream {
                dict,
                content,
                compress: false,
            },
            width: None,
            height: None,
            dpi: None,
        });
        doc.resources.xobjects.map.insert(id.clone(), xobject);
        images.push((ptr, id));
    }
    images
}

/// An image XObject's dictionary (`/Subtype /Image`, size, colour space, filter).
fn image_dict(image: &Image, space: &str, filter: &str) -> BTreeMap<String, DictItem> {
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    [
        ("Type", name("XObject")),
        ("Subtype", name("Image")),
        ("Width", DictItem::Int(i64::from(image.width))),
        ("Height", DictItem::Int(i64::from(image.height))),
        ("ColorSpace", name(space)),
        ("BitsPerComponent", DictItem::Int(8)),
        ("Filter", name(filter)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// Samples deflated for `/FlateDecode`, at zlib's fast level: a logo's flat colour
/// compresses nearly as well, in a fraction of the time.
fn deflate(samples: &[u8]) -> Vec<u8> {
    deflate_with(samples, flate2::Compression::fast())
}

fn deflate_with(data: &[u8], level: flate2::Compression) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::with_capacity(data.len() / 2), level);
    // Writing to a Vec cannot fail.
    let _ = z.write_all(data);
    z.finish().unwrap_or_default()
}

/// Subset a font to the glyphs used and add it to the document (one `/Font`).
fn embed_subset(
    doc: &mut PdfDocument,
    fonts: &Fonts,
    weight: Weight,
    used: &BTreeMap<u16, String>,
) -> Result<Embedded, Diagnostics> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};

    let font = fonts.get(weight);
    let fail = |what: String| {
        Diagnostics::one(Diagnostic::error(format!(
            "cannot embed the font `{}` ({what})",
            font.file
        )))
    };
    // Glyph 0 must come first; the subset numbers glyphs in this order.
    let ids: Vec<u16> = std::iter::once(0)
        .chain(used.keys().copied().filter(|&g| g != 0))
        .collect();
    let scope = ReadScope::new(font.data);
    let data = scope
        .read::<FontData<'_>>()
        .map_err(|e| fail(e.to_string()))?;
    let provider = data.table_provider(0).map_err(|e| fail(e.to_string()))?;
    let bytes = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| fail(e.to_string()))?;
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| fail("the subset does not parse".into()))?;
    let id = FontId(format!("F{}", weight as u8 + 1));
    doc.resources
        .fonts
        .map
        .insert(id.clone(), PdfFont::new(parsed));
    let new_ids = ids
        .iter()
        .enumerate()
        .map(|(new, &old)| (old, new as u16))
        .collect();
    Ok(Embedded {
        id,
        new_ids,
        name: format!("{}+{}", subset_tag(&ids, weight), postscript_name(font)),
    })
}

/// The font's PostScript name, as PDF names allow it.
fn postscript_name(font: &crate::fonts::Font) -> String {
    let name = font
        .face
        .names()
        .into_iter()
        .find(|n| n.name_id == rustybuzz::ttf_parser::name_id::POST_SCRIPT_NAME)
        .and_then(|n| n.to_string())
        .unwrap_or_else(|| font.file.trim_end_matches(".ttf").to_string());
    name.chars()
        .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
        .collect()
}

/// Six capital letters that name a subset (ISO 32000-1, 9.6.4), from its glyph set.
fn subset_tag(ids: &[u16], weight: Weight) -> String {
    let mut h = fnv1a(&ids.iter().flat_map(|i| i.to_be_bytes()).collect::<Vec<_>>());
    h ^= weight as u64;
    (0..6)
        .map(|_| {
            let c = (b'A' + (h % 26) as u8) as char;
            h /= 26;
            c
        })
        .collect()
}

/// FNV-1a, 64 bits: a stable hash for names and ids (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// One page's drawing operations.
/// One page's drawing operations, each item inside marked content: an `/Artifact`
/// sequence for decoration, or a sequence with an `/MCID` linking it to its structure
/// element. Returns the ops and, per MCID, the element.
fn page_ops(
    page: &Page,
    fonts: &Fonts,
    embedded: &BTreeMap<Weight, Embedded>,
    images: &[(*const Image, XObjectId)],
    structure: &Structure,
    leaves: &HashMap<(Key, Part), usize>,
) -> (Vec<Op>, Vec<usize>) {
    let mut ops = Vec::new();
    let mut mcids: Vec<usize> = Vec::new();
    let mut open: Option<Tag> = None;
    let colour = |c: [f32; 3]| {
        Color::Rgb(Rgb {
            r: c[0],
            g: c[1],
            b: c[2],
            icc_profile: None,
        })
    };
    for item in &page.items {
        let tag = match item.tag() {
            Tag::Content(key, part) if !leaves.contains_key(&(key, part)) => Tag::Artifact,
            tag => tag,
        };
        if open != Some(tag) {
            if open.is_some() {
                ops.push(Op::EndMarkedContent);
            }
            match tag {
                Tag::Artifact => ops.push(Op::BeginMarkedContent {
                    tag: "Artifact".into(),
                }),
                Tag::Content(key, part) => {
                    let element = leaves[&(key, part)];
                    let mut properties = BTreeMap::new();
                    properties.insert("MCID".to_string(), DictItem::Int(mcids.len() as i64));
                    ops.push(Op::BeginMarkedContentWithProperties {
                        tag: structure.elements[element].role.into(),
                        properties: DictItem::Dict { map: properties },
                    });
                    mcids.push(element);
                }
            }
            open = Some(tag);
        }
        match item {
            Item::Fill(r) => {
                ops.push(Op::SetFillColor {
                    col: colour(r.colour),
                });
                ops.push(rectangle(r.x, r.y, r.width, r.height, PaintMode::Fill));
            }
            Item::Outline(r) => {
                ops.push(Op::SetOutlineColor {
                    col: colour(r.colour),
                });
                ops.push(Op::SetOutlineThickness {
                    pt: Pt(r.line_width),
                });
                ops.push(rectangle(r.x, r.y, r.width, r.height, PaintMode::Stroke));
            }
            Item::Image(b) => {
                let id = images
                    .iter()
                    .find(|(p, _)| std::ptr::eq(*p, Arc::as_ptr(&b.image)));
                if let Some((_, id)) = id {
                    ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(Pt(b.x)),
                            translate_y: Some(Pt(b.y)),
                            scale_x: Some(b.width),
                            scale_y: Some(b.height),
                            no_auto_scale: true,
                            ..XObjectTransform::default()
                        },
                    });
                }
            }
            Item::Line(l) => {
                ops.push(Op::SetOutlineColor {
                    col: colour(l.colour),
                });
                ops.push(Op::SetOutlineThickness { pt: Pt(l.width) });
                let point = |(x, y): (f32, f32)| LinePoint {
                    p: Point { x: Pt(x), y: Pt(y) },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(l.from), point(l.to)],
                        is_closed: false,
                    },
                });
            }
            Item::Text(run) => {
                let Some(font) = embedded.get(&run.weight) else {
                    continue;
                };
                let face = fonts.get(run.weight);
                let glyphs = run
                    .glyphs
                    .iter()
                    .map(|g| {
                        let natural = face
                            .face
                            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.id))
                            .map_or(g.advance, i32::from);
                        let offset = -((g.advance - natural) as f32) * 1000.0 / face.units_per_em;
                        Codepoint {
                            gid: font.new_ids.get(&g.id).copied().unwrap_or(0),
                            offset,
                            cid: (!g.text.is_empty()).then(|| g.text.clone()),
                        }
                    })
                    .collect();
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor {
                    col: colour(run.colour),
                });
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font.id.clone()),
                    size: Pt(run.size),
                });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(run.x), Pt(run.y)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(glyphs)],
                });
                ops.push(Op::EndTextSection);
            }
        }
    }
    if open.is_some() {
        ops.push(Op::EndMarkedContent);
    }
    (ops, mcids)
}

/// The logical structure (ISO 32000-1, 14.7): `/StructTreeRoot` with one
/// `/StructElem` per element (`/S`, `/P`, `/K`, and `/Alt`, `/Lang` where given),
/// marked-content references to each page's MCIDs, the `/ParentTree` from each
/// page's `/StructParents` back to the elements, and `/MarkInfo /Marked true`.
fn set_structure(
    doc: &mut lopdf::Document,
    structure: &Structure,
    marked: &[Vec<usize>],
) -> Result<(), Diagnostics> {
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let root_id = doc.new_object_id();
    let ids: Vec<lopdf::ObjectId> = structure
        .elements
        .iter()
        .map(|_| doc.new_object_id())
        .collect();
    let mut kids: Vec<Vec<Object>> = vec![Vec::new(); ids.len()];
    // Marked content first (an element's own text), in page and MCID order...
    for (p, mcids) in marked.iter().enumerate() {
        for (mcid, element) in mcids.iter().enumerate() {
            kids[*element].push(Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"MCR".to_vec())),
                ("Pg", Object::Reference(pages[p])),
                ("MCID", Object::Integer(mcid as i64)),
            ])));
        }
    }
    // ...then child elements, in reading order.
    for (i, e) in structure.elements.iter().enumerate() {
        if let Some(parent) = e.parent {
            kids[parent].push(Object::Reference(ids[i]));
        }
    }
    for (i, e) in structure.elements.iter().enumerate() {
        let parent = e.parent.map_or(root_id, |p| ids[p]);
        let mut dict = Dictionary::from_iter([
            ("Type", Object::Name(b"StructElem".to_vec())),
            ("S", Object::Name(e.role.as_bytes().to_vec())),
            ("P", Object::Reference(parent)),
            ("K", Object::Array(std::mem::take(&mut kids[i]))),
        ]);
        if let Some(alt) = &e.alt {
            dict.set("Alt", text_string(alt));
        }
        if let Some(lang) = &e.lang {
            dict.set("Lang", Object::string_literal(lang.as_str()));
        }
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let mut nums = Vec::new();
    for (p, mcids) in marked.iter().enumerate() {
        nums.push(Object::Integer(p as i64));
        nums.push(Object::Array(
            mcids.iter().map(|e| Object::Reference(ids[*e])).collect(),
        ));
        if let Ok(Object::Dictionary(page)) = doc.get_object_mut(pages[p]) {
            page.set("StructParents", Object::Integer(p as i64));
            page.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }
    let root = Dictionary::from_iter([
        ("Type", Object::Name(b"StructTreeRoot".to_vec())),
        (
            "K",
            Object::Array(
                ids.first()
                    .map(|d| Object::Reference(*d))
                    .into_iter()
                    .collect(),
            ),
        ),
        (
            "ParentTree",
            Object::Dictionary(Dictionary::from_iter([("Nums", Object::Array(nums))])),
        ),
        ("ParentTreeNextKey", Object::Integer(marked.len() as i64)),
    ]);
    doc.objects.insert(root_id, Object::Dictionary(root));
    let catalog = doc
        .catalog_mut()
        .map_err(|e| Diagnostics::one(Diagnostic::error(format!("cannot finish the PDF ({e})"))))?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter([("Marked", Object::Boolean(true))]),
    );
    Ok(())
}

/// A rectangle painted with `mode` (PDF `re` then `f` or `S`).
fn rectangle(x: f32, y: f32, width: f32, height: f32, mode: PaintMode) -> Op {
    Op::DrawRectangle {
        rectangle: Rect {
            x: Pt(x),
            y: Pt(y),
            width: Pt(width),
            height: Pt(height),
            mode: Some(mode),
            winding_order: None,
        },
    }
}

/// Name each embedded font `ABCDEF+PostScriptName` in `/BaseFont` and `/FontName`.
fn tag_subset_fonts(doc: &mut lopdf::Document, embedded: &BTreeMap<Weight, Embedded>) {
    // Map each font resource name to its tag through the shared /Font dictionary.
    let names: BTreeMap<Vec<u8>, &str> = embedded
        .values()
        .map(|e| (e.id.0.as_bytes().to_vec(), e.name.as_str()))
        .collect();
    let mut font_refs = Vec::new();
    for object in doc.objects.values() {
        if let Object::Dictionary(d) = object {
            for (name, value) in d.iter() {
                if let (Some(tag), Ok(id)) = (names.get(name), value.as_reference()) {
                    font_refs.push((id, *tag));
                }
            }
        }
    }
    for (id, tag) in font_refs {
        let mut descriptors = Vec::new();
        if let Ok(Object::Dictionary(font)) = doc.get_object_mut(id) {
            retag(font, "BaseFont", tag);
            if let Ok(Object::Array(kids)) = font.get_mut(b"DescendantFonts") {
                for kid in kids.iter_mut() {
                    match kid {
                        Object::Dictionary(cid) => {
                            retag(cid, "BaseFont", tag);
                            if let Ok(r) = cid.get(b"FontDescriptor").and_then(Object::as_reference)
                            {
                                descriptors.push(r);
                            }
                        }
                        Object::Reference(r) => descriptors.push(*r),
                        _ => {}
                    }
                }
            }
        }
        for d in descriptors {
            if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(d) {
                retag(dict, "BaseFont", tag);
                retag(dict, "FontName", tag);
                if let Ok(r) = dict.get(b"FontDescriptor").and_then(Object::as_reference) {
                    if let Ok(Object::Dictionary(desc)) = doc.get_object_mut(r) {
                        retag(desc, "FontName", tag);
                    }
                }
            }
        }
    }
}

fn retag(dict: &mut Dictionary, key: &str, name: &str) {
    if dict.has(key.as_bytes()) {
        dict.set(key, Object::Name(name.as_bytes().to_vec()));
    }
}

/// Write every page box as [llx lly urx ury]: `/MediaBox` and `/CropBox` the whole
/// page, `/TrimBox` the finished size, `/BleedBox` the trim plus bleed.
fn set_page_boxes(doc: &mut lopdf::Document, pages: &[Page]) {
    let ids: Vec<_> = doc.get_pages().into_values().collect();
    let array = |b: [f32; 4]| Object::Array(b.iter().map(|v| Object::Real(*v)).collect());
    for (id, page) in ids.into_iter().zip(pages) {
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(id) {
            let media = [0.0, 0.0, page.width, page.height];
            d.set("MediaBox", array(media));
            d.set("CropBox", array(media));
            d.set("TrimBox", array(page.trim));
            d.set("BleedBox", array(page.bleed));
            if matches!(d.get(b"Annots"), Ok(Object::Array(a)) if a.is_empty()) {
                d.remove(b"Annots");
            }
        }
    }
}

/// `/Lang` and `/ViewerPreferences /DisplayDocTitle` in the catalog.
fn set_catalog(doc: &mut lopdf::Document, meta: &Metadata) -> Result<(), Diagnostics> {
    let catalog = doc
        .catalog_mut()
        .map_err(|e| Diagnostics::one(Diagnostic::error(format!("cannot finish the PDF ({e})"))))?;
    catalog.set(
        "Lang",
        Object::String(meta.lang.as_bytes().to_vec(), StringFormat::Literal),
    );
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
    );
    catalog.remove(b"Metadata");
    Ok(())
}

/// A fresh `/Info`: title, author, subject, producer and (with `SOURCE_DATE_EPOCH`) dates.
fn set_info(doc: &mut lopdf::Document, meta: &Metadata) {
    let mut info = Dictionary::from_iter([
        ("Title", text_string(&meta.title)),
        ("Author", text_string(&meta.author)),
        ("Subject", text_string(&meta.subject)),
        ("Keywords", text_string(&meta.keywords)),
        ("Creator", text_string(PRODUCER)),
        ("Producer", text_string(PRODUCER)),
    ]);
    if let Some(date) = meta.date.and_then(pdf_date) {
        info.set(
            "CreationDate",
            Object::String(date.clone().into_bytes(), StringFormat::Literal),
        );
        info.set(
            "ModDate",
            Object::String(date.into_bytes(), StringFormat::Literal),
        );
    }
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            doc.objects.insert(id, Object::Dictionary(info));
        }
        Err(_) => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", id);
        }
    }
}

/// The sRGB profile of the PDF/A output intent (Zlib licence, see `src/res/`).
const SRGB_ICC: &[u8] = include_bytes!("res/sRGB.icc");

/// PDF/A-2b's `/OutputIntents`: an sRGB profile for the device RGB colours used.
fn set_output_intent(doc: &mut lopdf::Document) -> Result<(), Diagnostics> {
    let icc = lopdf::Stream::new(
        Dictionary::from_iter([("N", Object::Integer(3))]),
        SRGB_ICC.to_vec(),
    );
    let icc = doc.add_object(icc);
    let intent = Dictionary::from_iter([
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        (
            "OutputConditionIdentifier",
            Object::string_literal("sRGB IEC61966-2.1"),
        ),
        ("Info", Object::string_literal("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(icc)),
    ]);
    catalog(doc)?.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    Ok(())
}

/// The catalog's `/Metadata`: an XMP packet (uncompressed, so any tool can read
/// it) that identifies PDF/A-2b and PDF/UA-1 as claimed.
fn set_xmp(doc: &mut lopdf::Document, meta: &Metadata) -> Result<(), Diagnostics> {
    let xmp = lopdf::Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(meta).into_bytes(),
    )
    .with_compression(false);
    let xmp = doc.add_object(xmp);
    catalog(doc)?.set("Metadata", Object::Reference(xmp));
    Ok(())
}

/// The document catalog.
fn catalog(doc: &mut lopdf::Document) -> Result<&mut Dictionary, Diagnostics> {
    doc.catalog_mut()
        .map_err(|e| Diagnostics::one(Diagnostic::error(format!("cannot finish the PDF ({e})"))))
}

/// The XMP packet: the same title, author, subject, keywords, tools and dates as
/// `/Info`, and the PDF/A and PDF/UA identifications claimed.
fn xmp(meta: &Metadata) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let dates = meta
        .date
        .and_then(utc)
        .map(|[y, mo, d, h, mi, s]| {
            let iso = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
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

/// A PDF text string: ASCII as is, anything else as UTF-16BE with a byte-order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// `D:YYYYMMDDHHmmSSZ` for seconds since 1970 (UTC).
fn pdf_date(epoch: i64) -> Option<String> {
    let [y, mo, d, h, mi, s] = utc(epoch)?;
    Some(format!("D:{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z"))
}

/// Year, month, day, hour, minute and second (UTC) of seconds since 1970.
fn utc(epoch: i64) -> Option<[i64; 6]> {
    let t = printpdf::OffsetDateTime::from_unix_timestamp(epoch).ok()?;
    Some([
        i64::from(t.year()),
        i64::from(u8::from(t.month())),
        i64::from(t.day()),
        i64::from(t.hour()),
        i64::from(t.minute()),
        i64::from(t.second()),
    ])
}

/// Deflate every stream that is not yet filtered and may be, at zlib's default
/// level (lopdf's own pass uses the best level: four times the time for 1 % less).
fn compress_streams(doc: &mut lopdf::Document) {
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if stream.allows_compression && stream.dict.get(b"Filter").is_err() {
                let packed = deflate_with(&stream.content, flate2::Compression::default());
                if packed.len() + 19 < stream.content.len() {
                    stream
                        .dict
                        .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                    stream.set_content(packed);
                }
            }
        }
    }
}

/// Serialise with object streams and an `/ID` that is a hash of the file itself:
/// written once with a placeholder of the same length, then replaced by the hash.
fn finish(mut doc: lopdf::Document) -> Result<Vec<u8>, Diagnostics> {
    const PLACEHOLDER: [u8; 16] = *b"leaflet-id-00000";
    let fail = |e: std::io::Error| {
        Diagnostics::one(Diagnostic::error(format!("cannot write the PDF ({e})")))
    };
    let id = Object::String(PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    // Object streams pack the many small dictionaries (the structure tree's above
    // all) into compressed streams; PDF 1.5 and PDF/A-2 allow them.
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(6)
        .build();
    let mut out = Vec::new();
    doc.save_with_options(&mut out, options).map_err(fail)?;
    let hex: Vec<u8> = PLACEHOLDER
        .iter()
        .flat_map(|b| format!("{b:02X}").into_bytes())
        .collect();
    let a = fnv1a(&out);
    let b = fnv1a(&[&a.to_be_bytes()[..], &out].concat());
    let hash: Vec<u8> = [a.to_be_bytes(), b.to_be_bytes()]
        .concat()
        .iter()
        .flat_map(|b| format!("{b:02X}").into_bytes())
        .collect();
    // The placeholder stands twice in the trailer dictionary.
    let mut at = 0;
    while let Some(i) = find(&out[at..], &hex) {
        out[at + i..at + i + hex.len()].copy_from_slice(&hash);
        at += i + hex.len();
    }
    Ok(out)
}

/// The first position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

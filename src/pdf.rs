//! PDF: draw finished pages into PDF bytes.
//!
//! Page content streams are written with pdf-writer's operator encoder; the
//! document's objects (fonts, pictures, pages, the structure tree) are built as a
//! lopdf document, which writes them packed into object streams. This is the only
//! module that knows either crate.
//!
//! - Fonts are subset (subsetter) and embedded as Type 0 fonts over a CIDFontType2,
//!   the codes being the subset's glyph ids (`/Identity-H`), named with a `ABCDEF+`
//!   tag derived from the glyph set. `/W` carries the font's own advances; kerning
//!   is written as `TJ` adjustments, and `/ToUnicode` maps every glyph back to its
//!   text, so copy and search give the real characters (å ä ö š ž).
//! - Page boxes are written as `[llx lly urx ury]` (`/MediaBox`, `/CropBox`,
//!   `/TrimBox`, `/BleedBox`); the catalog carries `/Lang` and asks viewers to show
//!   the title.
//! - Every item is marked content: an `/Artifact` or a sequence with an `/MCID` that
//!   the structure tree points at (tagged PDF).
//! - Output is byte-identical for identical input: no random ids, no clock. Dates
//!   are written only when `SOURCE_DATE_EPOCH` is set, and the file `/ID` is a hash
//!   of the content.
//!
//! Decision: printpdf, the first choice for this module, was dropped once measured:
//! translating its drawing operations took a seventh of a whole build, and most of
//! what it wrote (boxes, font names, catalog, info) had to be rewritten afterwards.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use pdf_writer::{Content, Name, Str};
use smol_str::SmolStr;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fonts::{Font, Fonts, Weight};
use crate::image::{Image, ImageData};
use crate::pages::{Item, Page};
use crate::structure::{Key, Part, Structure, Tag};

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

/// A font as embedded.
struct Embedded {
    /// The resource name content streams use (`F1`).
    resource: String,
    /// The Type 0 font object.
    id: ObjectId,
    /// Subset glyph id for each original one.
    new_ids: HashMap<u16, u16>,
    /// `/W` of each subset glyph, in thousandths of an em.
    widths: Vec<f32>,
    /// Font units to thousandths of an em.
    scale: f32,
}

/// A picture as embedded: its XObject's resource name.
struct Picture {
    image: *const Image,
    resource: String,
}

/// Draw the pages into a PDF document's bytes.
pub fn write(
    pages: &[Page],
    structure: &Structure,
    fonts: &Fonts,
    meta: &Metadata,
) -> Result<Vec<u8>, Diagnostics> {
    let mut doc = lopdf::Document::with_version("1.7");
    let mut font_resources = Dictionary::new();
    let mut embedded = BTreeMap::new();
    for (weight, used) in used_glyphs(pages) {
        let font = embed_font(&mut doc, fonts.get(weight), weight, &used)?;
        font_resources.set(font.resource.as_str(), font.id);
        embedded.insert(weight, font);
    }
    let (pictures, xobjects) = embed_images(&mut doc, pages);
    let resources = doc.add_object(Dictionary::from_iter([
        ("Font", Object::Dictionary(font_resources)),
        ("XObject", Object::Dictionary(xobjects)),
    ]));
    let leaves: HashMap<(Key, Part), usize> = structure
        .elements
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.content.map(|c| (c, i)))
        .collect();
    let tree_id = doc.new_object_id();
    // Per page, the structure element of each marked-content id.
    let mut marked: Vec<Vec<usize>> = Vec::new();
    let mut page_ids = Vec::new();
    for (number, page) in pages.iter().enumerate() {
        let (content, mcids) = page_content(page, &embedded, &pictures, structure, &leaves)
            .map_err(|key| untagged(number, key))?;
        marked.push(mcids);
        let contents = doc.add_object(packed_stream(Dictionary::new(), content));
        let boxes = |b: [f32; 4]| Object::Array(b.iter().map(|v| Object::Real(*v)).collect());
        let media = [0.0, 0.0, page.width, page.height];
        page_ids.push(doc.add_object(Dictionary::from_iter([
            ("Type", name("Page")),
            ("Parent", Object::Reference(tree_id)),
            ("MediaBox", boxes(media)),
            ("CropBox", boxes(media)),
            ("TrimBox", boxes(page.trim)),
            ("BleedBox", boxes(page.bleed)),
            ("Resources", Object::Reference(resources)),
            ("Contents", Object::Reference(contents)),
            ("StructParents", Object::Integer(number as i64)),
            ("Tabs", name("S")),
        ])));
    }
    doc.objects.insert(
        tree_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("Pages")),
            (
                "Kids",
                Object::Array(page_ids.iter().map(|p| Object::Reference(*p)).collect()),
            ),
            ("Count", Object::Integer(page_ids.len() as i64)),
        ])),
    );
    let mut catalog = Dictionary::from_iter([
        ("Type", name("Catalog")),
        ("Pages", Object::Reference(tree_id)),
        ("Lang", Object::string_literal(meta.lang.as_str())),
        (
            "ViewerPreferences",
            Object::Dictionary(Dictionary::from_iter([(
                "DisplayDocTitle",
                Object::Boolean(true),
            )])),
        ),
    ]);
    set_structure(&mut doc, &mut catalog, &page_ids, structure, &marked);
    if meta.pdf_a || meta.pdf_ua {
        let xmp = doc.add_object(xmp_stream(meta));
        catalog.set("Metadata", xmp);
    }
    if meta.pdf_a {
        catalog.set("OutputIntents", output_intents(&mut doc));
    }
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    set_info(&mut doc, meta);
    finish(doc)
}

/// A PDF name object.
fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// A stream, deflated when that makes it smaller (lopdf is told not to again).
fn packed_stream(mut dict: Dictionary, content: Vec<u8>) -> lopdf::Stream {
    match crate::deflate::text(&content).filter(|p| p.len() + 19 < content.len()) {
        Some(packed) => {
            dict.set("Filter", name("FlateDecode"));
            lopdf::Stream::new(dict, packed).with_compression(false)
        }
        None => lopdf::Stream::new(dict, content).with_compression(false),
    }
}

/// The glyphs each weight shows, with the text each stands for.
fn used_glyphs(pages: &[Page]) -> BTreeMap<Weight, BTreeMap<u16, SmolStr>> {
    let mut used: BTreeMap<Weight, BTreeMap<u16, SmolStr>> = BTreeMap::new();
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
/// Returns the pictures and the `/XObject` resource dictionary.
fn embed_images(doc: &mut lopdf::Document, pages: &[Page]) -> (Vec<Picture>, Dictionary) {
    let mut pictures: Vec<Picture> = Vec::new();
    let mut resources = Dictionary::new();
    for item in pages.iter().flat_map(|p| &p.items) {
        let Item::Image(b) = item else { continue };
        let ptr = Arc::as_ptr(&b.image);
        if pictures.iter().any(|p| std::ptr::eq(p.image, ptr)) {
            continue;
        }
        let image = &*b.image;
        let stream = match &image.data {
            ImageData::Jpeg { bytes, components } => {
                let space = if *components == 1 {
                    "DeviceGray"
                } else {
                    "DeviceRGB"
                };
                lopdf::Stream::new(image_dict(image, space, "DCTDecode"), bytes.clone())
            }
            ImageData::Pixels {
                colour,
                grey,
                alpha,
            } => {
                let space = if *grey { "DeviceGray" } else { "DeviceRGB" };
                let mut dict = png_rows_dict(image, space, if *grey { 1 } else { 3 });
                if let Some(alpha) = alpha {
                    let mask =
                        lopdf::Stream::new(png_rows_dict(image, "DeviceGray", 1), alpha.clone());
                    dict.set("SMask", doc.add_object(mask.with_compression(false)));
                }
                lopdf::Stream::new(dict, colour.clone())
            }
        };
        let resource = format!("Im{}", pictures.len() + 1);
        let id = doc.add_object(stream.with_compression(false));
        resources.set(resource.as_str(), id);
        pictures.push(Picture {
            image: ptr,
            resource,
        });
    }
    (pictures, resources)
}

/// An image XObject's dictionary (`/Subtype /Image`, size, colour space, filter).
fn image_dict(image: &Image, space: &str, filter: &str) -> Dictionary {
    Dictionary::from_iter([
        ("Type", name("XObject")),
        ("Subtype", name("Image")),
        ("Width", Object::Integer(i64::from(image.width))),
        ("Height", Object::Integer(i64::from(image.height))),
        ("ColorSpace", name(space)),
        ("BitsPerComponent", Object::Integer(8)),
        ("Filter", name(filter)),
    ])
}

/// The dictionary of an image whose samples are deflated PNG rows (`/Predictor 15`).
fn png_rows_dict(image: &Image, space: &str, colours: i64) -> Dictionary {
    let mut dict = image_dict(image, space, "FlateDecode");
    dict.set(
        "DecodeParms",
        Dictionary::from_iter([
            ("Predictor", Object::Integer(15)),
            ("Colors", Object::Integer(colours)),
            ("BitsPerComponent", Object::Integer(8)),
            ("Columns", Object::Integer(i64::from(image.width))),
        ]),
    );
    dict
}

/// Subset a font to the glyphs used and add it: a Type 0 font over a CIDFontType2
/// whose codes are the subset's glyph ids, with widths, descriptor, the font
/// program and a `/ToUnicode` map.
fn embed_font(
    doc: &mut lopdf::Document,
    font: &Font,
    weight: Weight,
    used: &BTreeMap<u16, SmolStr>,
) -> Result<Embedded, Diagnostics> {
    use rustybuzz::ttf_parser::GlyphId;

    let fail = |what: String| {
        Diagnostics::one(Diagnostic::error(format!(
            "cannot embed the font `{}` ({what})",
            font.file
        )))
    };
    // The subset numbers glyphs in this order, glyph 0 (.notdef) first.
    let ids: Vec<u16> = std::iter::once(0)
        .chain(used.keys().copied().filter(|&g| g != 0))
        .collect();
    let remapper = subsetter::GlyphRemapper::new_from_glyphs(&ids);
    let program = subsetter::subset(font.data, 0, &remapper).map_err(|e| fail(e.to_string()))?;
    // The original glyph of each subset glyph id, as the subset numbered them.
    let ids: Vec<u16> = remapper.remapped_gids().collect();

    let face = &font.face;
    let scale = 1000.0 / font.units_per_em;
    let em = |v: f32| Object::Integer((v * scale).round() as i64);
    let widths: Vec<f32> = ids
        .iter()
        .map(|&g| {
            let advance = face.glyph_hor_advance(GlyphId(g)).unwrap_or(0);
            (f32::from(advance) * scale).round()
        })
        .collect();
    let base_font = name(&format!(
        "{}+{}",
        subset_tag(&ids, weight),
        postscript_name(font)
    ));

    let mut file = Dictionary::new();
    file.set("Length1", Object::Integer(program.len() as i64));
    let file = doc.add_object(packed_stream(file, program));
    let bbox = face.global_bounding_box();
    let italic_angle = face.italic_angle();
    // Flags (ISO 32000-1, table 123): nonsymbolic (the Latin set), italic if slanted.
    let flags = 32 | if italic_angle != 0.0 { 64 } else { 0 };
    // No table holds the stem width; estimate it from the weight class as PDF
    // producers do (about 88 at 400, 166 at 700).
    let stem_v = 50
        + (f32::from(face.weight().to_number()) / 65.0)
            .powi(2)
            .round() as i64;
    let descriptor = doc.add_object(Dictionary::from_iter([
        ("Type", name("FontDescriptor")),
        ("FontName", base_font.clone()),
        ("Flags", Object::Integer(flags)),
        (
            "FontBBox",
            Object::Array(
                [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max]
                    .iter()
                    .map(|v| em(f32::from(*v)))
                    .collect(),
            ),
        ),
        ("ItalicAngle", Object::Real(italic_angle)),
        ("Ascent", em(font.ascender)),
        ("Descent", em(font.descender)),
        (
            "CapHeight",
            em(face.capital_height().map_or(font.ascender, f32::from)),
        ),
        ("StemV", Object::Integer(stem_v)),
        ("FontFile2", Object::Reference(file)),
    ]));
    let cid_font = doc.add_object(Dictionary::from_iter([
        ("Type", name("Font")),
        ("Subtype", name("CIDFontType2")),
        ("BaseFont", base_font.clone()),
        (
            "CIDSystemInfo",
            Object::Dictionary(Dictionary::from_iter([
                ("Registry", Object::string_literal("Adobe")),
                ("Ordering", Object::string_literal("Identity")),
                ("Supplement", Object::Integer(0)),
            ])),
        ),
        ("FontDescriptor", Object::Reference(descriptor)),
        (
            "W",
            Object::Array(vec![
                Object::Integer(0),
                Object::Array(widths.iter().map(|w| Object::Integer(*w as i64)).collect()),
            ]),
        ),
        ("CIDToGIDMap", name("Identity")),
    ]));
    let mut cmap = pdf_writer::types::UnicodeCmap::new(
        Name(b"Adobe-Identity-UCS"),
        pdf_writer::types::SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"UCS"),
            supplement: 0,
        },
    );
    for (new, old) in ids.iter().enumerate() {
        if let Some(text) = used.get(old).filter(|t| !t.is_empty()) {
            cmap.pair_with_multiple(new as u16, text.chars());
        }
    }
    let to_unicode = doc.add_object(packed_stream(Dictionary::new(), cmap.finish().into_vec()));
    let id = doc.add_object(Dictionary::from_iter([
        ("Type", name("Font")),
        ("Subtype", name("Type0")),
        ("BaseFont", base_font),
        ("Encoding", name("Identity-H")),
        (
            "DescendantFonts",
            Object::Array(vec![Object::Reference(cid_font)]),
        ),
        ("ToUnicode", Object::Reference(to_unicode)),
    ]));
    Ok(Embedded {
        resource: format!("F{}", weight as u8 + 1),
        id,
        new_ids: ids
            .iter()
            .enumerate()
            .map(|(new, &old)| (old, new as u16))
            .collect(),
        widths,
        scale,
    })
}

/// The font's PostScript name, as PDF names allow it.
fn postscript_name(font: &Font) -> String {
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

/// The internal error for content without an element in the structure: it would
/// be hidden from screen readers, so no PDF is written.
fn untagged(page: usize, key: Key) -> Diagnostics {
    Diagnostics::one(
        Diagnostic::error(format!(
            "internal error: content on page {} ({key:?}) has no place in the document's structure",
            page + 1
        ))
        .hint("this is a bug in leaflet; please report it with the contacts file and the command"),
    )
}

/// One page's content stream, each item inside marked content: an `/Artifact`
/// sequence for decoration, or a sequence with an `/MCID` linking it to its
/// structure element. Returns the stream and, per MCID, the element; or the key
/// of content that has no element.
fn page_content(
    page: &Page,
    embedded: &BTreeMap<Weight, Embedded>,
    pictures: &[Picture],
    structure: &Structure,
    leaves: &HashMap<(Key, Part), usize>,
) -> Result<(Vec<u8>, Vec<usize>), Key> {
    let mut content = Content::new();
    let mut mcids: Vec<usize> = Vec::new();
    let mut open: Option<Tag> = None;
    // The graphics state already set, so that it is not repeated for every run.
    let mut fill: Option<[f32; 3]> = None;
    let mut font: Option<(Weight, f32)> = None;
    for item in &page.items {
        let tag = item.tag();
        if open != Some(tag) {
            if open.is_some() {
                content.end_marked_content();
            }
            match tag {
                Tag::Artifact => {
                    content.begin_marked_content(Name(b"Artifact"));
                }
                Tag::Content(key, part) => {
                    let element = *leaves.get(&(key, part)).ok_or(key)?;
                    let role = structure.elements[element].role;
                    content
                        .begin_marked_content_with_properties(Name(role.as_bytes()))
                        .properties()
                        .identify(mcids.len() as i32);
                    mcids.push(element);
                }
            }
            open = Some(tag);
        }
        let mut set_fill = |content: &mut Content, c: [f32; 3]| {
            if fill != Some(c) {
                content.set_fill_rgb(c[0], c[1], c[2]);
                fill = Some(c);
            }
        };
        match item {
            Item::Fill(r) => {
                set_fill(&mut content, r.colour);
                content.rect(r.x, r.y, r.width, r.height).fill_nonzero();
            }
            Item::Outline(r) => {
                let [red, green, blue] = r.colour;
                content
                    .set_stroke_rgb(red, green, blue)
                    .set_line_width(r.line_width)
                    .rect(r.x, r.y, r.width, r.height)
                    .stroke();
            }
            Item::Line(l) => {
                let [red, green, blue] = l.colour;
                content
                    .set_stroke_rgb(red, green, blue)
                    .set_line_width(l.width)
                    .move_to(l.from.0, l.from.1)
                    .line_to(l.to.0, l.to.1)
                    .stroke();
            }
            Item::Image(b) => {
                let ptr = Arc::as_ptr(&b.image);
                if let Some(picture) = pictures.iter().find(|p| std::ptr::eq(p.image, ptr)) {
                    content
                        .save_state()
                        .transform([b.width, 0.0, 0.0, b.height, b.x, b.y])
                        .x_object(Name(picture.resource.as_bytes()))
                        .restore_state();
                }
            }
            Item::Text(run) => {
                let Some(embedded) = embedded.get(&run.weight) else {
                    continue;
                };
                set_fill(&mut content, run.colour);
                content.begin_text();
                if font != Some((run.weight, run.size)) {
                    content.set_font(Name(embedded.resource.as_bytes()), run.size);
                    font = Some((run.weight, run.size));
                }
                content.set_text_matrix([1.0, 0.0, 0.0, 1.0, run.x, run.y]);
                show_glyphs(&mut content, run, embedded);
                content.end_text();
            }
        }
    }
    if open.is_some() {
        content.end_marked_content();
    }
    Ok((content.finish().into_vec(), mcids))
}

/// `TJ` for a run: glyph codes two bytes each, and after a glyph whose advance
/// differs from its `/W` width (kerning), the difference in thousandths of an em.
fn show_glyphs(content: &mut Content, run: &crate::pages::GlyphRun, font: &Embedded) {
    let mut show = content.show_positioned();
    let mut items = show.items();
    let mut codes: Vec<u8> = Vec::with_capacity(run.glyphs.len() * 2);
    for g in &run.glyphs {
        let code = font.new_ids.get(&g.id).copied().unwrap_or(0);
        codes.extend(code.to_be_bytes());
        let width = font.widths.get(usize::from(code)).copied().unwrap_or(0.0);
        let adjust = width - g.advance as f32 * font.scale;
        if adjust.abs() > 0.001 {
            items.show(Str(&codes));
            items.adjust(adjust);
            codes.clear();
        }
    }
    if !codes.is_empty() {
        items.show(Str(&codes));
    }
}

/// The logical structure (ISO 32000-1, 14.7): `/StructTreeRoot` with one
/// `/StructElem` per element (`/S`, `/P`, `/K`, and `/Alt`, `/Lang` where given),
/// the marked content of each page's MCIDs, the `/ParentTree` from each page's
/// `/StructParents` back to the elements, and `/MarkInfo /Marked true`. An element
/// whose content is all on one page names that page (`/Pg`) and lists its MCIDs as
/// numbers; one that spans pages has a marked-content reference for each.
fn set_structure(
    doc: &mut lopdf::Document,
    catalog: &mut Dictionary,
    pages: &[ObjectId],
    structure: &Structure,
    marked: &[Vec<usize>],
) {
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = structure
        .elements
        .iter()
        .map(|_| doc.new_object_id())
        .collect();
    // Each element's marked content, as (page, MCID), in page and MCID order.
    let mut content: Vec<Vec<(usize, i64)>> = vec![Vec::new(); ids.len()];
    for (p, mcids) in marked.iter().enumerate() {
        for (mcid, element) in mcids.iter().enumerate() {
            content[*element].push((p, mcid as i64));
        }
    }
    let mut children: Vec<Vec<Object>> = vec![Vec::new(); ids.len()];
    for (i, e) in structure.elements.iter().enumerate() {
        if let Some(parent) = e.parent {
            children[parent].push(Object::Reference(ids[i]));
        }
    }
    for (i, e) in structure.elements.iter().enumerate() {
        let parent = e.parent.map_or(root_id, |p| ids[p]);
        let mut dict = Dictionary::from_iter([
            ("Type", name("StructElem")),
            ("S", name(e.role)),
            ("P", Object::Reference(parent)),
        ]);
        let own = &content[i];
        let one_page = own
            .first()
            .map(|f| f.0)
            .filter(|p| own.iter().all(|c| c.0 == *p));
        // An element's own marked content first, then its children, in reading order.
        let mut kids: Vec<Object> = match one_page {
            Some(p) => {
                dict.set("Pg", Object::Reference(pages[p]));
                own.iter().map(|(_, mcid)| Object::Integer(*mcid)).collect()
            }
            None => own
                .iter()
                .map(|(p, mcid)| {
                    Object::Dictionary(Dictionary::from_iter([
                        ("Type", name("MCR")),
                        ("Pg", Object::Reference(pages[*p])),
                        ("MCID", Object::Integer(*mcid)),
                    ]))
                })
                .collect(),
        };
        kids.append(&mut children[i]);
        dict.set("K", Object::Array(kids));
        if let Some(alt) = &e.alt {
            dict.set("Alt", text_string(alt));
        }
        if let Some(lang) = &e.lang {
            dict.set("Lang", Object::string_literal(lang.as_str()));
        }
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let nums = marked
        .iter()
        .enumerate()
        .flat_map(|(p, mcids)| {
            [
                Object::Integer(p as i64),
                Object::Array(mcids.iter().map(|e| Object::Reference(ids[*e])).collect()),
            ]
        })
        .collect();
    let root = Dictionary::from_iter([
        ("Type", name("StructTreeRoot")),
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
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter([("Marked", Object::Boolean(true))]),
    );
}

/// `/Info`: title, author, subject, producer and (with `SOURCE_DATE_EPOCH`) dates.
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
    let id = doc.add_object(info);
    doc.trailer.set("Info", id);
}

/// The sRGB profile of the PDF/A output intent (Zlib licence, see `src/res/`).
const SRGB_ICC: &[u8] = include_bytes!("res/sRGB.icc");

/// PDF/A-2b's `/OutputIntents`: an sRGB profile for the device RGB colours used.
fn output_intents(doc: &mut lopdf::Document) -> Object {
    let icc = lopdf::Stream::new(
        Dictionary::from_iter([("N", Object::Integer(3))]),
        SRGB_ICC.to_vec(),
    );
    let icc = doc.add_object(icc);
    let intent = Dictionary::from_iter([
        ("Type", name("OutputIntent")),
        ("S", name("GTS_PDFA1")),
        (
            "OutputConditionIdentifier",
            Object::string_literal("sRGB IEC61966-2.1"),
        ),
        ("Info", Object::string_literal("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(icc)),
    ]);
    Object::Array(vec![Object::Dictionary(intent)])
}

/// The catalog's `/Metadata`: an XMP packet (uncompressed, so any tool can read
/// it) that identifies PDF/A-2b and PDF/UA-1 as claimed.
fn xmp_stream(meta: &Metadata) -> lopdf::Stream {
    lopdf::Stream::new(
        Dictionary::from_iter([("Type", name("Metadata")), ("Subtype", name("XML"))]),
        xmp(meta).into_bytes(),
    )
    .with_compression(false)
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

/// Year, month, day, hour, minute and second (UTC) of seconds since 1970, for
/// years 1 to 9999 (H. Hinnant's days-to-civil algorithm).
fn utc(epoch: i64) -> Option<[i64; 6]> {
    let (days, seconds) = (epoch.div_euclid(86_400), epoch.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (1..=9999).contains(&year).then_some([
        year,
        month,
        day,
        seconds / 3_600,
        seconds % 3_600 / 60,
        seconds % 60,
    ])
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
        // A leaflet's few hundred objects in one stream: one compressor set up (by
        // lopdf) instead of one per hundred objects.
        .max_objects_per_stream(1000)
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

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_civil_utc() {
        assert_eq!(super::utc(0), Some([1970, 1, 1, 0, 0, 0]));
        // 2024-02-29T12:34:56Z, a leap day.
        assert_eq!(super::utc(1_709_210_096), Some([2024, 2, 29, 12, 34, 56]));
        assert_eq!(super::utc(-1), Some([1969, 12, 31, 23, 59, 59]));
        assert_eq!(
            super::pdf_date(1_709_210_096).as_deref(),
            Some("D:20240229123456Z")
        );
        assert_eq!(super::utc(i64::MAX / 2), None);
    }
}

//! PDF: draw finished pages into PDF bytes.
//!
//! [`write`] adds the document's objects in order: the fonts (`font`), the
//! pictures (`image`), each page with its content stream (`content`) and its
//! annotations (links, and a form's fields: `form`), the structure tree
//! (`tags`), the metadata (`meta`) and the catalog; `objects`
//! numbers them and serialises the file, and is the only file that knows lopdf.
//! Content streams are written with pdf-writer's operator encoder.
//!
//! - Page boxes are written as `[llx lly urx ury]` (`/MediaBox`, `/CropBox`,
//!   `/TrimBox`, `/BleedBox`); the catalog carries `/Lang` and asks viewers to show
//!   the title.
//! - Every item is marked content: an `/Artifact` or a sequence with an `/MCID` that
//!   the structure tree points at (tagged PDF). Content without an element is an
//!   internal error: it would be hidden from screen readers.
//! - Output is byte-identical for identical input: no random ids, no clock. Dates
//!   are written only when `SOURCE_DATE_EPOCH` is set, and the file `/ID` is a hash
//!   of the content.
//!
//! Decision: printpdf, the first choice for this module, was dropped once measured:
//! translating its drawing operations took a seventh of a whole build, and most of
//! what it wrote (boxes, font names, catalog, info) had to be rewritten afterwards.

mod content;
mod font;
mod form;
mod image;
mod meta;
mod objects;
mod tags;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::fonts::Fonts;
use crate::messages::msg;
use crate::pages::{LinkBox, Page};
use crate::structure::{Structure, Tag};

use objects::{name, Dict, Obj, Objects, Packing, Ref};

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
    /// The text reads right to left: viewers show the pages that way
    /// (`/Direction /R2L`, a booklet's spine on the right).
    pub rtl: bool,
}

/// Draw the pages into a PDF document's bytes.
pub fn write(
    pages: &[Page],
    structure: &Structure,
    fonts: &Fonts,
    meta: &Metadata,
) -> Result<Vec<u8>, Diagnostics> {
    let mut objects = Objects::new();
    let form_font = form_font(&mut objects, pages, fonts)?;
    let (fonts, font_resources) = font::embed_all(&mut objects, pages, fonts)?;
    let (pictures, xobjects) = image::embed_all(&mut objects, pages);
    let resources = objects.add(Dict::from([
        ("Font", font_resources.into()),
        ("XObject", xobjects.into()),
    ]));
    let leaves = tags::leaves(structure);
    let drawn_with = content::Resources {
        fonts: &fonts,
        pictures: &pictures,
        structure,
        leaves: &leaves,
    };
    let (mut form_fields, mut too_long) = (Vec::new(), Vec::new());
    let tree = objects.reserve();
    // Per page, the structure element of each marked-content id; and the links.
    let mut marked = tags::Marked::default();
    let mut page_ids = Vec::new();
    for (number, page) in pages.iter().enumerate() {
        let drawn = content::page(page, &drawn_with).map_err(|tag| untagged(number, tag))?;
        marked.mcids.push(drawn.mcids);
        let mut annots = Vec::new();
        for (link, element) in drawn.links {
            let key = pages.len() + marked.links.len();
            let annot = objects.add(annotation(link, key));
            marked.links.push(tags::LinkAt {
                annot,
                page: number,
                element,
            });
            annots.push(Obj::Ref(annot));
        }
        for (field, element) in drawn.fields {
            let Some(font) = &form_font else { break };
            let key = pages.len() + marked.links.len();
            let annot = match form::widget(&mut objects, field, font, key) {
                Ok(annot) => annot,
                Err(e) => {
                    too_long.push(*e);
                    continue;
                }
            };
            marked.links.push(tags::LinkAt {
                annot,
                page: number,
                element,
            });
            annots.push(Obj::Ref(annot));
            form_fields.push(Obj::Ref(annot));
        }
        let contents = objects.stream(Dict::new(), drawn.stream, Packing::Deflate);
        let mut dict = page_dict(page, number, tree, resources, contents);
        if !annots.is_empty() {
            dict.set("Annots", Obj::Array(annots));
        }
        page_ids.push(objects.add(dict));
    }
    if !too_long.is_empty() {
        return Err(Diagnostics(too_long));
    }
    objects.put(
        tree,
        Dict::from([
            ("Type", name("Pages")),
            (
                "Kids",
                Obj::Array(page_ids.iter().map(|p| (*p).into()).collect()),
            ),
            ("Count", Obj::Int(page_ids.len() as i64)),
        ]),
    );
    let mut viewer = Dict::from([("DisplayDocTitle", Obj::Bool(true))]);
    if meta.rtl {
        viewer.set("Direction", name("R2L"));
    }
    let mut catalog = Dict::from([
        ("Type", name("Catalog")),
        ("Pages", tree.into()),
        ("Lang", Obj::Ascii(meta.lang.clone())),
        ("ViewerPreferences", viewer.into()),
    ]);
    if let Some(font) = &form_font {
        catalog.set("AcroForm", form::acro_form(form_fields, font));
    }
    tags::write(&mut objects, &mut catalog, &page_ids, structure, &marked);
    if meta.pdf_a || meta.pdf_ua {
        catalog.set("Metadata", meta::xmp(&mut objects, meta));
    }
    if meta.pdf_a {
        catalog.set("OutputIntents", meta::output_intents(&mut objects));
    }
    let root = objects.add(catalog);
    let info = meta::info(&mut objects, meta);
    objects.finish(root, info)
}

/// The font of a form's fields, if the pages have any: the main family's
/// regular face, for every character a field can hold.
fn form_font<'f>(
    objects: &mut Objects,
    pages: &[Page],
    fonts: &'f Fonts,
) -> Result<Option<form::FormFont<'f>>, Diagnostics> {
    let values: Vec<&str> = pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|item| match item {
            crate::pages::Item::Field(f) => Some(f.value.as_str()),
            _ => None,
        })
        .collect();
    if values.is_empty() {
        return Ok(None);
    }
    let face = crate::fonts::FaceId::from(crate::fonts::Weight::Regular);
    let font = fonts.get(face);
    let embedded = font::embed_form_font(objects, font, face, values.into_iter())?;
    Ok(Some(form::FormFont { embedded, font }))
}

/// A `/Page`: its boxes, resources, content and place in the structure.
fn page_dict(page: &Page, number: usize, parent: Ref, resources: Ref, contents: Ref) -> Dict {
    let boxes = |b: [f32; 4]| Obj::Array(b.iter().map(|v| Obj::Real(*v)).collect());
    let media = [0.0, 0.0, page.width, page.height];
    Dict::from([
        ("Type", name("Page")),
        ("Parent", parent.into()),
        ("MediaBox", boxes(media)),
        ("CropBox", boxes(media)),
        ("TrimBox", boxes(page.trim)),
        ("BleedBox", boxes(page.bleed)),
        ("Resources", resources.into()),
        ("Contents", contents.into()),
        ("StructParents", Obj::Int(number as i64)),
        ("Tabs", name("S")),
    ])
}

/// A link annotation (ISO 32000-1, 12.5.6.5) that opens `link`'s URI, with its
/// text for screen readers (`/Contents`), printed with the page and in the
/// structure as `/StructParent` `key` says.
fn annotation(link: &LinkBox, key: usize) -> Dict {
    let rect = [link.x, link.y, link.x + link.width, link.y + link.height];
    Dict::from([
        ("Type", name("Annot")),
        ("Subtype", name("Link")),
        (
            "Rect",
            Obj::Array(rect.iter().map(|v| Obj::Real(*v)).collect()),
        ),
        (
            "Border",
            Obj::Array(vec![Obj::Int(0), Obj::Int(0), Obj::Int(0)]),
        ),
        ("F", Obj::Int(4)),
        (
            "A",
            Dict::from([
                ("Type", name("Action")),
                ("S", name("URI")),
                ("URI", Obj::Ascii(link.uri.clone())),
            ])
            .into(),
        ),
        ("Contents", Obj::Text(link.alt.clone())),
        ("StructParent", Obj::Int(key as i64)),
    ])
}

/// The internal error for content without an element in the structure: it would
/// be hidden from screen readers, so no PDF is written.
fn untagged(page: usize, tag: Tag) -> Diagnostics {
    Diagnostics::one(
        Diagnostic::error(
            msg("pdf-orphan-content")
                .arg("page", page + 1)
                .arg("tag", format!("{tag:?}")),
        )
        .hint(msg("hint-report-bug"))
        .kind(Kind::Internal),
    )
}

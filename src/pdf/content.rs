//! Page content streams, written with pdf-writer's operator encoder: every item
//! drawn inside marked content (ISO 32000-1, 14.6), an `/Artifact` sequence for
//! decoration or a sequence with an `/MCID` that links it to its structure element.

use std::collections::{BTreeMap, HashMap};

use pdf_writer::{Content, Name, Str, TextStr};

use crate::fonts::FaceId;
use crate::pages::{FieldBox, GlyphRun, Item, LinkBox, Page, PlacedGlyph};
use crate::structure::{Key, Part, Structure, Tag};

use super::font::Embedded;
use super::image::{self, Picture};

/// What a page's content is drawn with.
pub struct Resources<'a> {
    /// The embedded fonts.
    pub fonts: &'a BTreeMap<FaceId, Embedded>,
    /// The embedded pictures.
    pub pictures: &'a [Picture<'a>],
    /// The structure the content is tagged for.
    pub structure: &'a Structure,
    /// The element of each placed paragraph's or figure's part.
    pub leaves: &'a HashMap<(Key, Part), usize>,
}

/// A page's content stream, and per MCID the structure element it belongs to.
pub struct PageContent<'p> {
    /// The content stream.
    pub stream: Vec<u8>,
    /// The structure element of each marked-content id, in order.
    pub mcids: Vec<usize>,
    /// The page's links, each with the structure element it belongs to.
    pub links: Vec<(&'p LinkBox, usize)>,
    /// The page's form fields, each with the structure element it belongs to.
    pub fields: Vec<(&'p FieldBox, usize)>,
}

/// Draw one page; fails with the tag of content that has no structure element.
pub fn page<'p>(page: &'p Page, resources: &Resources<'_>) -> Result<PageContent<'p>, Tag> {
    let mut painter = Painter {
        content: Content::new(),
        resources,
        mcids: Vec::new(),
        open: None,
        fill: None,
        font: None,
    };
    let (mut links, mut fields) = (Vec::new(), Vec::new());
    for item in &page.items {
        // Not drawn: annotations, linked to their elements apart.
        match item {
            Item::Link(link) => {
                links.push((link, element_of(resources, link.tag)?));
                continue;
            }
            Item::Field(field) => {
                fields.push((field, element_of(resources, field.tag)?));
                continue;
            }
            _ => {}
        }
        painter.mark(item.tag())?;
        painter.draw(item);
    }
    if painter.open.is_some() {
        painter.content.end_marked_content();
    }
    Ok(PageContent {
        stream: painter.content.finish().into_vec(),
        mcids: painter.mcids,
        links,
        fields,
    })
}

/// A content stream being written, with the state already set in it, so that it
/// is not repeated for every run.
struct Painter<'a> {
    content: Content,
    resources: &'a Resources<'a>,
    mcids: Vec<usize>,
    /// The marked-content sequence open.
    open: Option<Tag>,
    /// The fill colour set.
    fill: Option<[f32; 3]>,
    /// The font and size set.
    font: Option<(FaceId, f32)>,
}

impl Painter<'_> {
    /// Open the marked-content sequence for `tag`, unless it is open already.
    fn mark(&mut self, tag: Tag) -> Result<(), Tag> {
        if self.open == Some(tag) {
            return Ok(());
        }
        if self.open.is_some() {
            self.content.end_marked_content();
        }
        match tag {
            Tag::Artifact => {
                self.content.begin_marked_content(Name(b"Artifact"));
            }
            Tag::Content(..) => {
                let element = element_of(self.resources, tag)?;
                let e = &self.resources.structure.elements[element];
                let mut marked = self
                    .content
                    .begin_marked_content_with_properties(Name(e.role.as_bytes()));
                let mut properties = marked.properties();
                properties.identify(self.mcids.len() as i32);
                // Copying and searching give an address broken across lines whole.
                if let Some(text) = &e.actual_text {
                    properties.actual_text(TextStr(text));
                }
                drop(properties);
                drop(marked);
                self.mcids.push(element);
            }
        }
        self.open = Some(tag);
        Ok(())
    }

    /// Set the fill colour: a grey (black text, the QR code) in DeviceGray, so
    /// that a print shop prints it in black ink alone, not in four colours that
    /// blur small type; any other colour in RGB.
    fn set_fill(&mut self, c: [f32; 3]) {
        if self.fill != Some(c) {
            match grey(c) {
                Some(g) => self.content.set_fill_gray(g),
                None => self.content.set_fill_rgb(c[0], c[1], c[2]),
            };
            self.fill = Some(c);
        }
    }

    /// Set the stroke colour, a grey in DeviceGray (see [`Painter::set_fill`]).
    fn set_stroke(&mut self, c: [f32; 3]) {
        match grey(c) {
            Some(g) => self.content.set_stroke_gray(g),
            None => self.content.set_stroke_rgb(c[0], c[1], c[2]),
        };
    }

    fn draw(&mut self, item: &Item) {
        match item {
            Item::Fill(r) => {
                self.set_fill(r.colour);
                self.content
                    .rect(r.x, r.y, r.width, r.height)
                    .fill_nonzero();
            }
            Item::Outline(r) => {
                self.set_stroke(r.colour);
                self.content
                    .set_line_width(r.line_width)
                    .rect(r.x, r.y, r.width, r.height)
                    .stroke();
            }
            Item::Line(l) => {
                self.set_stroke(l.colour);
                self.content
                    .set_line_width(l.width)
                    .move_to(l.from.0, l.from.1)
                    .line_to(l.to.0, l.to.1)
                    .stroke();
            }
            Item::Image(b) => {
                if let Some(picture) = image::find(self.resources.pictures, &b.image) {
                    self.content
                        .save_state()
                        .transform(b.image.orientation.place(b.x, b.y, b.width, b.height))
                        .x_object(Name(picture.resource.as_bytes()))
                        .restore_state();
                }
            }
            Item::Text(run) => self.text(run),
            Item::Link(_) | Item::Field(_) => {}
        }
    }

    fn text(&mut self, run: &GlyphRun) {
        let Some(embedded) = self.resources.fonts.get(&run.face) else {
            return;
        };
        self.set_fill(run.colour);
        self.content.begin_text();
        if self.font != Some((run.face, run.size)) {
            self.content
                .set_font(Name(embedded.resource.as_bytes()), run.size);
            self.font = Some((run.face, run.size));
        }
        self.content
            .set_text_matrix([1.0, 0.0, 0.0, 1.0, run.x, run.y]);
        show_glyphs(&mut self.content, run, embedded);
        self.content.end_text();
    }
}

/// A colour's grey level, if it is a grey (red, green and blue equal).
fn grey(c: [f32; 3]) -> Option<f32> {
    (c[0] == c[1] && c[1] == c[2]).then_some(c[0])
}

/// The structure element of tagged content; the tag itself if it has none.
fn element_of(resources: &Resources<'_>, tag: Tag) -> Result<usize, Tag> {
    match tag {
        Tag::Content(key, part) => resources.leaves.get(&(key, part)).copied().ok_or(tag),
        Tag::Artifact => Err(tag),
    }
}

/// `TJ` for a run: glyph codes two bytes each, and after a glyph whose advance
/// differs from its `/W` width (kerning), the difference in thousandths of an em.
/// A glyph drawn away from the pen (a mark over its letter) is moved there and
/// back in the same array, and raised or lowered with the text rise (`Ts`) in a
/// `TJ` of its own.
fn show_glyphs(content: &mut Content, run: &GlyphRun, font: &Embedded) {
    let code = |g: &PlacedGlyph| font.code(g);
    let mut rest = run.glyphs.as_slice();
    while !rest.is_empty() {
        // The glyphs up to the next one raised or lowered, or that one alone.
        let raised = |g: &PlacedGlyph| g.offset.1 != 0;
        let take = match rest.iter().position(raised) {
            Some(0) => 1,
            Some(n) => n,
            None => rest.len(),
        };
        let (part, next) = rest.split_at(take);
        rest = next;
        let rise = part[0].offset.1 as f32 * font.scale * run.size / 1000.0;
        if rise != 0.0 {
            content.set_rise(rise);
        }
        let mut show = content.show_positioned();
        let mut items = show.items();
        let mut codes: Vec<u8> = Vec::with_capacity(part.len() * 2);
        for g in part {
            let shift = g.offset.0 as f32 * font.scale;
            if shift != 0.0 {
                if !codes.is_empty() {
                    items.show(Str(&codes));
                    codes.clear();
                }
                items.adjust(-shift);
            }
            let code = code(g);
            codes.extend(code.to_be_bytes());
            let width = font.widths.get(usize::from(code)).copied().unwrap_or(0.0);
            let adjust = width - g.advance as f32 * font.scale + shift;
            if adjust.abs() > 0.001 {
                items.show(Str(&codes));
                items.adjust(adjust);
                codes.clear();
            }
        }
        if !codes.is_empty() {
            items.show(Str(&codes));
        }
        drop(items);
        drop(show);
        if rise != 0.0 {
            content.set_rise(0.0);
        }
    }
}

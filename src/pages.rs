//! Pages: the finished layout, every item at a fixed position.
//!
//! Coordinates are PDF points with the origin at the page's bottom-left corner.
//! The typesetter produces these; the PDF writer only draws them.

use std::sync::Arc;

use smol_str::SmolStr;

use crate::fonts::FaceId;
use crate::image::Image;
use crate::structure::Tag;

/// One finished page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in points (the PDF `/MediaBox`).
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// The finished size after trimming, `[llx lly urx ury]` (`/TrimBox`).
    pub trim: [f32; 4],
    /// The trim box plus the bleed (`/BleedBox`); equal to `trim` without bleed.
    pub bleed: [f32; 4],
    /// What is drawn, in painting order.
    pub items: Vec<Item>,
}

impl Page {
    /// An empty page whose boxes all equal its size.
    pub fn new(width: f32, height: f32) -> Page {
        let all = [0.0, 0.0, width, height];
        Page {
            width,
            height,
            trim: all,
            bleed: all,
            items: Vec::new(),
        }
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A filled rectangle.
    Fill(FillRect),
    /// A run of glyphs on one baseline in one font, size and colour.
    Text(GlyphRun),
    /// A stroked rectangle (marks a frame whose text does not fit, in preview).
    Outline(StrokeRect),
    /// A straight line (crop marks).
    Line(Line),
    /// A picture scaled into a rectangle.
    Image(ImageBox),
    /// A place that leads somewhere when it is clicked (not drawn).
    Link(LinkBox),
    /// A text field of a PDF form (drawn by its own appearance).
    Field(FieldBox),
}

/// Room around a form field's text, as a part of its type size: the typesetter
/// sizes the box with it and the PDF writer sets the text inside it.
pub const FIELD_PADDING: f32 = 0.3;

/// A text field of a PDF form (`--fillable`, a widget annotation).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldBox {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Its name in the form (`organisation.phone`).
    pub name: String,
    /// What it asks for (`/TU`).
    pub tip: String,
    /// What it holds to begin with, lines apart by `\n`.
    pub value: String,
    /// It holds more than one line.
    pub multiline: bool,
    /// The size its text is set in, at most.
    pub size: f32,
    /// Its element in the structure (a Form).
    pub tag: Tag,
}

/// A link over the text it is part of (a PDF link annotation).
#[derive(Debug, Clone, PartialEq)]
pub struct LinkBox {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Where it leads (`https:`, `mailto:`, `tel:`), in ASCII.
    pub uri: String,
    /// What following it does, for screen readers.
    pub alt: String,
    /// The text it is part of in the structure.
    pub tag: Tag,
}

/// A picture placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageBox {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// The picture; shared, so it is embedded once however often it is placed.
    pub image: Arc<Image>,
    /// What it is in the structure.
    pub tag: Tag,
}

/// A straight stroked line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Start.
    pub from: (f32, f32),
    /// End.
    pub to: (f32, f32),
    /// Line width in points.
    pub width: f32,
    /// sRGB, 0 to 1.
    pub colour: [f32; 3],
}

/// A stroked rectangle.
#[derive(Debug, Clone, PartialEq)]
pub struct StrokeRect {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// sRGB, 0 to 1.
    pub colour: [f32; 3],
    /// Line width in points.
    pub line_width: f32,
}

/// A filled rectangle.
#[derive(Debug, Clone, PartialEq)]
pub struct FillRect {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// sRGB, 0 to 1.
    pub colour: [f32; 3],
    /// What it is in the structure (a QR code's modules are a figure).
    pub tag: Tag,
}

/// Glyphs on one baseline, in one font, size and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// The face.
    pub face: FaceId,
    /// Type size in points.
    pub size: f32,
    /// sRGB, 0 to 1.
    pub colour: [f32; 3],
    /// Where the first glyph's origin is.
    pub x: f32,
    /// The baseline.
    pub y: f32,
    /// The glyphs, each advancing the pen by its `advance`.
    pub glyphs: Vec<PlacedGlyph>,
    /// What it is in the structure.
    pub tag: Tag,
}

/// One glyph of a run, in the order glyphs are drawn: left to right, whatever
/// the direction of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id in the (unsubset) font.
    pub id: u16,
    /// Pen advance after this glyph, in font units, kerning included.
    pub advance: i32,
    /// Where the glyph is drawn from the pen, in font units (a mark over its
    /// letter); (0, 0) for nearly every glyph.
    pub offset: (i32, i32),
    /// The characters this glyph stands for (empty for a glyph that continues a
    /// cluster). Held inline: a document has thousands of glyphs, mostly of one
    /// character, and pages are copied as they are imposed and reused.
    pub text: SmolStr,
}

impl Item {
    /// What the item is in the structure; outlines and lines are always decoration.
    pub fn tag(&self) -> Tag {
        match self {
            Item::Fill(r) => r.tag,
            Item::Text(run) => run.tag,
            Item::Image(b) => b.tag,
            Item::Link(l) => l.tag,
            Item::Field(f) => f.tag,
            Item::Outline(_) | Item::Line(_) => Tag::Artifact,
        }
    }

    /// The same item moved by `(dx, dy)`.
    pub fn moved(&self, dx: f32, dy: f32) -> Item {
        let mut item = self.clone();
        item.move_by(dx, dy);
        item
    }

    /// Move the item by `(dx, dy)`.
    pub fn move_by(&mut self, dx: f32, dy: f32) {
        match self {
            Item::Fill(r) => (r.x, r.y) = (r.x + dx, r.y + dy),
            Item::Outline(r) => (r.x, r.y) = (r.x + dx, r.y + dy),
            Item::Text(run) => (run.x, run.y) = (run.x + dx, run.y + dy),
            Item::Image(i) => (i.x, i.y) = (i.x + dx, i.y + dy),
            Item::Link(l) => (l.x, l.y) = (l.x + dx, l.y + dy),
            Item::Field(f) => (f.x, f.y) = (f.x + dx, f.y + dy),
            Item::Line(l) => {
                l.from = (l.from.0 + dx, l.from.1 + dy);
                l.to = (l.to.0 + dx, l.to.1 + dy);
            }
        }
    }
}

impl GlyphRun {
    /// The run's width in points.
    pub fn width(&self, units_per_em: f32) -> f32 {
        self.glyphs.iter().map(|g| g.advance as f32).sum::<f32>() * self.size / units_per_em
    }
}

//! Layouts: read a page format from `layouts/<name>.toml` into a [`Layout`].
//!
//! A layout is data a designer owns: paper size, fonts, colours, paragraph styles and
//! the page plan (which messages stand in which frame of which page, and where the
//! contact block sits). Lengths are millimetres from the page's top-left corner, type
//! sizes points. [`load`] checks that every style and colour a plan names exists, that
//! frames lie on the page, and that the contact details are shown once (in one
//! block, or in two parts that follow each other). Where they
//! stand is the layout's choice: where they are read last, the final page of a
//! folder or the last panels of a folded sheet.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, Source};
use crate::messages::{msg, Message};
use crate::store::Store;

/// The layout used when none is named.
pub const DEFAULT: &str = "folder-a5";

/// A layout's one-line description: one text, or a text per language
/// (`{ sv = "...", fi = "...", en = "..." }`), since designers write it and
/// people choosing a format read it.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Description {
    /// The same text in every language.
    Plain(String),
    /// A text per language.
    Languages(BTreeMap<String, String>),
}

impl Description {
    /// The text in `lang` (`sv` for `sv-FI`), else in English, else the first.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Description::Plain(text) => text,
            Description::Languages(texts) => {
                let base = lang.split(['-', '_']).next().unwrap_or(lang);
                [lang, base, "en"]
                    .iter()
                    .find_map(|l| texts.get(*l))
                    .or_else(|| texts.values().next())
                    .map_or("", String::as_str)
            }
        }
    }
}

/// A page format and its page plan.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// The layout's name (its file stem); filled in by [`load`].
    #[serde(skip)]
    pub name: String,
    /// One line for `leaflet list` and the web form's choice of format, in each
    /// language it is written in.
    pub description: Description,
    /// The finished page size.
    pub page: PageSize,
    /// Whether `--impose booklet` makes sense for it: pages that fold into a
    /// booklet, two to a side of the next paper size (A5 on A4). Not for a
    /// sheet (a4) or a folded sheet (trifold-dl), which are printed as they are.
    #[serde(default)]
    pub booklet: bool,
    /// The font files, from the fonts folder.
    pub fonts: FontFiles,
    /// Named colours, `"#rrggbb"`.
    pub colours: BTreeMap<String, Colour>,
    /// Named paragraph styles.
    pub styles: BTreeMap<String, Style>,
    /// The pages in reading order.
    pub pages: Vec<PagePlan>,
}

impl Layout {
    /// The layout for a right-to-left language: every frame at the mirror
    /// position across the page, and logos and QR codes at the other side of
    /// their frames. (Text is set flush right by the typesetter.)
    pub fn mirrored(mut self) -> Layout {
        let width = self.page.width_mm;
        for frame in self.pages.iter_mut().flat_map(|p| &mut p.frames) {
            frame.x_mm = width - frame.x_mm - frame.width_mm;
            for block in &mut frame.blocks {
                if let Block::Logo { align, .. } | Block::Qr { align, .. } = block {
                    *align = match align {
                        HAlign::Left => HAlign::Right,
                        HAlign::Right => HAlign::Left,
                    };
                }
            }
        }
        self
    }
}

/// `[page]`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSize {
    /// Finished width.
    pub width_mm: f32,
    /// Finished height.
    pub height_mm: f32,
}

/// `[fonts]`: file names in the fonts folder.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontFiles {
    /// The regular weight.
    pub regular: String,
    /// The bold weight.
    pub bold: String,
    /// Families for the scripts the main one lacks (Arabic, Hebrew, Ethiopic), in
    /// the order they are tried: `fallback = [{ regular = "...", bold = "..." }]`.
    #[serde(default)]
    pub fallback: Vec<FontPair>,
}

/// A family's regular and bold files.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontPair {
    /// The regular weight.
    pub regular: String,
    /// The bold weight.
    pub bold: String,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(try_from = "String")]
pub struct Colour(pub [f32; 3]);

impl TryFrom<String> for Colour {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let hex = s.strip_prefix('#').filter(|h| h.len() == 6 && h.is_ascii());
        let channel = |i: usize| {
            hex.and_then(|h| u8::from_str_radix(&h[i..i + 2], 16).ok())
                .map(|v| f32::from(v) / 255.0)
        };
        match (channel(0), channel(2), channel(4)) {
            (Some(r), Some(g), Some(b)) => Ok(Colour([r, g, b])),
            _ => Err(format!("`{s}` is not a colour; write it as \"#rrggbb\"")),
        }
    }
}

/// A paragraph style.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Style {
    /// Type size.
    pub size_pt: f32,
    /// Distance between baselines, as a multiple of the size.
    #[serde(default = "default_leading")]
    pub leading: f32,
    /// Bold weight.
    #[serde(default)]
    pub bold: bool,
    /// A colour name from `[colours]`.
    pub colour: Spanned<String>,
    /// Space above the paragraph.
    #[serde(default)]
    pub space_before_pt: f32,
    /// Space below the paragraph.
    #[serde(default)]
    pub space_after_pt: f32,
    /// Whether words may be hyphenated.
    #[serde(default)]
    pub hyphenate: bool,
    /// Where the text starts when the paragraph has a label (a bullet, "Telefon").
    #[serde(default)]
    pub indent_mm: f32,
    /// What a paragraph in this style is, for screen readers: "P" (default) or a
    /// heading "H1" to "H6".
    #[serde(default)]
    pub role: Role,
}

/// The structure role of a paragraph style (tagged PDF).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum Role {
    /// A paragraph.
    #[default]
    P,
    /// Headings, level 1 to 6.
    H1,
    /// Level 2.
    H2,
    /// Level 3.
    H3,
    /// Level 4.
    H4,
    /// Level 5.
    H5,
    /// Level 6.
    H6,
}

impl Role {
    /// The PDF structure type (`/S`).
    pub fn name(self) -> &'static str {
        match self {
            Role::P => "P",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::H4 => "H4",
            Role::H5 => "H5",
            Role::H6 => "H6",
        }
    }
}

fn default_leading() -> f32 {
    1.3
}

/// One page of the plan.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PagePlan {
    /// A name for messages ("contact").
    pub name: String,
    /// The frames on the page.
    pub frames: Vec<Frame>,
}

/// A rectangle on the page that text is set into.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    /// Where the frame comes in the reading order (screen readers, copying text);
    /// frames without one follow in page order. A folded sheet needs it: its panels
    /// are not read in the order they are printed.
    #[serde(default)]
    pub order: Option<u32>,
    /// Left edge.
    pub x_mm: f32,
    /// Top edge.
    pub y_mm: f32,
    /// Width.
    pub width_mm: f32,
    /// Height.
    pub height_mm: f32,
    /// Space between the frame's edge and its text.
    #[serde(default)]
    pub padding_mm: f32,
    /// A colour name to fill the frame with.
    #[serde(default)]
    pub fill: Option<Spanned<String>>,
    /// Where the text sits in the frame.
    #[serde(default)]
    pub align: Align,
    /// What the frame holds, top to bottom.
    pub blocks: Vec<Block>,
}

/// Vertical alignment of a frame's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// From the top.
    #[default]
    Top,
    /// So the last line sits on the bottom.
    Bottom,
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HAlign {
    /// At the left edge.
    #[default]
    Left,
    /// At the right edge.
    Right,
}

/// One piece of a frame's content.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Block {
    /// One message as one paragraph.
    Text {
        /// The Fluent message id.
        message: String,
        /// The paragraph style.
        style: String,
    },
    /// Messages as a bulleted list, one item each.
    Bullets {
        /// The Fluent message ids.
        messages: Vec<String>,
        /// The style of an item; its `indent_mm` is where the text starts.
        style: String,
    },
    /// The organisation's name and unit (for a cover).
    Organisation {
        /// Style of the name.
        name_style: String,
        /// Style of the unit.
        unit_style: String,
    },
    /// The contact details: organisation, persons, addresses, extra lines.
    Contacts {
        /// Style of the organisation's name.
        org_style: String,
        /// Style of a person's name.
        name_style: String,
        /// Style of the detail lines; `indent_mm` is the width of the label column.
        style: String,
        /// Space between groups (organisation, each person, addresses, extra lines).
        #[serde(default = "default_group_gap")]
        group_gap_pt: f32,
        /// Print `www.example.se` for `https://www.example.se`.
        #[serde(default = "default_true")]
        strip_web_scheme: bool,
        /// The smallest size the detail lines (and helplines) may shrink to, to fit;
        /// they keep their size without.
        #[serde(default)]
        min_size_pt: Option<f32>,
        /// Which of the details the block shows: all of them, or the two parts
        /// of them in two blocks (where one frame cannot hold them all).
        #[serde(default)]
        part: ContactPart,
    },
    /// The organisations' logos, if they have any, side by side in a box.
    Logo {
        /// The box's width.
        width_mm: f32,
        /// The box's height.
        height_mm: f32,
        /// Where the logos sit in the frame's width.
        #[serde(default)]
        align: HAlign,
    },
    /// A QR code of the first organisation's web address, if it gives one: a
    /// place of its own, so the lines beside it keep their width.
    Qr {
        /// The code's largest side, its quiet zone included; the code takes all
        /// of it (modules of at least 0.5 mm, or it is left out with a warning).
        size_mm: f32,
        /// Where the code sits in the frame's width.
        #[serde(default)]
        align: HAlign,
    },
    /// The national helplines of the locale: a heading, then number and text.
    Helplines {
        /// The heading's message id.
        heading: String,
        /// The heading's style.
        heading_style: String,
        /// Style of each line; `indent_mm` is the width of the number column.
        style: String,
    },
}

/// Which contact details a `contacts` block shows. Split in two, the details
/// keep their order but for the first organisation's address, which comes with
/// its own lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactPart {
    /// Each organisation with its people and address, then the extra lines.
    #[default]
    All,
    /// The first organisation's own lines and its address.
    Lead,
    /// The first organisation's people, then each other organisation with its
    /// people and address, then the extra lines.
    Rest,
}

fn default_group_gap() -> f32 {
    7.0
}

fn default_true() -> bool {
    true
}

/// Load a layout by name from the store, or from a `.toml` path.
pub fn load(store: &Store, name_or_path: &str) -> Result<Layout, Diagnostics> {
    let (name, source) = if name_or_path.ends_with(".toml") || name_or_path.contains('/') {
        let path = Path::new(name_or_path);
        let text = crate::store::read_text_file(path, 1024 * 1024, msg("what-layout-file"))?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("layout");
        (stem.to_string(), Source::new(path, text))
    } else {
        let rel = format!("{name_or_path}.toml");
        if !store.contains(&rel) {
            let names = names(store)?;
            let mut d = Diagnostic::error(msg("layout-unknown").arg("layout", name_or_path))
                .field("--layout");
            if let Some(m) = crate::store::did_you_mean(
                name_or_path,
                &names.iter().map(String::as_str).collect::<Vec<_>>(),
            ) {
                d = d.hint(msg("hint-did-you-mean").arg("key", m));
            }
            return Err(d
                .hint(msg("hint-layouts").arg("names", names.join(", ")))
                .into());
        }
        let text = store.read_text(&rel)?;
        (
            name_or_path.to_string(),
            Source::new(store.display_path(&rel), text),
        )
    };
    let mut layout: Layout = toml::from_str(&source.text).map_err(|e| {
        Diagnostics::one(
            Diagnostic::error(msg("layout-invalid").arg("detail", e.message().trim_end()))
                .at_span(&source, e.span()),
        )
    })?;
    layout.name = name;
    check(&layout, &source)?;
    Ok(layout)
}

/// The names of the layouts in a store, sorted.
pub fn names(store: &Store) -> Result<Vec<String>, Diagnostics> {
    Ok(store
        .files("", "toml")?
        .into_iter()
        .filter_map(|(rel, _)| rel.strip_suffix(".toml").map(str::to_string))
        .collect())
}

impl Frame {
    /// Whether what the frame shows depends on the contacts file (the organisation,
    /// its details or its logo); other frames are the same for every organisation.
    pub fn depends_on_contacts(&self) -> bool {
        self.blocks.iter().any(|b| {
            matches!(
                b,
                Block::Organisation { .. }
                    | Block::Contacts { .. }
                    | Block::Logo { .. }
                    | Block::Qr { .. }
            )
        })
    }
}

impl Layout {
    /// A style by name; [`load`] made sure every name in the plan exists.
    pub fn style(&self, name: &str) -> &Style {
        &self.styles[name]
    }

    /// A colour by name; [`load`] made sure every name in use exists.
    pub fn colour(&self, name: &Spanned<String>) -> Colour {
        self.colours[name.get_ref()]
    }
}

impl Block {
    /// The styles the block names.
    fn styles(&self) -> Vec<&String> {
        match self {
            Block::Text { style, .. } | Block::Bullets { style, .. } => vec![style],
            Block::Organisation {
                name_style,
                unit_style,
            } => vec![name_style, unit_style],
            Block::Contacts {
                org_style,
                name_style,
                style,
                ..
            } => vec![org_style, name_style, style],
            Block::Helplines {
                heading_style,
                style,
                ..
            } => vec![heading_style, style],
            Block::Logo { .. } | Block::Qr { .. } => vec![],
        }
    }
}

/// Whether a length is a number above 0 and at most `max`.
fn sane(v: f32, max: f32) -> bool {
    v.is_finite() && v > 0.0 && v <= max
}

/// Check what serde cannot: names that refer to each other, and sane sizes.
fn check(layout: &Layout, source: &Source) -> Result<(), Diagnostics> {
    let mut errors = Vec::new();
    if !sane(layout.page.width_mm, 2000.0) || !sane(layout.page.height_mm, 2000.0) {
        errors.push(Diagnostic::error(msg("layout-page-size")).in_file(&source.path));
    }
    check_styles(layout, source, &mut errors);
    check_frames(layout, source, &mut errors);
    let in_file = |message: Message| Diagnostic::error(message).in_file(&source.path);
    for (p, page) in layout.pages.iter().enumerate() {
        for block in page.frames.iter().flat_map(|f| &f.blocks) {
            for s in block.styles() {
                if !layout.styles.contains_key(s) {
                    errors.push(in_file(
                        msg("layout-unknown-style")
                            .arg("page", p + 1)
                            .arg("style", s.as_str()),
                    ));
                }
            }
        }
    }
    if layout.pages.is_empty() {
        errors.push(in_file(msg("layout-no-pages")));
    }
    let parts: Vec<ContactPart> = layout
        .pages
        .iter()
        .flat_map(|p| &p.frames)
        .flat_map(|f| &f.blocks)
        .filter_map(|b| match b {
            Block::Contacts { part, .. } => Some(*part),
            _ => None,
        })
        .collect();
    let count = |part| parts.iter().filter(|p| **p == part).count();
    let split = count(ContactPart::Lead) == 1 && count(ContactPart::Rest) == 1;
    if !(parts == [ContactPart::All] || (split && parts.len() == 2)) {
        errors.push(
            in_file(msg("layout-contacts-blocks").arg("count", parts.len()))
                .hint(msg("hint-contacts-block")),
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(errors))
    }
}

/// Every style's colour exists, and its sizes are in range.
fn check_styles(layout: &Layout, source: &Source, errors: &mut Vec<Diagnostic>) {
    for (name, style) in &layout.styles {
        let at = Some(style.colour.span());
        if !layout.colours.contains_key(style.colour.get_ref()) {
            errors.push(
                Diagnostic::error(
                    msg("layout-unknown-colour")
                        .arg("style", name.as_str())
                        .arg("colour", style.colour.get_ref().as_str()),
                )
                .at_span(source, at.clone()),
            );
        }
        let ok = sane(style.size_pt, 200.0)
            && (0.8..=4.0).contains(&style.leading)
            && (0.0..=200.0).contains(&style.space_before_pt)
            && (0.0..=200.0).contains(&style.space_after_pt)
            && (0.0..=500.0).contains(&style.indent_mm);
        if !ok {
            errors.push(
                Diagnostic::error(msg("layout-style-range").arg("style", name.as_str()))
                    .at_span(source, at),
            );
        }
    }
}

/// Every frame lies on the page, and its fill colour exists.
fn check_frames(layout: &Layout, source: &Source, errors: &mut Vec<Diagnostic>) {
    for (p, page) in layout.pages.iter().enumerate() {
        for frame in &page.frames {
            let inside = frame.x_mm >= 0.0
                && frame.y_mm >= 0.0
                && frame.width_mm > 2.0 * frame.padding_mm
                && frame.height_mm > 2.0 * frame.padding_mm
                && frame.padding_mm >= 0.0
                && frame.x_mm + frame.width_mm <= layout.page.width_mm + 0.01
                && frame.y_mm + frame.height_mm <= layout.page.height_mm + 0.01;
            if !inside {
                errors.push(
                    Diagnostic::error(
                        msg("layout-frame-off-page")
                            .arg("page", p + 1)
                            .arg("name", page.name.as_str()),
                    )
                    .in_file(&source.path),
                );
            }
            if let Some(fill) = &frame.fill {
                if !layout.colours.contains_key(fill.get_ref()) {
                    errors.push(
                        Diagnostic::error(
                            msg("layout-no-colour").arg("colour", fill.get_ref().as_str()),
                        )
                        .at_span(source, Some(fill.span())),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_default_layout_loads() {
        let layout = load(&Store::layouts(None), DEFAULT).expect("bundled layout");
        assert_eq!(layout.pages.len(), 4);
        assert_eq!(layout.page.width_mm, 148.0);
    }

    #[test]
    fn an_unknown_layout_name_suggests_the_closest() {
        let e = load(&Store::layouts(None), "folder-a4").expect_err("unknown");
        assert!(e.to_string().contains("did you mean `folder-a5`?"), "{e}");
    }
}

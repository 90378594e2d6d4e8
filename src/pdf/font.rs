//! Fonts: each face subset to the glyphs the pages show and embedded as a Type 0
//! font over a CIDFontType2 (ISO 32000-1, 9.7), its codes the subset's glyph ids
//! (`/Identity-H`), named with a `ABCDEF+` tag derived from the glyph set.
//! `/W` carries the font's own advances (kerning is written as `TJ` adjustments),
//! and `/ToUnicode` maps every glyph back to its text, so copy and search give the
//! real characters (å ä ö š ž). A glyph shown for two texts gets a code for each
//! (the hyphen a line break adds stands for a soft hyphen, U+00AD, so "ekono-
//! miskt" reads as one word; ISO 32000-1, 14.8.2.2.3): such codes past the
//! subset's glyphs map to their glyph in `/CIDToGIDMap`.

use std::collections::{BTreeMap, HashMap};

use pdf_writer::{Name, Str};
use rustybuzz::ttf_parser::GlyphId;
use smol_str::SmolStr;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fonts::{FaceId, Font, Fonts};
use crate::messages::msg;
use crate::pages::{Item, Page};

use super::objects::{fnv1a, name, Dict, Obj, Objects, Packing, Ref};

/// A font as embedded.
pub struct Embedded {
    /// The resource name content streams use (`F1`).
    pub resource: String,
    /// The Type 0 font object.
    id: Ref,
    /// Subset glyph id (and code) for each original one, for its first text.
    new_ids: HashMap<u16, u16>,
    /// The code of an original glyph shown for another text.
    other_codes: HashMap<(u16, SmolStr), u16>,
    /// `/W` of each code, in thousandths of an em.
    pub widths: Vec<f32>,
    /// Font units to thousandths of an em.
    pub scale: f32,
}

impl Embedded {
    /// The code of an original glyph, if the subset has it.
    pub fn code_of(&self, glyph: u16) -> Option<u16> {
        self.new_ids.get(&glyph).copied()
    }

    /// The Type 0 font object.
    pub fn id(&self) -> Ref {
        self.id
    }

    /// The code that shows a glyph for its text.
    pub fn code(&self, glyph: &crate::pages::PlacedGlyph) -> u16 {
        self.other_codes
            .get(&(glyph.id, glyph.text.clone()))
            .or_else(|| self.new_ids.get(&glyph.id))
            .copied()
            .unwrap_or(0)
    }
}

/// The glyphs a face shows: the text each stands for where first shown, and the
/// other texts some are also shown for.
#[derive(Default)]
struct Used {
    texts: BTreeMap<u16, SmolStr>,
    others: std::collections::BTreeSet<(u16, SmolStr)>,
}

/// Embed every face the pages use; returns them and the `/Font` resources.
pub fn embed_all(
    objects: &mut Objects,
    pages: &[Page],
    fonts: &Fonts,
) -> Result<(BTreeMap<FaceId, Embedded>, Dict), Diagnostics> {
    let mut resources = Dict::new();
    let mut embedded = BTreeMap::new();
    for (face, used) in used_glyphs(pages) {
        let font = embed(objects, fonts.get(face), face, &used)?;
        resources.set(font.resource.clone(), font.id);
        embedded.insert(face, font);
    }
    Ok((embedded, resources))
}

/// The characters a form's fields can be filled in with, whatever is typed: the
/// Latin letters of the Nordic and other European languages (Latin-1 and
/// Latin Extended-A, which hold Swedish, Finnish and North Sámi: á č đ ŋ š ŧ ž),
/// the letters of the other Sámi languages from Latin Extended-B (ǥ ǧ ǩ ǯ ʒ),
/// and common punctuation.
fn form_repertoire() -> impl Iterator<Item = char> {
    let ranges = [
        0x20..=0x7E,
        0xA0..=0x17F,
        0x1B7..=0x1B7,
        0x1E4..=0x1EF,
        0x292..=0x292,
        0x2010..=0x2027,
        0x20AC..=0x20AC,
    ];
    ranges.into_iter().flatten().filter_map(char::from_u32)
}

/// The font a form's fields are filled in with (`/DR`): the face subset to the
/// characters of [`form_repertoire`] and of `values` (what the fields hold to
/// begin with), each glyph mapped back to its character, so that a reader can
/// turn what is typed into glyphs through `/ToUnicode` and draw it.
pub fn embed_form_font<'v>(
    objects: &mut Objects,
    font: &Font,
    face: FaceId,
    values: impl Iterator<Item = &'v str>,
) -> Result<Embedded, Diagnostics> {
    let mut used = Used::default();
    let chars = form_repertoire().chain(values.flat_map(str::chars));
    for c in chars {
        if let Some(glyph) = font.face().glyph_index(c).filter(|g| g.0 != 0) {
            used.texts
                .entry(glyph.0)
                .or_insert_with(|| SmolStr::new(c.to_string()));
        }
    }
    let mut embedded = embed(objects, font, face, &used)?;
    embedded.resource = FORM_FONT.to_string();
    Ok(embedded)
}

/// The resource name of the form's font.
pub const FORM_FONT: &str = "FF";

/// The glyphs each face shows, with the texts each stands for.
fn used_glyphs(pages: &[Page]) -> BTreeMap<FaceId, Used> {
    let mut used: BTreeMap<FaceId, Used> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                let face = used.entry(run.face).or_default();
                for g in &run.glyphs {
                    let text = face.texts.entry(g.id).or_default();
                    if text.is_empty() {
                        text.clone_from(&g.text);
                    } else if !g.text.is_empty() && *text != g.text {
                        face.others.insert((g.id, g.text.clone()));
                    }
                }
            }
        }
    }
    used
}

/// Subset a font to the glyphs used and add it: the font program, its descriptor,
/// the CIDFont with the widths, the `/ToUnicode` map and the Type 0 font.
fn embed(
    objects: &mut Objects,
    font: &Font,
    face: FaceId,
    used: &Used,
) -> Result<Embedded, Diagnostics> {
    let fail = |what: String| {
        Diagnostics::one(Diagnostic::error(
            msg("font-not-embedded")
                .arg("font", &font.file)
                .arg("detail", what),
        ))
    };
    // The subset numbers glyphs in this order, glyph 0 (.notdef) first.
    let ids: Vec<u16> = std::iter::once(0)
        .chain(used.texts.keys().copied().filter(|&g| g != 0))
        .collect();
    let remapper = subsetter::GlyphRemapper::new_from_glyphs(&ids);
    let program = subsetter::subset(font.data(), 0, &remapper).map_err(|e| fail(e.to_string()))?;
    // The original glyph of each subset glyph id, as the subset numbered them.
    let ids: Vec<u16> = remapper.remapped_gids().collect();
    let scale = 1000.0 / font.units_per_em;
    let new_ids: HashMap<u16, u16> = ids
        .iter()
        .enumerate()
        .map(|(new, &old)| (old, new as u16))
        .collect();
    // Codes past the subset's glyphs, for glyphs shown for another text.
    let others: Vec<((u16, SmolStr), u16)> = used
        .others
        .iter()
        .filter_map(|(old, text)| Some(((*old, text.clone()), *new_ids.get(old)?)))
        .collect();
    let code_glyphs: Vec<u16> = (0..ids.len() as u16)
        .chain(others.iter().map(|(_, new)| *new))
        .collect();
    let widths: Vec<f32> = code_glyphs
        .iter()
        .map(|&new| {
            let old = ids[usize::from(new)];
            let advance = font.face().glyph_hor_advance(GlyphId(old)).unwrap_or(0);
            (f32::from(advance) * scale).round()
        })
        .collect();
    let other_codes: HashMap<(u16, SmolStr), u16> = others
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.clone(), (ids.len() + i) as u16))
        .collect();
    let cid_to_gid = if others.is_empty() {
        name("Identity")
    } else {
        let map: Vec<u8> = code_glyphs.iter().flat_map(|g| g.to_be_bytes()).collect();
        objects.stream(Dict::new(), map, Packing::Deflate).into()
    };
    let base_font = name(&format!(
        "{}+{}",
        subset_tag(&ids, face),
        postscript_name(font)
    ));
    let length = Dict::new().with("Length1", program.len() as i64);
    let file = objects.stream(length, program, Packing::Deflate);
    let descriptor = objects.add(descriptor(font, base_font.clone(), file));
    let cid_font = objects.add(Dict::from([
        ("Type", name("Font")),
        ("Subtype", name("CIDFontType2")),
        ("BaseFont", base_font.clone()),
        (
            "CIDSystemInfo",
            Dict::from([
                ("Registry", Obj::Ascii("Adobe".into())),
                ("Ordering", Obj::Ascii("Identity".into())),
                ("Supplement", Obj::Int(0)),
            ])
            .into(),
        ),
        ("FontDescriptor", descriptor.into()),
        (
            "W",
            Obj::Array(vec![
                Obj::Int(0),
                Obj::Array(widths.iter().map(|w| Obj::Int(*w as i64)).collect()),
            ]),
        ),
        ("CIDToGIDMap", cid_to_gid),
    ]));
    let cmap = to_unicode(&ids, used, &other_codes);
    let to_unicode = objects.stream(Dict::new(), cmap, Packing::Deflate);
    let id = objects.add(Dict::from([
        ("Type", name("Font")),
        ("Subtype", name("Type0")),
        ("BaseFont", base_font),
        ("Encoding", name("Identity-H")),
        ("DescendantFonts", Obj::Array(vec![cid_font.into()])),
        ("ToUnicode", to_unicode.into()),
    ]));
    Ok(Embedded {
        resource: resource_name(face),
        id,
        new_ids,
        other_codes,
        widths,
        scale,
    })
}

/// The font descriptor (ISO 32000-1, 9.8): metrics, flags and the font program.
fn descriptor(font: &Font, base_font: Obj, file: Ref) -> Dict {
    let face = font.face();
    let scale = 1000.0 / font.units_per_em;
    let em = |v: f32| Obj::Int((v * scale).round() as i64);
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
    let corners = [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max];
    Dict::from([
        ("Type", name("FontDescriptor")),
        ("FontName", base_font),
        ("Flags", Obj::Int(flags)),
        (
            "FontBBox",
            Obj::Array(corners.iter().map(|v| em(f32::from(*v))).collect()),
        ),
        ("ItalicAngle", Obj::Real(italic_angle)),
        ("Ascent", em(font.ascender)),
        ("Descent", em(font.descender)),
        (
            "CapHeight",
            em(face.capital_height().map_or(font.ascender, f32::from)),
        ),
        ("StemV", Obj::Int(stem_v)),
        ("FontFile2", file.into()),
    ])
}

/// The `/ToUnicode` CMap: each code to the text its glyph stands for there.
fn to_unicode(ids: &[u16], used: &Used, others: &HashMap<(u16, SmolStr), u16>) -> Vec<u8> {
    let mut cmap = pdf_writer::types::UnicodeCmap::new(
        Name(b"Adobe-Identity-UCS"),
        pdf_writer::types::SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"UCS"),
            supplement: 0,
        },
    );
    for (new, old) in ids.iter().enumerate() {
        if let Some(text) = used.texts.get(old).filter(|t| !t.is_empty()) {
            cmap.pair_with_multiple(new as u16, mappable(text));
        }
    }
    let mut others: Vec<(&(u16, SmolStr), &u16)> = others.iter().collect();
    others.sort_by_key(|(_, code)| **code);
    for ((_, text), code) in others {
        cmap.pair_with_multiple(*code, mappable(text));
    }
    cmap.finish().into_vec()
}

/// The most UTF-16 code units one glyph maps to. Readers keep a CMap's tokens in
/// fixed buffers (poppler's hold 255 bytes, so about 63 code units as hex) and
/// reject the whole map past them; a letter carrying dozens of marks shaped as one
/// cluster would do that. Longer texts keep their start here; the paragraph's
/// `/ActualText` has them whole.
const MAX_MAPPED_UNITS: usize = 32;

/// The start of a glyph's text that a `/ToUnicode` entry holds, whole characters only.
fn mappable(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut units = 0;
    text.chars().take_while(move |c| {
        units += c.len_utf16();
        units <= MAX_MAPPED_UNITS
    })
}

/// The font's PostScript name, as PDF names allow it.
fn postscript_name(font: &Font) -> String {
    let name = font
        .face()
        .names()
        .into_iter()
        .find(|n| n.name_id == rustybuzz::ttf_parser::name_id::POST_SCRIPT_NAME)
        .and_then(|n| n.to_string())
        .unwrap_or_else(|| font.file.trim_end_matches(".ttf").to_string());
    name.chars()
        .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
        .collect()
}

/// A face's name among the page's font resources: `F1` and `F2` for the main
/// family's regular and bold, `F1s2` for the regular of the second fallback.
fn resource_name(face: FaceId) -> String {
    match face.slot {
        0 => format!("F{}", face.weight as u8 + 1),
        slot => format!("F{}s{slot}", face.weight as u8 + 1),
    }
}

/// Six capital letters that name a subset (ISO 32000-1, 9.6.4), from its glyph set.
fn subset_tag(ids: &[u16], face: FaceId) -> String {
    let mut h = fnv1a(&ids.iter().flat_map(|i| i.to_be_bytes()).collect::<Vec<_>>());
    h ^= face.weight as u64 ^ (u64::from(face.slot) << 8);
    (0..6)
        .map(|_| {
            let c = (b'A' + (h % 26) as u8) as char;
            h /= 26;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glyphs_mapped_text_stays_short_enough_for_every_reader() {
        let zalgo = format!("A{}", "\u{301}".repeat(64));
        let kept: String = mappable(&zalgo).collect();
        assert_eq!(kept.encode_utf16().count(), MAX_MAPPED_UNITS);
        assert!(zalgo.starts_with(&kept));
        // A character outside the BMP (two code units) is kept whole or not at all.
        let wide = "𝔸".repeat(20);
        let kept: String = mappable(&wide).collect();
        assert_eq!(kept.chars().count(), MAX_MAPPED_UNITS / 2);
        assert_eq!(mappable("fi").collect::<String>(), "fi");
    }
}

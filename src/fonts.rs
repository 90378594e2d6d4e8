//! Fonts: load the faces a layout names, regular and bold of its main family and
//! of each fallback family for other scripts (Arabic, Hebrew, Ethiopic), pick the
//! face that draws each character, and shape text with it.
//!
//! Shaping (rustybuzz) applies the font's kerning, ligatures, contextual forms
//! (Arabic joining) and mark positions, in the direction and for the script and
//! language given; the result is in font units, so one shaped word serves every
//! type size. A character is drawn by the first family of the chain that has it;
//! marks, digits and punctuation stay with the face of the letters before them
//! where that face has them, so a word is not torn between fonts.
//!
//! A font owns its program: the bundled ones borrowed from the binary, one read
//! from disk (`--fonts DIR`) held by the font and freed with it, its parsed face
//! borrowing from it inside the same value (self_cell, as fluent-bundle holds its
//! resources). A server that loads fonts for every language it is asked for keeps
//! no font longer than the data that uses it.

use std::borrow::Cow;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::layout::FontFiles;
use crate::messages::msg;
use crate::store::Store;

/// Which face of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    /// The regular face.
    Regular,
    /// The bold face.
    Bold,
}

/// One face of a layout's fonts: a weight of the main family (slot 0) or of a
/// fallback family (slot 1 and on, in the layout's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId {
    /// Regular or bold.
    pub weight: Weight,
    /// The family: 0 the main one, then the fallbacks.
    pub slot: u8,
}

impl From<Weight> for FaceId {
    fn from(weight: Weight) -> FaceId {
        FaceId { weight, slot: 0 }
    }
}

/// How many of the first characters a font remembers whether it draws (Latin,
/// Latin-1 and Latin Extended A and B: nearly all Swedish and Finnish text).
const KNOWN_CHARS: usize = 0x250;

/// A parsed face borrowing from its font program.
type Face<'a> = rustybuzz::Face<'a>;

self_cell::self_cell!(
    /// A font program and its parsed face.
    struct Program {
        owner: Cow<'static, [u8]>,
        #[covariant]
        dependent: Face,
    }
);

/// One font file, parsed once, with its shaping plan for Latin text.
pub struct Font {
    /// The file name, for messages.
    pub file: String,
    /// The font program and its parsed face, for shaping and metrics.
    program: Program,
    /// A shaping plan for left-to-right Latin text, made once when first needed
    /// (making one per word took a tenth of a build; a fallback family may never
    /// set Latin text).
    plan: std::sync::OnceLock<rustybuzz::ShapePlan>,
    /// Which of the first characters (Latin and its extensions) the font draws,
    /// learnt as they are asked about: 0 not yet known, 1 yes, 2 no.
    drawn: Box<[std::sync::atomic::AtomicU8]>,
    /// Units per em.
    pub units_per_em: f32,
    /// Ascender, in font units (positive).
    pub ascender: f32,
    /// Descender, in font units (negative).
    pub descender: f32,
}

/// The faces a layout uses.
pub struct Fonts {
    /// Regular weight.
    pub regular: Font,
    /// Bold weight.
    pub bold: Font,
    /// The fallback families, regular and bold, in the layout's order; each
    /// parsed the first time a character needs it (a Swedish leaflet never
    /// parses its Arabic font: that cost a tenth of a build in page faults).
    fallbacks: Vec<(LazyFont, LazyFont)>,
}

/// A font file read, to be parsed when first needed.
struct LazyFont {
    file: String,
    data: Cow<'static, [u8]>,
    font: std::sync::OnceLock<Option<Font>>,
}

impl LazyFont {
    /// The font, parsed now if it was not; none if it does not parse.
    fn get(&self) -> Option<&Font> {
        self.font
            .get_or_init(|| Font::parse(self.file.clone(), self.data.clone()))
            .as_ref()
    }
}

/// One glyph of shaped text, in font units.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    /// Glyph id in the font.
    pub id: u16,
    /// Advance including kerning.
    pub advance: i32,
    /// Where the glyph is drawn from the pen (marks over their letter).
    pub offset: (i32, i32),
    /// Byte offset in the shaped text where this glyph's characters start.
    pub cluster: usize,
}

/// A piece of text to shape in one face: its byte range in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct FaceRun {
    /// The face that draws it.
    pub face: FaceId,
    /// Its bytes in the text.
    pub range: std::ops::Range<usize>,
}

impl Fonts {
    /// Load the faces named by a layout.
    pub fn load(store: &Store, files: &FontFiles) -> Result<Fonts, Diagnostics> {
        let mut errors = Vec::new();
        let (regular, bold) = (
            Font::load(store, &files.regular),
            Font::load(store, &files.bold),
        );
        // Fallbacks are read and their table directory checked now, parsed later.
        let mut lazy = |file: &str| {
            let data = store.read(file).map_err(|e| errors.extend(e.0)).ok()?;
            if rustybuzz::ttf_parser::RawFace::parse(&data, 0).is_err() {
                errors.push(
                    Diagnostic::error(msg("font-not-font")).in_file(store.display_path(file)),
                );
                return None;
            }
            Some(LazyFont {
                file: file.to_string(),
                data,
                font: std::sync::OnceLock::new(),
            })
        };
        let fallbacks: Vec<_> = files
            .fallback
            .iter()
            .map(|f| (lazy(&f.regular), lazy(&f.bold)))
            .collect();
        let (regular, bold) = crate::diagnostic::both(regular, bold).map_err(|mut e| {
            e.0.append(&mut errors);
            e
        })?;
        if !errors.is_empty() {
            return Err(Diagnostics(errors));
        }
        Ok(Fonts {
            regular,
            bold,
            fallbacks: fallbacks
                .into_iter()
                .filter_map(|pair| match pair {
                    (Some(r), Some(b)) => Some((r, b)),
                    _ => None,
                })
                .collect(),
        })
    }

    /// A face (the main family's, of a fallback that does not parse).
    pub fn get(&self, id: FaceId) -> &Font {
        let main = match id.weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        let lazy = match id.slot {
            0 => None,
            n => self
                .fallbacks
                .get(usize::from(n) - 1)
                .map(|(regular, bold)| match id.weight {
                    Weight::Regular => regular,
                    Weight::Bold => bold,
                }),
        };
        lazy.and_then(LazyFont::get).unwrap_or(main)
    }

    /// The faces of a weight in the order they are tried: the main family's,
    /// then each fallback's.
    pub fn chain_of(&self, weight: Weight) -> Vec<&Font> {
        self.chain(weight).map(|face| self.get(face)).collect()
    }

    /// Every face, the main family's first.
    pub fn faces(&self) -> impl Iterator<Item = &Font> {
        [Weight::Regular, Weight::Bold]
            .into_iter()
            .flat_map(|w| self.chain(w))
            .map(|face| self.get(face))
    }

    /// The faces of a weight, in the order they are tried.
    fn chain(&self, weight: Weight) -> impl Iterator<Item = FaceId> {
        (0..=self.fallbacks.len()).map(move |slot| FaceId {
            weight,
            slot: slot as u8,
        })
    }

    /// Whether a face draws a character.
    fn draws(&self, face: FaceId, c: char) -> bool {
        self.get(face).draws(c)
    }

    /// Split text into runs of one face each: a character goes to the first face
    /// of the weight's chain that draws it, but marks, digits, spaces and
    /// punctuation stay with the run before them where its face draws them. A
    /// character no face draws goes to the main face (its `.notdef` is reported).
    pub fn face_runs(&self, text: &str, weight: Weight) -> Vec<FaceRun> {
        let main = FaceId::from(weight);
        let mut runs: Vec<FaceRun> = Vec::new();
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            if let Some(last) = runs.last_mut() {
                let stays = last.face == main && self.draws(main, c)
                    || !is_letter(c) && self.draws(last.face, c);
                if stays {
                    last.range.end = end;
                    continue;
                }
            }
            let face = self
                .chain(weight)
                .find(|f| self.draws(*f, c))
                .unwrap_or(main);
            match runs.last_mut() {
                Some(last) if last.face == face => last.range.end = end,
                _ => runs.push(FaceRun {
                    face,
                    range: i..end,
                }),
            }
        }
        runs
    }
}

/// A character that decides which font a run is in (not a mark, digit, space or
/// punctuation, which go with the letters around them).
fn is_letter(c: char) -> bool {
    c.is_alphabetic() && !is_mark(c)
}

/// Combining marks of the scripts leaflet sets (general category M, roughly):
/// they stay with the letter they sit on.
pub fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06ED | 0x135D..=0x135F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFB1E | 0xFE20..=0xFE2F)
}

impl Font {
    /// A text's width in points at `size`, each character its glyph's advance
    /// (no shaping, no kerning: how a form's field is measured and drawn).
    pub fn advance(&self, text: &str, size: f32) -> f32 {
        let face = self.face();
        let units: f32 = text
            .chars()
            .filter_map(|c| face.glyph_index(c))
            .filter_map(|g| face.glyph_hor_advance(g))
            .map(f32::from)
            .sum();
        units / self.units_per_em * size
    }

    fn load(store: &Store, file: &str) -> Result<Font, Diagnostics> {
        Font::parse(file.to_string(), store.read(file)?).ok_or_else(|| {
            Diagnostics::one(
                Diagnostic::error(msg("font-not-font")).in_file(store.display_path(file)),
            )
        })
    }

    /// A font from its file's bytes; none if they are not a font.
    fn parse(file: String, data: Cow<'static, [u8]>) -> Option<Font> {
        let program =
            Program::try_new(data, |data| rustybuzz::Face::from_slice(data, 0).ok_or(())).ok()?;
        let face = program.borrow_dependent();
        Some(Font {
            file,
            units_per_em: face.units_per_em() as f32,
            ascender: f32::from(face.ascender()),
            descender: f32::from(face.descender()),
            plan: std::sync::OnceLock::new(),
            drawn: (0..KNOWN_CHARS).map(|_| Default::default()).collect(),
            program,
        })
    }

    /// Whether the font has a glyph for a character.
    pub fn draws(&self, c: char) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        let Some(known) = self.drawn.get(c as usize) else {
            return self.face().glyph_index(c).is_some();
        };
        match known.load(Relaxed) {
            1 => true,
            2 => false,
            _ => {
                let drawn = self.face().glyph_index(c).is_some();
                known.store(if drawn { 1 } else { 2 }, Relaxed);
                drawn
            }
        }
    }

    /// The font program.
    pub fn data(&self) -> &[u8] {
        self.program.borrow_owner()
    }

    /// The parsed face, for metrics and names.
    pub fn face(&self) -> &rustybuzz::Face<'_> {
        self.program.borrow_dependent()
    }

    /// The plan for left-to-right Latin text.
    fn latin_plan(&self) -> &rustybuzz::ShapePlan {
        self.plan.get_or_init(|| {
            rustybuzz::ShapePlan::new(
                self.face(),
                rustybuzz::Direction::LeftToRight,
                Some(rustybuzz::script::LATIN),
                None,
                &[],
            )
        })
    }

    /// Shape a piece of text (one word, usually) with the font's kerning,
    /// ligatures and contextual forms, left to right or right to left; `lang` is
    /// the text's language, for forms that differ by language (Persian digits).
    /// The glyphs come in the order they are drawn, left to right.
    pub fn shape(&self, text: &str, rtl: bool, lang: Option<&str>) -> Vec<ShapedGlyph> {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        // Digits and punctuation alone have no script of their own; they are set with
        // the Latin plan too rather than a plan built for each such piece.
        if buffer.script() == rustybuzz::script::UNKNOWN {
            buffer.set_script(rustybuzz::script::LATIN);
        }
        let direction = if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        };
        let shaped = if buffer.script() == rustybuzz::script::LATIN && !rtl {
            buffer.set_direction(direction);
            rustybuzz::shape_with_plan(self.face(), self.latin_plan(), buffer)
        } else {
            buffer.set_direction(direction);
            if let Some(language) = lang.and_then(|l| l.parse().ok()) {
                buffer.set_language(language);
            }
            rustybuzz::shape(self.face(), &[], buffer)
        };
        shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, pos)| ShapedGlyph {
                id: u16::try_from(info.glyph_id).unwrap_or(0),
                advance: pos.x_advance,
                offset: (pos.x_offset, pos.y_offset),
                cluster: info.cluster as usize,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        let layout = crate::layout::load(&Store::layouts(None), "folder-a5").expect("layout");
        Fonts::load(&Store::fonts(None), &layout.fonts).expect("fonts")
    }

    #[test]
    fn each_character_goes_to_the_first_family_that_draws_it() {
        let fonts = fonts();
        let runs = |text: &str| -> Vec<(u8, String)> {
            fonts
                .face_runs(text, Weight::Regular)
                .into_iter()
                .map(|r| (r.face.slot, text[r.range].to_string()))
                .collect()
        };
        let runs = |text: &str| {
            runs(text)
                .into_iter()
                .map(|(slot, t)| format!("{slot}:{t}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(runs("Åsa Öhrström"), ["0:Åsa Öhrström"]);
        // Arabic in the first fallback, with its comma and digits; Latin back
        // in the main family.
        assert_eq!(runs("مرحبا، 112 Anna"), ["1:مرحبا، 112 ", "0:Anna"]);
        // A Hebrew letter keeps its point; Ethiopic in the third fallback.
        assert_eq!(runs("אַ"), ["2:אַ"]);
        assert_eq!(runs("ሰላም"), ["3:ሰላም"]);
    }
}

//! Fonts: load the regular and bold faces a layout names, and shape text with them.
//!
//! Shaping (rustybuzz) applies the font's kerning and ligatures; the result is in
//! font units, so one shaped word serves every type size.
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
    /// A shaping plan for left-to-right Latin text, made once (making one per word
    /// took a tenth of a build).
    plan: rustybuzz::ShapePlan,
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
}

/// One glyph of shaped text, in font units.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    /// Glyph id in the font.
    pub id: u16,
    /// Advance including kerning.
    pub advance: i32,
    /// Byte offset in the shaped text where this glyph's characters start.
    pub cluster: usize,
}

impl Fonts {
    /// Load the faces named by a layout.
    pub fn load(store: &Store, files: &FontFiles) -> Result<Fonts, Diagnostics> {
        let (regular, bold) = crate::diagnostic::both(
            Font::load(store, &files.regular),
            Font::load(store, &files.bold),
        )?;
        Ok(Fonts { regular, bold })
    }

    /// The face of a weight.
    pub fn get(&self, weight: Weight) -> &Font {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

impl Font {
    fn load(store: &Store, file: &str) -> Result<Font, Diagnostics> {
        let program = Program::try_new(store.read(file)?, |data| {
            rustybuzz::Face::from_slice(data, 0).ok_or_else(|| {
                Diagnostics::one(
                    Diagnostic::error(msg("font-not-font")).in_file(store.display_path(file)),
                )
            })
        })?;
        let face = program.borrow_dependent();
        Ok(Font {
            file: file.to_string(),
            units_per_em: face.units_per_em() as f32,
            ascender: f32::from(face.ascender()),
            descender: f32::from(face.descender()),
            plan: rustybuzz::ShapePlan::new(
                face,
                rustybuzz::Direction::LeftToRight,
                Some(rustybuzz::script::LATIN),
                None,
                &[],
            ),
            program,
        })
    }

    /// The font program.
    pub fn data(&self) -> &[u8] {
        self.program.borrow_owner()
    }

    /// The parsed face, for metrics and names.
    pub fn face(&self) -> &rustybuzz::Face<'_> {
        self.program.borrow_dependent()
    }

    /// Shape a piece of text (one word, usually) with the font's kerning and ligatures.
    pub fn shape(&self, text: &str) -> Vec<ShapedGlyph> {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        // Digits and punctuation alone have no script of their own; they are set with
        // the Latin plan too rather than a plan built for each such piece.
        if buffer.script() == rustybuzz::script::UNKNOWN {
            buffer.set_script(rustybuzz::script::LATIN);
        }
        let shaped = if buffer.script() == rustybuzz::script::LATIN
            && buffer.direction() == rustybuzz::Direction::LeftToRight
        {
            rustybuzz::shape_with_plan(self.face(), &self.plan, buffer)
        } else {
            rustybuzz::shape(self.face(), &[], buffer)
        };
        shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, pos)| ShapedGlyph {
                id: u16::try_from(info.glyph_id).unwrap_or(0),
                advance: pos.x_advance,
                cluster: info.cluster as usize,
            })
            .collect()
    }
}

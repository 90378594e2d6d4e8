//! What to build: the [`Settings`] of a run (the same for every document of a
//! batch or a server) and the [`Job`] of one document (whose contact details, in
//! which language), and the name its PDF gets.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::msg;

/// How every document of a run is built.
#[derive(Debug, Clone)]
pub struct Settings {
    /// A layout name, or a path to a layout `.toml`.
    pub layout: String,
    /// Folders that replace the bundled data.
    pub dirs: Dirs,
    /// How the pages go on paper, and which standards the file claims.
    pub print: Print,
    /// Seconds since 1970 to date the document with (`SOURCE_DATE_EPOCH`).
    pub date: Option<i64>,
}

impl Default for Settings {
    /// The default layout, the bundled data, pages in reading order, no date.
    fn default() -> Settings {
        Settings {
            layout: crate::layout::DEFAULT.to_string(),
            dirs: Dirs::default(),
            print: Print::default(),
            date: None,
        }
    }
}

/// Folders that replace the bundled locales, layouts and fonts.
#[derive(Debug, Clone, Default)]
pub struct Dirs {
    /// Replaces the bundled locales.
    pub locales: Option<PathBuf>,
    /// Replaces the bundled layouts.
    pub layouts: Option<PathBuf>,
    /// Replaces the bundled fonts.
    pub fonts: Option<PathBuf>,
}

/// Print options.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Print {
    /// Put the pages on sheets for folding.
    pub impose: Impose,
    /// Bleed on every side in millimetres, for a print shop.
    pub bleed_mm: Option<f32>,
    /// Draw crop marks outside the bleed.
    pub crop_marks: bool,
    /// Write PDF/A-2b for archiving.
    pub pdf_a: bool,
    /// Claim PDF/UA-1 and refuse what would break it.
    pub pdf_ua: bool,
    /// Make the contact details fields of a PDF form, to fill in with a PDF
    /// reader (see [`crate::content`]).
    pub fillable: bool,
}

/// How pages go on paper.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Impose {
    /// One page per PDF page, in reading order.
    #[default]
    None,
    /// Two pages per sheet side, ordered to fold into a booklet (see [`crate::impose`]).
    Booklet,
}

/// The most bleed accepted, in millimetres.
pub const MAX_BLEED_MM: f32 = 10.0;

impl Print {
    /// Refuse combinations of print options that make no sense.
    pub fn check(&self) -> Result<(), Diagnostics> {
        if let Some(bleed) = self.bleed_mm {
            if !(0.0..=MAX_BLEED_MM).contains(&bleed) {
                return Err(Diagnostic::error(
                    msg("settings-bleed-range")
                        .arg("bleed", bleed)
                        .arg("max", MAX_BLEED_MM),
                )
                .field("--bleed")
                .hint(msg("hint-bleed"))
                .into());
            }
        }
        if self.impose == Impose::Booklet && (self.bleed_mm.is_some() || self.crop_marks) {
            return Err(Diagnostic::error(msg("settings-booklet-for-print-shop"))
                .field("--impose")
                .hint(msg("hint-booklet-for-print-shop"))
                .into());
        }
        Ok(())
    }
}

/// One document to build.
#[derive(Debug, Clone)]
pub struct Job {
    /// The contacts file; none for a blank form (`--fillable` alone).
    pub contacts: Option<PathBuf>,
    /// The requested language (`sv`, `fi`, `sv-FI`, ...).
    pub lang: String,
}

impl Job {
    /// The document of a contacts file in a language.
    pub fn new(contacts: impl AsRef<Path>, lang: &str) -> Job {
        Job {
            contacts: Some(contacts.as_ref().to_path_buf()),
            lang: lang.to_string(),
        }
    }

    /// A blank form in a language: the leaflet with empty contact fields.
    pub fn blank(lang: &str) -> Job {
        Job {
            contacts: None,
            lang: lang.to_string(),
        }
    }
}

/// The file name of a document's PDF: `<contacts file stem>-<lang>.pdf`, with the
/// language the text is in (`asby-sv.pdf` for a request of `sv-FI`).
pub fn output_name(contacts: &Path, lang: &str) -> PathBuf {
    let stem = contacts
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("leaflet");
    PathBuf::from(format!("{stem}-{lang}.pdf"))
}

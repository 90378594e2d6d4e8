//! `leaflet` turns the carer-support leaflet text and one organisation's contact
//! details into a printer-ready PDF.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! contacts.toml ─► contacts ─┐
//! locales/<lang> ─► locale ──┼─► content ─► typeset ─► pages ─► pdf ─► output
//! layouts/<name> ─► layout ──┘      (text)     (lines)   (items)  (bytes)  (file)
//!          fonts/ ─► fonts ───────────────────────┘
//! ```
//!
//! [`build`] runs the whole pipeline; the command line, tests and benchmarks all
//! call it.
//!
//! ```
//! let options = leaflet::BuildOptions::new("examples/asby.toml", "sv");
//! let built = leaflet::build(&options).expect("the bundled example builds");
//! assert_eq!(built.pages, 4);
//! assert!(built.pdf.starts_with(b"%PDF-1.7"));
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod batch;
pub mod check;
pub mod cli;
pub mod contacts;
pub mod content;
pub mod deflate;
pub mod diagnostic;
pub mod fonts;
pub mod form;
pub mod hyphenate;
pub mod image;
pub mod impose;
pub mod layout;
pub mod locale;
pub mod output;
pub mod pages;
pub mod pdf;
pub mod press;
pub mod serve;
pub mod store;
pub mod structure;
pub mod typeset;
pub mod units;

use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Diagnostics, Severity};

use store::Store;

/// What to build, from where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The contacts file.
    pub contacts: PathBuf,
    /// The requested language (`sv`, `fi`, `sv-FI`, ...).
    pub lang: String,
    /// A layout name, or a path to a layout `.toml`.
    pub layout: String,
    /// A folder that replaces the bundled locales.
    pub locales: Option<PathBuf>,
    /// A folder that replaces the bundled layouts.
    pub layouts: Option<PathBuf>,
    /// A folder that replaces the bundled fonts.
    pub fonts: Option<PathBuf>,
    /// Seconds since 1970 to date the document with (`SOURCE_DATE_EPOCH`).
    pub date: Option<i64>,
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
}

/// How pages go on paper.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Impose {
    /// One page per PDF page, in reading order.
    #[default]
    None,
    /// Two pages per sheet side, ordered to fold into a booklet (see [`impose`]).
    Booklet,
}

/// The most bleed accepted, in millimetres.
pub const MAX_BLEED_MM: f32 = 10.0;

impl BuildOptions {
    /// Options for a contacts file and language, with the default layout and bundled data.
    pub fn new(contacts: impl AsRef<Path>, lang: &str) -> Self {
        BuildOptions {
            contacts: contacts.as_ref().to_path_buf(),
            lang: lang.to_string(),
            layout: layout::DEFAULT.to_string(),
            locales: None,
            layouts: None,
            fonts: None,
            date: None,
            impose: Impose::None,
            bleed_mm: None,
            crop_marks: false,
            pdf_a: false,
            pdf_ua: false,
        }
    }
}

/// A built leaflet.
#[derive(Debug, Clone)]
pub struct Built {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// The language the text is in, after negotiation (`sv` for `sv-FI`).
    pub lang: String,
    /// Problems that did not stop the build.
    pub warnings: Vec<Diagnostic>,
}

/// Build a leaflet PDF; every problem found in the inputs is reported at once.
pub fn build(options: &BuildOptions) -> Result<Built, Diagnostics> {
    let contacts = contacts::load(&options.contacts);
    match (Prepared::new(options), contacts) {
        (Ok(prepared), Ok(contacts)) => prepared.build(&contacts),
        (p, c) => Err(Diagnostics(
            [p.err(), c.err()]
                .into_iter()
                .flatten()
                .flat_map(|d| d.0)
                .collect(),
        )),
    }
}

/// Everything a build needs besides the contacts, loaded and typeset once: the
/// layout, its fonts, the locale and the frames that are the same for every
/// organisation. A batch shares one across all its documents and threads, and
/// [`build`] goes through one too, so both write the same bytes.
pub struct Prepared {
    options: BuildOptions,
    layout: layout::Layout,
    fonts: fonts::Fonts,
    locale: locale::Locale,
    shared: typeset::Shared,
    fit: typeset::Fit,
}

impl Prepared {
    /// Load the layout, fonts and locale `options` name and typeset the shared frames.
    pub fn new(options: &BuildOptions) -> Result<Prepared, Diagnostics> {
        check_press_options(options)?;
        let locale = locale::load(&Store::locales(options.locales.as_deref()), &options.lang);
        let layout = layout::load(&Store::layouts(options.layouts.as_deref()), &options.layout);
        let (locale, layout) = match (locale, layout) {
            (Ok(l), Ok(y)) => (l, y),
            (l, y) => {
                let errors = [l.err(), y.err()].into_iter().flatten().flat_map(|d| d.0);
                return Err(Diagnostics(errors.collect()));
            }
        };
        let fonts = fonts::Fonts::load(&Store::fonts(options.fonts.as_deref()), &layout.fonts)?;
        // The pseudo-locale is a preview: overflow is marked, not refused, and every
        // frame is set with the document so that its warnings are reported with it.
        let (fit, shared) = if locale::is_pseudo(&locale.lang.to_string()) {
            (typeset::Fit::Preview, typeset::Shared::default())
        } else {
            let placeholder = contacts::parse(&diagnostic::Source::new(
                "placeholder.toml",
                "[organisation]\nname = \"-\"\n".to_string(),
            ))?;
            let content = content::compose(&layout, &locale, &placeholder, None)?;
            let shared = typeset::Shared::new(&content, &layout, &fonts, locale.hyphenator())?;
            (typeset::Fit::Strict, shared)
        };
        Ok(Prepared {
            options: options.clone(),
            layout,
            fonts,
            locale,
            shared,
            fit,
        })
    }

    /// The language the text is in (`sv` for a request of `sv-FI`).
    pub fn lang(&self) -> String {
        self.locale.lang.to_string()
    }

    /// Build the leaflet for one organisation, reading its logo from disk.
    pub fn build(&self, contacts: &contacts::Contacts) -> Result<Built, Diagnostics> {
        self.build_with_logo(contacts, contacts.read_logo()?)
    }

    /// The page (index) the contact details are on, for a preview.
    pub fn contacts_page(&self) -> usize {
        self.layout
            .pages
            .iter()
            .position(|p| {
                p.frames.iter().any(|f| {
                    f.blocks
                        .iter()
                        .any(|b| matches!(b, layout::Block::Contacts { .. }))
                })
            })
            .unwrap_or(0)
    }

    /// Build the leaflet for one organisation with its logo already read (an upload
    /// to the web form, or a batch's logo read once for all languages); the contacts
    /// file's `logo` key only names it.
    pub fn build_with_logo(
        &self,
        contacts: &contacts::Contacts,
        logo: Option<std::sync::Arc<image::Image>>,
    ) -> Result<Built, Diagnostics> {
        let (options, layout, locale, fonts) =
            (&self.options, &self.layout, &self.locale, &self.fonts);
        if options.pdf_ua {
            check_pdf_ua(contacts)?;
        }
        let content = content::compose(layout, locale, contacts, logo.as_ref())?;
        let set = typeset::typeset(
            &content,
            layout,
            fonts,
            locale.hyphenator(),
            self.fit,
            &self.shared,
        )?;
        let pages = match options.impose {
            Impose::None => set.pages,
            Impose::Booklet => impose::booklet(&set.pages),
        };
        let pages = match (options.bleed_mm, options.crop_marks) {
            (None, false) => pages,
            (bleed, crop_marks) => press::bleed(&pages, bleed.unwrap_or(0.0), crop_marks),
        };
        let mut warnings = content.warnings;
        warnings.extend(set.warnings);
        let meta = pdf::Metadata {
            title: content.title.clone(),
            author: content.author.clone(),
            subject: content.subject.clone(),
            keywords: content.keywords.clone(),
            lang: content.lang.clone(),
            date: options.date,
            pdf_a: options.pdf_a,
            pdf_ua: options.pdf_ua,
        };
        let pdf = pdf::write(&pages, &set.structure, fonts, &meta)?;
        Ok(Built {
            pdf,
            pages: pages.len(),
            lang: content.lang,
            warnings,
        })
    }
}

/// PDF/UA needs a text alternative for every figure: the logo's must come from the
/// organisation (the locale's "Logo: <name>" says nothing of what it shows).
fn check_pdf_ua(contacts: &contacts::Contacts) -> Result<(), Diagnostics> {
    let org = &contacts.organisation;
    match (&org.logo, &org.logo_alt) {
        (Some(logo), None) => {
            let mut d = Diagnostic::error(
                "with --pdf-ua the logo needs a text alternative for screen readers",
            )
            .in_file(&logo.file)
            .field("organisation.logo_alt")
            .hint("add `logo_alt = \"...\"` under [organisation], saying what the logo shows");
            d.position = Some(logo.position);
            Err(d.into())
        }
        _ => Ok(()),
    }
}

/// Refuse combinations of print options that make no sense.
fn check_press_options(options: &BuildOptions) -> Result<(), Diagnostics> {
    if let Some(bleed) = options.bleed_mm {
        if !(0.0..=MAX_BLEED_MM).contains(&bleed) {
            return Err(Diagnostic::error(format!(
                "a bleed of {bleed} mm is out of range (0 to {MAX_BLEED_MM} mm)"
            ))
            .field("--bleed")
            .hint("print shops usually ask for 3 mm")
            .into());
        }
    }
    if options.impose == Impose::Booklet && (options.bleed_mm.is_some() || options.crop_marks) {
        return Err(Diagnostic::error("--impose booklet is for office printers; it cannot be combined with --bleed or --crop-marks")
            .field("--impose")
            .hint("for a print shop, send the pages in reading order with --bleed 3 --crop-marks: the shop imposes them")
            .into());
    }
    Ok(())
}

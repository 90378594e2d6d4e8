//! The pipeline: inputs loaded once ([`Prepared`]), then each document through
//! the stages in order: content, typeset, prepress, PDF.

use crate::contacts::{self, Contacts, Logos};
use crate::diagnostic::{self, Diagnostic, Diagnostics, Source};
use crate::fonts::Fonts;
use crate::layout::{self, Layout};
use crate::locale::{self, Locale};
use crate::messages::{msg, Message};
use crate::settings::{Impose, Settings};
use crate::store::Store;
use crate::{content, impose, pdf, press, typeset};

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

/// Everything a build needs besides the contacts, loaded and typeset once: the
/// layout, its fonts, the locale and the frames that are the same for every
/// organisation. A batch shares one across all its documents and threads, the web
/// server one per language and layout, and [`crate::build`] goes through one too,
/// so all of them write the same bytes.
pub struct Prepared {
    settings: Settings,
    layout: Layout,
    fonts: Fonts,
    locale: Locale,
    shared: typeset::Shared,
    fit: typeset::Fit,
    /// That the locale's helplines were checked too long ago, said with every
    /// leaflet made.
    unchecked: Option<Diagnostic>,
}

impl Prepared {
    /// Load the layout, fonts and locale for `lang` and typeset the shared frames.
    pub fn new(settings: &Settings, lang: &str) -> Result<Prepared, Diagnostics> {
        settings.print.check()?;
        let dirs = &settings.dirs;
        let (locale, layout) = diagnostic::both(
            locale::load(&Store::locales(dirs.locales.as_deref()), lang),
            layout::load(&Store::layouts(dirs.layouts.as_deref()), &settings.layout),
        )?;
        if settings.print.impose == Impose::Booklet && !layout.booklet {
            return Err(no_booklet(&layout, &Store::layouts(dirs.layouts.as_deref())).into());
        }
        // A right-to-left language reads its pages mirrored: the page plan too.
        let layout = if locale.is_right_to_left() {
            layout.mirrored()
        } else {
            layout
        };
        let fonts = Fonts::load(&Store::fonts(dirs.fonts.as_deref()), &layout.fonts)?;
        // The pseudo-locale is a preview: overflow is marked, not refused, and every
        // frame is set with the document so that its warnings are reported with it.
        let (fit, shared) = if locale::is_pseudo(&locale.lang.to_string()) {
            (typeset::Fit::Preview, typeset::Shared::default())
        } else {
            let placeholder = contacts::parse(&Source::new(
                "placeholder.toml",
                "[organisation]\nname = \"-\"\n".to_string(),
            ))?;
            let content = content::compose(&layout, &locale, &placeholder, &[], false)?;
            let shared = typeset::Shared::new(&content, &layout, &fonts, locale.hyphenator())
                .map_err(|e| Diagnostics(locale.locate(e.0)))?;
            (typeset::Fit::Strict, shared)
        };
        let unchecked = unchecked_helplines(&locale, settings.date);
        Ok(Prepared {
            settings: settings.clone(),
            layout,
            fonts,
            locale,
            shared,
            fit,
            unchecked,
        })
    }

    /// Refuse a form the fields cannot serve: the form has one organisation's
    /// fields (several would not fit one page as fields), and viewers fill fields
    /// left to right only.
    fn check_fillable(&self, contacts: &Contacts) -> Result<(), Diagnostics> {
        if contacts.organisations.len() > 1 {
            return Err(Diagnostic::error(msg("settings-fillable-one-organisation"))
                .field("--fillable")
                .hint(msg("hint-fillable-one-organisation"))
                .into());
        }
        if self.locale.is_right_to_left() {
            return Err(Diagnostic::error(
                msg("settings-fillable-direction").arg("lang", self.locale.lang.to_string()),
            )
            .field("--fillable")
            .into());
        }
        Ok(())
    }

    /// The language the text is in (`sv` for a request of `sv-FI`).
    pub fn lang(&self) -> String {
        self.locale.lang.to_string()
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

    /// Build the leaflet for its organisations, reading their logos from disk.
    pub fn build(&self, contacts: &Contacts) -> Result<Built, Diagnostics> {
        self.build_with_logos(contacts, &contacts.read_logos()?)
    }

    /// Build the leaflet with the organisations' logos already read (uploads to
    /// the web form, or a batch's logos read once for all languages), one entry per
    /// organisation; the contacts file's `logo` keys only name them.
    pub fn build_with_logos(
        &self,
        contacts: &Contacts,
        logos: &Logos,
    ) -> Result<Built, Diagnostics> {
        self.build_as(contacts, logos, &self.settings.print)
    }

    /// Build the fillable leaflet (`--fillable`) whatever the settings say.
    pub fn build_fillable(&self, contacts: &Contacts, logos: &Logos) -> Result<Built, Diagnostics> {
        let print = crate::Print {
            fillable: true,
            ..self.settings.print
        };
        self.build_as(contacts, logos, &print)
    }

    fn build_as(
        &self,
        contacts: &Contacts,
        logos: &Logos,
        print: &crate::Print,
    ) -> Result<Built, Diagnostics> {
        if print.pdf_ua {
            check_pdf_ua(contacts)?;
        }
        if print.fillable {
            self.check_fillable(contacts)?;
        }
        // What does not fit is placed at its value in the contacts file, or at its
        // message in the locale.
        let located = |e: Diagnostics| Diagnostics(self.locale.locate(contacts.locate(e.0)));
        let content = content::compose(&self.layout, &self.locale, contacts, logos, print.fillable)
            .map_err(located)?;
        let set = typeset::typeset(
            &content,
            &self.layout,
            &self.fonts,
            self.locale.hyphenator(),
            self.fit,
            &self.shared,
        )
        .map_err(located)?;
        crate::cancel::check()?;
        let pages = match print.impose {
            Impose::None => set.pages,
            Impose::Booklet => impose::booklet(&set.pages, content.rtl),
        };
        let pages = match (print.bleed_mm, print.crop_marks) {
            (None, false) => pages,
            (bleed, crop_marks) => press::bleed(&pages, bleed.unwrap_or(0.0), crop_marks),
        };
        let mut warnings = content.warnings;
        warnings.extend(set.warnings);
        let mut warnings = contacts.locate(warnings);
        warnings.extend(self.unchecked.clone());
        let meta = pdf::Metadata {
            title: content.title,
            author: content.author,
            subject: content.subject,
            keywords: content.keywords,
            lang: content.lang.clone(),
            date: self.settings.date,
            pdf_a: print.pdf_a,
            pdf_ua: print.pdf_ua,
            rtl: content.rtl,
        };
        // A filled-in form field too long for its box is placed at its value.
        let pdf = pdf::write(&pages, &set.structure, &self.fonts, &meta).map_err(located)?;
        Ok(Built {
            pdf,
            pages: pages.len(),
            lang: content.lang,
            warnings,
        })
    }
}

/// The error for `--impose booklet` with a layout whose pages do not fold into
/// a booklet, naming the layouts whose do.
fn no_booklet(layout: &Layout, layouts: &Store) -> Diagnostic {
    let booklets: Vec<String> = layout::names(layouts)
        .unwrap_or_default()
        .into_iter()
        .filter(|name| layout::load(layouts, name).is_ok_and(|l| l.booklet))
        .collect();
    Diagnostic::error(msg("settings-no-booklet").arg("layout", layout.name.as_str()))
        .field("--impose")
        .hint(msg("hint-booklet-layouts").arg("layouts", booklets.join(", ")))
}

/// The warning that the locale's helplines were last checked more than
/// [`locale::CHECKED_FOR_MONTHS`] months before the build's date (its
/// `SOURCE_DATE_EPOCH`, or today), or not at all; none if all are fresh.
fn unchecked_helplines(locale: &Locale, date: Option<i64>) -> Option<Diagnostic> {
    let unchecked = locale.unchecked_helplines(locale::Month::of(date));
    if unchecked.is_empty() {
        return None;
    }
    let lines: Vec<Message> = unchecked
        .into_iter()
        .map(|(number, checked)| match checked {
            Some(month) => msg("stale-line-checked-in")
                .arg("number", number)
                .arg("month", month.to_string()),
            None => msg("stale-line-never-checked").arg("number", number),
        })
        .collect();
    Some(
        Diagnostic::warning(
            msg("build-helplines-unchecked")
                .arg("lines", lines)
                .arg("months", locale::CHECKED_FOR_MONTHS),
        )
        .hint(msg("hint-helplines-unchecked").arg("lang", locale.lang.to_string())),
    )
}

/// PDF/UA needs a text alternative for every figure: a logo's must come from its
/// organisation (the locale's "Logo: <name>" says nothing of what it shows).
fn check_pdf_ua(contacts: &Contacts) -> Result<(), Diagnostics> {
    let missing: Vec<Diagnostic> = contacts
        .organisations
        .iter()
        .filter(|org| org.logo_alt.is_none())
        .filter_map(|org| {
            let logo = org.logo.as_ref()?;
            let mut d = Diagnostic::error(msg("pipeline-logo-alt"))
                .in_file(&logo.file)
                .field(org.field("logo_alt"))
                .hint(msg("hint-logo-alt"));
            d.position = Some(logo.position);
            Some(d)
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(missing))
    }
}

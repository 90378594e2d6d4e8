//! `leaflet` turns the carer-support leaflet text and one organisation's contact
//! details into a printer-ready PDF.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! contacts.toml ─► contacts ─┐
//! locales/<lang> ─► locale ──┼─► content ─► typeset ─► impose/press ─► pdf ─► output
//! layouts/<name> ─► layout ──┤   (text)    (pages,    (sheets, bleed)  (bytes) (file)
//!          fonts/ ─► fonts ──┘             structure)
//! ```
//!
//! [`build`] runs the whole pipeline; the command line, tests and benchmarks all
//! call it.
//!
//! ```
//! let job = leaflet::Job::new("examples/asby.toml", "sv");
//! let built = leaflet::build(&leaflet::Settings::default(), &job).expect("the example builds");
//! assert_eq!(built.pages, 4);
//! assert!(built.pdf.starts_with(b"%PDF-1.7"));
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod batch;
pub mod cancel;
pub mod check;
pub mod cli;
pub mod contacts;
pub mod content;
pub mod deflate;
pub mod diagnostic;
pub mod fonts;
pub mod hyphenate;
pub mod image;
pub mod impose;
pub mod layout;
pub mod locale;
pub mod messages;
pub mod output;
pub mod pages;
pub mod pdf;
pub mod pipeline;
pub mod press;
pub mod settings;
pub mod store;
pub mod structure;
pub mod typeset;
pub mod units;
#[cfg(feature = "web")]
pub mod web;

pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use pipeline::{Built, Prepared};
pub use settings::{output_name, Dirs, Impose, Job, Print, Settings};

/// Build one leaflet PDF; every problem found in the inputs is reported at once.
pub fn build(settings: &Settings, job: &Job) -> Result<Built, Diagnostics> {
    let (prepared, contacts) = diagnostic::both(
        Prepared::new(settings, &job.lang),
        match &job.contacts {
            Some(file) => contacts::load(file),
            None => Ok(contacts::Contacts::blank()),
        },
    )?;
    prepared.build(&contacts)
}

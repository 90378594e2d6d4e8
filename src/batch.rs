//! Batch: leaflets for many contacts files and languages at once, in parallel.
//!
//! The layout, fonts, locales and the frames that are the same for every
//! organisation are prepared once per language ([`crate::Prepared`]); each contacts
//! file is read once and built in every language; documents are built on a pool of
//! `jobs` threads. Each PDF is written as `<out-dir>/<file stem>-<lang>.pdf`, byte for
//! byte what `leaflet build` writes for the same input. A failed file is reported
//! with its errors and the others go on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::msg;
use crate::{contacts, output, output_name, Prepared, Settings};

/// What to build.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// The contacts files (see [`contacts_files`] for expanding folders).
    pub files: Vec<PathBuf>,
    /// The languages, each a leaflet per file.
    pub langs: Vec<String>,
    /// Where the PDFs go; made if missing.
    pub out_dir: PathBuf,
    /// Threads to build on (all cores if none).
    pub jobs: Option<usize>,
    /// Layout, data folders and print options, as for one build.
    pub settings: Settings,
}

/// One document's outcome.
#[derive(Debug)]
pub struct Outcome {
    /// The contacts file.
    pub input: PathBuf,
    /// The language asked for.
    pub lang: String,
    /// Where the PDF went (or would have gone).
    pub output: PathBuf,
    /// The PDF's size and warnings, or what stopped it.
    pub result: Result<(usize, Vec<Diagnostic>), Diagnostics>,
}

/// The contacts files an input list names: files as given, folders' `.toml` files
/// sorted by name. Two files with the same name would write the same PDF: refused.
pub fn contacts_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match std::fs::read_dir(input) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .flatten()
                        .map(|e| e.path())
                        // Not only regular files: a pipe or a dangling link named
                        // `*.toml` is reported as a document that failed, not
                        // skipped without a word (and a pipe is refused, not waited on).
                        .filter(|p| !p.is_dir() && p.extension().is_some_and(|e| e == "toml"))
                        .collect();
                    found.sort();
                    if found.is_empty() {
                        errors.push(Diagnostic::error(msg("batch-no-files")).in_file(input));
                    }
                    files.extend(found);
                }
                Err(e) => errors.push(
                    Diagnostic::error(msg("folder-unreadable").arg("detail", e.to_string()))
                        .in_file(input),
                ),
            }
        } else {
            files.push(input.clone());
        }
    }
    let mut names: BTreeMap<PathBuf, &Path> = BTreeMap::new();
    for file in &files {
        let name = output_name(file, "<lang>");
        if let Some(first) = names.insert(name.clone(), file) {
            errors.push(
                Diagnostic::error(
                    msg("batch-same-output")
                        .arg("first", first.display().to_string())
                        .arg("second", file.display().to_string())
                        .arg("output", name.display().to_string()),
                )
                .hint(msg("hint-rename")),
            );
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(Diagnostics(errors))
    }
}

/// Build every file in every language; `done` is called as each document finishes
/// (from the worker threads). Fails as a whole only when the shared data (layout,
/// locales, fonts) or the inputs cannot be used.
pub fn run(
    options: &BatchOptions,
    done: &(dyn Fn(&Outcome) + Sync),
) -> Result<Vec<Outcome>, Diagnostics> {
    let files = &options.files;
    let mut prepared = Vec::new();
    let mut errors = Vec::new();
    for lang in &options.langs {
        match Prepared::new(&options.settings, lang) {
            Ok(p) => {
                // `sv` and `sv-FI` are one leaflet, written to one path: built
                // twice, it was counted twice.
                let same = prepared
                    .iter()
                    .find(|(_, other): &&(String, Prepared)| other.lang() == p.lang());
                match same {
                    Some((first, _)) => errors.push(
                        Diagnostic::error(
                            msg("batch-same-language")
                                .arg("first", first.as_str())
                                .arg("second", lang.as_str())
                                .arg("lang", p.lang()),
                        )
                        .field("--lang"),
                    ),
                    None => prepared.push((lang.clone(), p)),
                }
            }
            Err(e) => errors.extend(e.0),
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    std::fs::create_dir_all(&options.out_dir).map_err(|e| {
        Diagnostics::one(
            Diagnostic::error(msg("batch-no-output-folder").arg("detail", e.to_string()))
                .in_file(&options.out_dir),
        )
    })?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .build()
        .map_err(|e| {
            Diagnostics::one(Diagnostic::error(
                msg("batch-no-threads").arg("detail", e.to_string()),
            ))
        })?;
    let outcomes = pool.install(|| {
        files
            .par_iter()
            .flat_map_iter(|file| {
                // Read once for all languages; the logo is decoded and compressed once.
                let contacts = contacts::load(file).and_then(|c| {
                    let logos = c.read_logos()?;
                    Ok((c, logos))
                });
                prepared
                    .iter()
                    .map(|(lang, p)| {
                        let output = options.out_dir.join(output_name(file, &p.lang()));
                        let result = match &contacts {
                            Err(e) => Err(e.clone()),
                            Ok((c, logos)) => p.build_with_logos(c, logos).and_then(|built| {
                                output::write_atomically(&output, &built.pdf)?;
                                Ok((built.pdf.len(), built.warnings))
                            }),
                        };
                        let outcome = Outcome {
                            input: file.clone(),
                            lang: lang.clone(),
                            output,
                            result,
                        };
                        done(&outcome);
                        outcome
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    });
    Ok(outcomes)
}

//! Where data comes from: the `locales/`, `layouts/` and `fonts/` folders compiled
//! into the binary, or a folder on disk that replaces one of them (`--locales DIR`
//! and friends); and a person's own text files (contacts, a layout given by path).
//!
//! Both kinds of store answer the same questions: which sub-folders are there,
//! which files does a folder hold, and what is in a file. Paths in messages are
//! shown as `locales/sv/leaflet.ftl` for bundled files and as given for folders on
//! disk. A name nobody knows gets the closest known one as a hint ([`did_you_mean`]).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::{msg, Message};

static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");
static LAYOUTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/layouts");
static FONTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/fonts");

/// The largest file read from a data folder on disk (a font is the largest kind:
/// the bundled Noto Sans Arabic is 0.8 MB).
pub const MAX_DATA_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Files as (path relative to the store, contents).
pub type Files = Vec<(String, Cow<'static, [u8]>)>;

/// One data folder: bundled, or on disk.
#[derive(Debug, Clone)]
pub enum Store {
    /// Compiled into the binary; the name is the folder's name in the repository.
    Bundled(&'static Dir<'static>, &'static str),
    /// A folder on disk.
    Folder(PathBuf),
}

impl Store {
    /// The locales: `dir` if given, else the bundled ones.
    pub fn locales(dir: Option<&Path>) -> Store {
        dir.map_or(Store::Bundled(&LOCALES, "locales"), |d| {
            Store::Folder(d.into())
        })
    }

    /// The layouts: `dir` if given, else the bundled ones.
    pub fn layouts(dir: Option<&Path>) -> Store {
        dir.map_or(Store::Bundled(&LAYOUTS, "layouts"), |d| {
            Store::Folder(d.into())
        })
    }

    /// The fonts: `dir` if given, else the bundled ones.
    pub fn fonts(dir: Option<&Path>) -> Store {
        dir.map_or(Store::Bundled(&FONTS, "fonts"), |d| Store::Folder(d.into()))
    }

    /// The path to show a person for a file inside this store.
    pub fn display_path(&self, relative: &str) -> PathBuf {
        match self {
            Store::Bundled(_, name) => Path::new(name).join(relative),
            Store::Folder(dir) => dir.join(relative),
        }
    }

    /// The names of the sub-folders, sorted.
    pub fn folders(&self) -> Result<Vec<String>, Diagnostics> {
        let mut names: Vec<String> = match self {
            Store::Bundled(dir, _) => dir
                .dirs()
                .filter_map(|d| d.path().file_name()?.to_str().map(str::to_string))
                .collect(),
            Store::Folder(dir) => self
                .read_dir(dir)?
                .filter(|(_, is_dir)| *is_dir)
                .map(|(name, _)| name)
                .collect(),
        };
        names.sort();
        Ok(names)
    }

    /// The files directly in `folder` ("" for the top) whose names end in `.ext`,
    /// sorted by name, as (path relative to the store, contents).
    pub fn files(&self, folder: &str, ext: &str) -> Result<Files, Diagnostics> {
        let suffix = format!(".{ext}");
        let mut names: Vec<String> = match self {
            Store::Bundled(dir, _) => {
                let files = if folder.is_empty() {
                    Some(dir.files())
                } else {
                    dir.get_dir(folder).map(|d| d.files())
                };
                files
                    .into_iter()
                    .flatten()
                    .filter_map(|f| f.path().file_name()?.to_str().map(str::to_string))
                    .collect()
            }
            Store::Folder(dir) => self
                .read_dir(&dir.join(folder))?
                .filter(|(_, is_dir)| !is_dir)
                .map(|(name, _)| name)
                .collect(),
        };
        names.retain(|n| n.ends_with(&suffix));
        names.sort();
        names
            .into_iter()
            .map(|name| {
                let rel = if folder.is_empty() {
                    name
                } else {
                    format!("{folder}/{name}")
                };
                let data = self.read(&rel)?;
                Ok((rel, data))
            })
            .collect()
    }

    /// The contents of one file, or an error naming it.
    pub fn read(&self, relative: &str) -> Result<Cow<'static, [u8]>, Diagnostics> {
        let missing = || {
            Diagnostics::one(
                Diagnostic::error(msg("file-not-found")).in_file(self.display_path(relative)),
            )
        };
        match self {
            Store::Bundled(dir, _) => dir
                .get_file(relative)
                .map(|f| Cow::Borrowed(f.contents()))
                .ok_or_else(missing),
            Store::Folder(dir) => {
                let path = dir.join(relative);
                read_bounded(&path, MAX_DATA_FILE_BYTES)
                    .map(Cow::Owned)
                    .map_err(|e| {
                        let message = match e {
                            Unreadable::Folder | Unreadable::NotRegular => {
                                msg("file-not-regular").arg("what", msg("what-data-file"))
                            }
                            Unreadable::TooLarge(bytes) => msg("file-too-large")
                                .arg("what", msg("what-data-file"))
                                .arg("bytes", bytes)
                                .arg("max", MAX_DATA_FILE_BYTES),
                            Unreadable::Io(e) => {
                                msg("file-unreadable").arg("detail", e.to_string())
                            }
                        };
                        Diagnostics::one(Diagnostic::error(message).in_file(path))
                    })
            }
        }
    }

    /// Whether a file exists in this store.
    pub fn contains(&self, relative: &str) -> bool {
        match self {
            Store::Bundled(dir, _) => dir.get_file(relative).is_some(),
            Store::Folder(dir) => dir.join(relative).is_file(),
        }
    }

    fn read_dir(&self, dir: &Path) -> Result<impl Iterator<Item = (String, bool)>, Diagnostics> {
        let entries = std::fs::read_dir(dir).map_err(|e| {
            Diagnostics::one(
                Diagnostic::error(msg("folder-unreadable").arg("detail", e.to_string()))
                    .in_file(dir),
            )
        })?;
        Ok(entries.filter_map(|e| {
            let e = e.ok()?;
            let is_dir = e.file_type().ok()?.is_dir();
            Some((e.file_name().to_str()?.to_string(), is_dir))
        }))
    }
}

impl Store {
    /// A file of this store as UTF-8 text, or an error naming it.
    pub fn read_text(&self, relative: &str) -> Result<String, Diagnostics> {
        self.utf8(relative, self.read(relative)?)
    }

    /// Decode a file of this store (as read by [`Store::files`]) as UTF-8 text.
    pub fn utf8(&self, relative: &str, data: Cow<'static, [u8]>) -> Result<String, Diagnostics> {
        String::from_utf8(data.into_owned()).map_err(|_| {
            Diagnostics::one(
                Diagnostic::error(msg("file-not-utf8")).in_file(self.display_path(relative)),
            )
        })
    }
}

/// Read a person's UTF-8 text file, refusing folders, huge files and other
/// encodings; `what` names the file ("the contacts file").
pub fn read_text_file(path: &Path, max: u64, what: Message) -> Result<String, Diagnostics> {
    let fail = |message: Message| Diagnostics::one(Diagnostic::error(message).in_file(path));
    let bytes = read_bounded(path, max).map_err(|e| {
        fail(match e {
            Unreadable::Folder => msg("file-is-folder").arg("what", what.clone()),
            Unreadable::NotRegular => msg("file-not-regular").arg("what", what.clone()),
            Unreadable::TooLarge(bytes) => msg("file-too-large")
                .arg("what", what.clone())
                .arg("bytes", bytes)
                .arg("max", max),
            Unreadable::Io(e) => msg("file-unreadable-named")
                .arg("what", what.clone())
                .arg("detail", e.to_string()),
        })
    })?;
    text(bytes, &what).map_err(|d| Diagnostics::one(d.in_file(path)))
}

/// Bytes as UTF-8 text, or an error saying where the first byte that is not is
/// (line and column); `what` names the file. The API and the command line decode
/// a contacts file through here, so they accept and refuse the same bytes.
pub fn text(bytes: Vec<u8>, what: &Message) -> Result<String, Box<Diagnostic>> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[start..]).chars().count() + 1;
        let mut d = Diagnostic::error(
            msg("file-not-utf8-named")
                .arg("what", what.clone())
                .arg("offset", valid.len()),
        )
        .hint(msg("hint-save-utf8"));
        d.position = Some((line, column));
        Box::new(d)
    })
}

/// Why a file could not be read by [`read_bounded`].
#[derive(Debug)]
pub enum Unreadable {
    /// It is a folder.
    Folder,
    /// It is a device, a pipe or a socket: it may never end, or never begin.
    NotRegular,
    /// It holds more than the limit (the size it says it has, or the limit plus one
    /// when it grew while being read).
    TooLarge(u64),
    /// The system could not read it.
    Io(std::io::Error),
}

/// Read a regular file of at most `max` bytes. Devices, pipes and sockets are
/// refused before they are opened (`/dev/zero` never ends, a pipe may never
/// begin), and no more than `max + 1` bytes are ever read, whatever the file
/// says its size is.
pub fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, Unreadable> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(Unreadable::Io)?;
    if meta.is_dir() {
        return Err(Unreadable::Folder);
    }
    if !meta.is_file() {
        return Err(Unreadable::NotRegular);
    }
    if meta.len() > max {
        return Err(Unreadable::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(Unreadable::Io)?;
    // The path may have been replaced between the two looks.
    if !file.metadata().map_err(Unreadable::Io)?.is_file() {
        return Err(Unreadable::NotRegular);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(Unreadable::Io)?;
    if bytes.len() as u64 > max {
        return Err(Unreadable::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The known name closest to a misspelt one, if any is close enough.
///
/// Names whose lengths differ by more than the distance allowed are skipped
/// before the (quadratic) distance is computed: the distance is at least the
/// difference in length, so the answer is the same, and a long unknown name
/// costs next to nothing.
pub fn did_you_mean<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let name = name.to_lowercase();
    let chars = name.chars().count();
    known
        .iter()
        .filter_map(|k| {
            let allowed = 2.max(k.len() / 3);
            if chars.abs_diff(k.chars().count()) > allowed {
                return None;
            }
            let d = strsim::damerau_levenshtein(&name, k);
            (d <= allowed).then_some((d, *k))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn a_misspelt_name_gets_the_closest_known_one() {
        let known = ["phone", "email", "organisation", "hours"];
        assert_eq!(did_you_mean("Phnoe", &known), Some("phone"));
        assert_eq!(did_you_mean("organsation", &known), Some("organisation"));
        assert_eq!(did_you_mean("houres", &known), Some("hours"));
        assert_eq!(did_you_mean("fax", &known), None);
        // Far longer than any known name: no suggestion, and no time spent.
        assert_eq!(did_you_mean(&"phone".repeat(10_000), &known), None);
    }
}

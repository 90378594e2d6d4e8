//! Helpers for the integration tests: run the real binary in a fresh folder and
//! look inside the PDF it wrote.

#![allow(dead_code)] // not every helper is used by every build of the tests (feature `web`)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh temporary folder the binary runs in.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write a file into the sandbox and return its path.
    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).expect("write a test file");
        path
    }

    /// Copy the bundled example contacts file (and its logo) in.
    pub fn example(&self) -> PathBuf {
        self.copy_example("asby.toml")
    }

    /// Copy a bundled example and the files it names into the sandbox.
    pub fn copy_example(&self, name: &str) -> PathBuf {
        for entry in std::fs::read_dir(repo("examples"))
            .expect("examples")
            .flatten()
        {
            let file = entry.file_name();
            let is_logo = file
                .to_str()
                .is_some_and(|f| f.ends_with(".png") || f.ends_with(".jpg"));
            if is_logo {
                std::fs::copy(entry.path(), self.path(file.to_str().unwrap_or_default()))
                    .expect("copy a logo");
            }
        }
        let text =
            std::fs::read_to_string(repo(&format!("examples/{name}"))).expect("the example exists");
        self.write(name, &text)
    }

    /// Run `leaflet ARGS` in the sandbox with a fixed environment, in English
    /// (`LANG=C`, whatever the machine's locale).
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in("C", args)
    }

    /// Run `leaflet ARGS` in the sandbox with `LANG` set to `lang` and the other
    /// locale variables cleared, as on a machine set up for that language.
    pub fn run_in(&self, lang: &str, args: &[&str]) -> Run {
        self.run_with(&[("LANG", lang)], args)
    }

    /// Run `leaflet ARGS` in the sandbox with these locale variables alone set.
    /// `check` runs on a fixed day ([`CHECK_DAY`]): what it says about the
    /// helplines' checked dates must not depend on when the tests run.
    pub fn run_with(&self, vars: &[(&str, &str)], args: &[&str]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_leaflet"));
        for var in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "LEAFLET_LANG"] {
            command.env_remove(var);
        }

        let output = command
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("SOURCE_DATE_EPOCH")
            .envs((args.first() == Some(&"check")).then_some(("SOURCE_DATE_EPOCH", CHECK_DAY)))
            .envs(vars.iter().copied())
            .output()
            .expect("the binary runs");
        Run(output)
    }

    /// The file names in the sandbox, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("list the sandbox")
            .filter_map(|e| e.ok()?.file_name().to_str().map(str::to_string))
            .collect();
        names.sort();
        names
    }
}

/// A finished run of the binary.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    /// Assert success and return stderr.
    #[track_caller]
    pub fn ok(&self) -> String {
        assert_eq!(
            self.code(),
            0,
            "expected success, stderr:\n{}",
            self.stderr()
        );
        self.stderr()
    }

    /// Assert exit 1 with no panic and return stderr.
    #[track_caller]
    pub fn fails(&self) -> String {
        let err = self.stderr();
        assert_eq!(self.code(), 1, "expected exit 1, stderr:\n{err}");
        assert!(!err.contains("panicked"), "panic:\n{err}");
        err
    }
}

/// The day `check` runs on in the tests: 1 December 2026, when the bundled
/// helplines were last checked.
pub const CHECK_DAY: &str = "1796083200";

/// Copy a folder's files (not its folders) into another, made if missing.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

/// The bundled locales, copied to `to` to be changed.
pub fn copy_locales(to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(repo("locales"))
        .expect("locales")
        .flatten()
    {
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
}

/// A path in the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The text of each page, extracted by poppler's `pdftotext` (which joins words
/// hyphenated at a line end).
pub fn page_texts(pdf: &Path) -> Vec<String> {
    page_texts_with(pdf, &[])
}

/// The text of each page in content-stream order, hyphens at line ends kept.
pub fn page_lines(pdf: &Path) -> Vec<String> {
    page_texts_with(pdf, &["-raw"])
}

fn page_texts_with(pdf: &Path, options: &[&str]) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).expect("a readable PDF");
    (1..=doc.get_pages().len())
        .map(|page| {
            let out = Command::new("pdftotext")
                .args(options)
                .args([
                    "-enc",
                    "UTF-8",
                    "-f",
                    &page.to_string(),
                    "-l",
                    &page.to_string(),
                ])
                .arg(pdf)
                .arg("-")
                .output()
                .expect("pdftotext runs (apt-get install poppler-utils)");
            assert!(out.status.success(), "pdftotext failed on page {page}");
            String::from_utf8(out.stdout).expect("UTF-8 text")
        })
        .collect()
}

/// A page's box (`MediaBox`, `TrimBox`, ...) as [llx lly urx ury].
pub fn page_box(doc: &lopdf::Document, page: lopdf::ObjectId, key: &str) -> Vec<f32> {
    let dict = doc.get_dictionary(page).expect("a page dictionary");
    dict.get(key.as_bytes())
        .and_then(lopdf::Object::as_array)
        .expect("the box is there")
        .iter()
        .map(|o| o.as_float().expect("a number"))
        .collect()
}

/// Every font dictionary in the document: (BaseFont, has an embedded font program).
pub fn fonts(doc: &lopdf::Document) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(lopdf::Object::as_name).ok()
            != Some(b"FontDescriptor".as_slice())
        {
            continue;
        }
        let name = dict
            .get(b"FontName")
            .and_then(lopdf::Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let embedded = ["FontFile", "FontFile2", "FontFile3"]
            .iter()
            .any(|k| dict.has(k.as_bytes()));
        out.push((name, embedded));
    }
    out.sort();
    out
}

/// A text string from the `/Info` dictionary, decoded.
pub fn info(doc: &lopdf::Document, key: &str) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?.as_reference().ok()?;
    let value = doc.get_dictionary(info).ok()?.get(key.as_bytes()).ok()?;
    let bytes = value.as_str().ok()?;
    Some(decode_text_string(bytes))
}

/// Decode a PDF text string (UTF-16BE with a BOM, or PDFDocEncoding's ASCII part).
pub fn decode_text_string(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The resident memory of a process, in kilobytes (Linux).
pub fn resident_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[cfg(feature = "web")]
/// Start `leaflet-serve` on a free port of loopback with `args`; it and its address.
pub fn start_server(args: &[&str]) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_leaflet-serve"))
        .args(["--addr", "127.0.0.1:0"])
        .args(args)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("leaflet-serve starts");
    let mut line = String::new();
    if let Some(err) = server.stderr.take() {
        std::io::BufReader::new(err)
            .read_line(&mut line)
            .expect("it says where it listens");
    }
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_default()
        .to_string();
    (server, addr)
}

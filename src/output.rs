//! Output: write the finished PDF so that a failure never leaves a partial file.
//!
//! A regular file (new or existing) is written to a temporary file in the same
//! folder and renamed over the target, so readers see the old file or the new
//! one, never half of one. It is not synced to disk: a PDF can be made again,
//! and a crash right after writing may leave the old file. Anything that is not a regular file
//! (`-` for standard output, a pipe, a device such as `/dev/stdout`) is written
//! directly: renaming over a device node would replace the device. A temporary
//! file left by a build that was killed while writing is removed by the next build
//! that writes into its folder, once it is 15 minutes old.

use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::{msg, Arg};

/// Write `bytes` to `path` (or standard output for `-`) all at once or not at all.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Diagnostics> {
    let fail = |e: std::io::Error| {
        let cause = match e.kind() {
            std::io::ErrorKind::StorageFull => msg("output-disk-full").into(),
            _ => Arg::Text(e.to_string()),
        };
        Diagnostics::one(
            Diagnostic::error(msg("output-unwritable").arg("detail", cause)).in_file(path),
        )
    };
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(fail);
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(Diagnostic::error(msg("output-is-folder"))
                .in_file(path)
                .into());
        }
        Ok(meta) if !meta.is_file() => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(fail)?;
            return file
                .write_all(bytes)
                .and_then(|()| file.flush())
                .map_err(fail);
        }
        _ => {}
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Diagnostic::error(msg("output-unwritable").arg(
            "detail",
            msg("output-no-folder").arg("folder", dir.display().to_string()),
        ))
        .in_file(path)
        .into());
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".leaflet-")
        .suffix(".pdf.tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    publish_permissions(tmp.as_file(), path).map_err(fail)?;
    // No fsync: a PDF can be made again, and flushing cost a fifth of a build. The
    // rename still means readers see the old file or the new one, never a part.
    tmp.persist(path).map_err(|e| fail(e.error))?;
    sweep(dir);
    Ok(())
}

/// How old a temporary file of ours must be before it is taken as left behind. A
/// write takes milliseconds; this leaves any other build writing beside us alone.
const STALE: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Remove the temporary files a build killed while writing (`kill -9`, a power
/// cut) left in `dir`: ours by name, and stale. Each folder is swept once a run.
fn sweep(dir: &Path) {
    use std::collections::BTreeSet;
    use std::sync::Mutex;
    static SWEPT: Mutex<BTreeSet<std::path::PathBuf>> = Mutex::new(BTreeSet::new());
    let first = SWEPT
        .lock()
        .map(|mut swept| swept.insert(dir.to_path_buf()))
        .unwrap_or(false);
    if !first {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir).map(|e| e.flatten()) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries {
        let name = entry.file_name();
        let ours = name
            .to_str()
            .is_some_and(|n| n.starts_with(".leaflet-") && n.ends_with(".pdf.tmp"));
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE);
        if ours && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A temporary file is private (0600); give the PDF the permissions of the file it
/// replaces, or the usual ones (0644) for a new document.
#[cfg(unix)]
fn publish_permissions(file: &std::fs::File, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let permissions = match std::fs::metadata(target) {
        Ok(old) => old.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o644),
    };
    file.set_permissions(permissions)
}

#[cfg(not(unix))]
fn publish_permissions(_file: &std::fs::File, _target: &Path) -> std::io::Result<()> {
    Ok(())
}

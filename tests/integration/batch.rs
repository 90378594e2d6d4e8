//! `leaflet batch`: many contacts files and languages, the same bytes as `build`.

use crate::common::Sandbox;

fn examples(sb: &Sandbox) {
    std::fs::create_dir_all(sb.path("contacts")).expect("mkdir");
    for name in ["asby.toml", "glantan.toml", "norrby.toml"] {
        sb.copy_example(name);
        std::fs::rename(sb.path(name), sb.path(&format!("contacts/{name}"))).expect("move");
    }
    std::fs::rename(sb.path("asby-logo.png"), sb.path("contacts/asby-logo.png"))
        .expect("move the logo");
}

#[test]
fn a_folder_in_two_languages_gives_one_pdf_per_file_and_language() {
    let sb = Sandbox::new();
    examples(&sb);
    let run = sb.run(&[
        "batch",
        "contacts",
        "--lang",
        "sv,fi",
        "--out-dir",
        "dist",
        "--jobs",
        "2",
    ]);
    let err = run.ok();
    assert!(err.contains("built 6 of 6 leaflets"), "{err}");
    // Not a terminal: a plain line per document.
    assert!(err.contains("built dist/norrby-fi.pdf"), "{err}");
    let mut made: Vec<String> = std::fs::read_dir(sb.path("dist"))
        .expect("dist exists")
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    made.sort();
    let expected = [
        "asby-fi.pdf",
        "asby-sv.pdf",
        "glantan-fi.pdf",
        "glantan-sv.pdf",
        "norrby-fi.pdf",
        "norrby-sv.pdf",
    ];
    assert_eq!(made, expected);
}

#[test]
fn batch_writes_the_same_bytes_as_build() {
    let sb = Sandbox::new();
    examples(&sb);
    sb.run(&[
        "batch",
        "contacts/asby.toml",
        "contacts/norrby.toml",
        "--lang",
        "fi",
        // `-o` as for `leaflet build`: the folder.
        "-o",
        "dist",
    ])
    .ok();
    for name in ["asby", "norrby"] {
        let single = format!("{name}-single.pdf");
        sb.run(&[
            "build",
            &format!("contacts/{name}.toml"),
            "--lang",
            "fi",
            "-o",
            &single,
        ])
        .ok();
        let a = std::fs::read(sb.path(&single)).expect("built");
        let b = std::fs::read(sb.path(&format!("dist/{name}-fi.pdf"))).expect("batched");
        assert!(a == b, "{name}: batch and build differ");
    }
}

#[test]
fn a_bad_file_is_reported_and_the_others_go_on() {
    let sb = Sandbox::new();
    examples(&sb);
    sb.write("contacts/broken.toml", "[organisation]\nnamn = \"x\"\n");
    let run = sb.run(&["batch", "contacts", "--lang", "sv", "--out-dir", "dist"]);
    let err = run.fails();
    assert!(err.contains("failed contacts/broken.toml (sv):"), "{err}");
    assert!(
        err.contains("contacts/broken.toml:2:1: `organisation.namn` is not a known key"),
        "{err}"
    );
    assert!(
        err.contains("built 3 of 4 leaflets") && err.contains("1 failed"),
        "{err}"
    );
    assert!(sb.path("dist/glantan-sv.pdf").exists() && !sb.path("dist/broken-sv.pdf").exists());
}

#[test]
fn two_files_that_would_write_the_same_pdf_are_refused_before_building() {
    let sb = Sandbox::new();
    examples(&sb);
    std::fs::create_dir_all(sb.path("other")).expect("mkdir");
    sb.write("other/glantan.toml", "[organisation]\nname = \"Gläntan\"\n");
    let err = sb
        .run(&["batch", "contacts", "other", "--out-dir", "dist"])
        .fails();
    assert!(
        err.contains("would both write `glantan-<lang>.pdf`"),
        "{err}"
    );
    assert!(!sb.path("dist").exists());
}

#[test]
fn an_unknown_language_stops_the_batch_before_it_starts() {
    let sb = Sandbox::new();
    examples(&sb);
    let err = sb
        .run(&["batch", "contacts", "--lang", "sv,de", "--out-dir", "dist"])
        .fails();
    assert!(err.contains("there is no leaflet text in `de`"), "{err}");
    assert!(!sb.path("dist").exists());
}

/// `--lang sv,sv-FI` built every file twice to the same path and counted both.
#[test]
fn two_tags_for_one_language_are_refused_before_building() {
    let sb = Sandbox::new();
    examples(&sb);
    let err = sb
        .run(&[
            "batch",
            "contacts",
            "--lang",
            "sv,sv-FI",
            "--out-dir",
            "dist",
        ])
        .fails();
    assert!(
        err.contains("the languages `sv` and `sv-FI` give the same leaflet (sv)"),
        "{err}"
    );
    assert!(!sb.path("dist").exists());
}

/// A pipe and a dangling link named `*.toml` in the folder were skipped without a
/// word (and a pipe given as input waited for ever): each is now a document that
/// failed, said by name, and the others are built.
#[cfg(unix)]
#[test]
fn pipes_and_dangling_links_in_a_folder_are_reported_not_skipped() {
    let sb = Sandbox::new();
    examples(&sb);
    let made = std::process::Command::new("mkfifo")
        .arg(sb.path("contacts/pipe.toml"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::os::unix::fs::symlink(sb.path("gone.toml"), sb.path("contacts/link.toml"))
        .expect("a link");
    let started = std::time::Instant::now();
    let run = sb.run(&["batch", "contacts", "--lang", "sv", "--out-dir", "dist"]);
    let err = run.fails();
    assert!(
        started.elapsed().as_secs() < 20,
        "the pipe was not waited on"
    );
    assert!(err.contains("failed contacts/pipe.toml (sv):"), "{err}");
    assert!(err.contains("not an ordinary file"), "{err}");
    assert!(err.contains("failed contacts/link.toml (sv):"), "{err}");
    assert!(err.contains("built 3 of 5 leaflets"), "{err}");
}

//! Logo files a security review found mishandled: a large palette PNG (held whole,
//! expanded to RGB and alpha) and a truncated JPEG (printed as a blank box).

use std::process::Command;

use crate::common::{repo, Sandbox};

const RED: [u8; 3] = [200, 30, 60];
const GREEN: [u8; 3] = [40, 160, 60];

/// A 2-bit palette PNG, `width` × `height`: index 0 transparent (a frame a tenth
/// of the height wide), 1 red on the left half, 2 green on the right.
fn palette_png(width: u32, height: u32) -> Vec<u8> {
    let frame = height / 10;
    let row_bytes = (width as usize).div_ceil(4);
    let mut pixels = Vec::with_capacity(row_bytes * height as usize);
    for y in 0..height {
        let mut row = vec![0u8; row_bytes];
        for x in 0..width {
            let inside =
                (frame..width - frame).contains(&x) && (frame..height - frame).contains(&y);
            let index = match (inside, x < width / 2) {
                (false, _) => 0u8,
                (true, true) => 1,
                (true, false) => 2,
            };
            row[x as usize / 4] |= index << (6 - 2 * (x % 4));
        }
        pixels.extend(row);
    }
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Two);
    encoder.set_palette([[255, 255, 255], RED, GREEN].concat());
    encoder.set_trns(vec![0u8]);
    encoder.set_filter(png::Filter::Paeth);
    let mut writer = encoder.write_header().expect("header");
    writer.write_image_data(&pixels).expect("pixels");
    writer.finish().expect("finish");
    png
}

/// A contacts file whose organisation has the logo `file`.
fn with_logo(sb: &Sandbox, file: &str, logo: &[u8]) {
    std::fs::write(sb.path(file), logo).expect("write the logo");
    sb.write(
        "c.toml",
        &format!(
            "[organisation]\nname = \"Åsby kommun\"\nlogo = \"{file}\"\nlogo_alt = \"Röd och grön\"\n"
        ),
    );
}

/// The rows of `pdfimages -list` after its header, split into columns.
fn images(pdf: &std::path::Path) -> Vec<Vec<String>> {
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(pdf)
        .output()
        .expect("pdfimages runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect()
}

/// The contact page (page 4) rendered by poppler at `dpi`: width, height and RGB
/// pixels.
fn contact_page(pdf: &std::path::Path, dpi: u32) -> (usize, usize, Vec<u8>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let prefix = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args([
            "-r",
            &dpi.to_string(),
            "-png",
            "-singlefile",
            "-f",
            "4",
            "-l",
            "4",
        ])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let file = std::fs::File::open(prefix.with_extension("png")).expect("the rendered page");
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let frame = reader.next_frame(&mut pixels).expect("pixels");
    assert_eq!(frame.color_type, png::ColorType::Rgb, "pdftoppm writes RGB");
    (frame.width as usize, frame.height as usize, pixels)
}

#[test]
fn a_palette_logo_is_embedded_as_its_indices_with_its_transparency() {
    let sb = Sandbox::new();
    with_logo(&sb, "logo.png", &palette_png(300, 150));
    sb.run(&["build", "c.toml", "-o", "out.pdf"]).ok();
    let list = images(&sb.path("out.pdf"));
    // page num type width height color comp bpc ...
    let image = list
        .iter()
        .find(|r| r[2] == "image")
        .expect("the logo is embedded");
    assert_eq!(
        (&image[3][..], &image[4][..], &image[5][..], &image[7][..]),
        ("300", "150", "index", "2"),
        "the PNG's 2-bit indices, not RGB: {list:?}"
    );
    assert!(
        list.iter().any(|r| r[2] == "smask"),
        "its transparency as a mask: {list:?}"
    );
    // Poppler draws the palette's own colours.
    let (_, _, pixels) = contact_page(&sb.path("out.pdf"), 100);
    let count = |c: [u8; 3]| pixels.chunks_exact(3).filter(|p| *p == c).count();
    assert!(count(RED) > 500, "red pixels: {}", count(RED));
    assert!(count(GREEN) > 500, "green pixels: {}", count(GREEN));
}

#[test]
fn a_6000_pixel_palette_logo_is_read_in_little_memory() {
    // The review's case: a 34 KB palette PNG of 6000 × 6000 pixels took 474 MB,
    // expanded to RGB and alpha. Its indices are embedded as they are, and its
    // mask is made a row at a time.
    let sb = Sandbox::new();
    let png = palette_png(6000, 6000);
    assert!(png.len() < 100_000, "small on disk: {} bytes", png.len());
    with_logo(&sb, "logo.png", &png);
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_leaflet"))
        .args(["build", "c.toml", "-o", "out.pdf"])
        .current_dir(sb.path(""))
        .env("LANG", "C")
        .output()
        .expect("GNU time runs (apt-get install time)");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let kilobytes: u64 = err
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .expect("the peak resident size");
    assert!(
        kilobytes < 100_000,
        "peak resident size {} MB",
        kilobytes / 1000
    );
}

/// The corner fixture: 160 × 80 pixels, the top-left quadrant red, the rest green.
fn corner_jpeg() -> Vec<u8> {
    std::fs::read(repo("tests/fixtures/logos/corner.jpg")).expect("the fixture")
}

#[test]
fn a_truncated_jpeg_is_refused_in_the_readers_language() {
    let mut jpeg = corner_jpeg();
    jpeg.truncate(jpeg.len() * 2 / 3);
    let sb = Sandbox::new();
    with_logo(&sb, "logo.jpg", &jpeg);
    for (lang, says) in [
        ("C", "the logo JPEG is incomplete (the file ends too early)"),
        ("sv_SE.UTF-8", "logotypens JPEG-fil tar slut för tidigt"),
        ("fi_FI.UTF-8", "logon JPEG-tiedosto loppuu kesken"),
    ] {
        let err = sb
            .run_in(lang, &["build", "c.toml", "-o", "out.pdf"])
            .fails();
        assert!(err.contains("c.toml:3:8:"), "{lang}: {err}");
        assert!(err.contains(says), "{lang}: {err}");
        assert!(!sb.path("out.pdf").exists());
    }
    // Whole, and with padding after its end marker, as some programs write it.
    for jpeg in [corner_jpeg(), [corner_jpeg(), vec![0; 100]].concat()] {
        with_logo(&sb, "logo.jpg", &jpeg);
        sb.run(&["build", "c.toml", "-o", "out.pdf"]).ok();
    }
}

//! Logo files a security review found mishandled: a large palette PNG (held whole,
//! expanded to RGB and alpha), a truncated JPEG (printed as a blank box) and a JPEG
//! whose EXIF orientation says it is turned (printed turned).

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
    let png = palette_png(6000, 6000);
    assert!(png.len() < 100_000, "small on disk: {} bytes", png.len());
    let kilobytes = peak_kb_with_logo("logo.png", &png);
    assert!(
        kilobytes < 100_000,
        "peak resident size {} MB",
        kilobytes / 1000
    );
}

#[test]
fn a_6000_pixel_logo_with_an_alpha_channel_is_read_in_little_memory() {
    // 8-bit RGBA, 6000 × 6000, partly transparent: its alpha rows were held
    // whole and unfiltered whole to find a transparent pixel (some 80 MB at this
    // size); they are now compressed and looked at a row at a time.
    let png = std::fs::read(repo("tests/fixtures/logos/rgba-6000.png")).expect("the fixture");
    let kilobytes = peak_kb_with_logo("logo.png", &png);
    assert!(
        kilobytes < 40_000,
        "peak resident size {} MB",
        kilobytes / 1000
    );
}

/// The peak resident size in KB of a build with `png` as the logo (GNU time).
fn peak_kb_with_logo(name: &str, png: &[u8]) -> u64 {
    let sb = Sandbox::new();
    with_logo(&sb, name, png);
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
    err.lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .expect("the peak resident size")
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

/// An EXIF segment (APP1) whose first IFD has only the orientation tag, in Intel
/// (`II`) or Motorola (`MM`) byte order.
fn exif(orientation: u16, big_endian: bool) -> Vec<u8> {
    let u16b = |v: u16| {
        if big_endian {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        }
    };
    let u32b = |v: u32| {
        if big_endian {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        }
    };
    let mut tiff: Vec<u8> = if big_endian { b"MM" } else { b"II" }.to_vec();
    tiff.extend(u16b(42));
    tiff.extend(u32b(8)); // IFD0 follows the header
    tiff.extend(u16b(1)); // one entry
    tiff.extend(u16b(0x0112)); // Orientation
    tiff.extend(u16b(3)); // SHORT
    tiff.extend(u32b(1)); // one value
    tiff.extend(u16b(orientation));
    tiff.extend([0, 0]);
    tiff.extend(u32b(0)); // no next IFD
    let mut segment = vec![0xFF, 0xE1];
    segment.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
    segment.extend(b"Exif\0\0");
    segment.extend(tiff);
    segment
}

/// The bounding box (left, top, right, bottom) of the pixels `keep` picks.
fn bounds(
    (width, pixels): (usize, &[u8]),
    keep: impl Fn(&[u8]) -> bool,
) -> Option<(usize, usize, usize, usize)> {
    let mut found: Option<(usize, usize, usize, usize)> = None;
    for (i, p) in pixels.chunks_exact(3).enumerate() {
        if keep(p) {
            let (x, y) = (i % width, i / width);
            found = Some(match found {
                None => (x, y, x, y),
                Some((l, t, r, b)) => (l.min(x), t.min(y), r.max(x), b.max(y)),
            });
        }
    }
    found
}

#[test]
fn a_jpeg_is_turned_as_its_exif_orientation_says() {
    // Stored wide with the red quadrant top left; where it is seen, and whether the
    // logo stands tall, for each of the eight orientations (EXIF 2.3, 4.6.4 A).
    // `true` for a red quadrant on the right / at the bottom.
    let seen = [
        (1, false, (false, false)),
        (2, false, (true, false)),
        (3, false, (true, true)),
        (4, false, (false, true)),
        (5, true, (false, false)),
        (6, true, (true, false)),
        (7, true, (true, true)),
        (8, true, (false, true)),
    ];
    let jpeg = corner_jpeg();
    let sb = Sandbox::new();
    for (orientation, tall, (right, low)) in seen {
        let turned = [
            &jpeg[..2],
            &exif(orientation, orientation % 2 == 0),
            &jpeg[2..],
        ]
        .concat();
        with_logo(&sb, "logo.jpg", &turned);
        sb.run(&["build", "c.toml", "-o", "out.pdf"]).ok();
        let (width, _, pixels) = contact_page(&sb.path("out.pdf"), 60);
        let red = |p: &[u8]| p[0] > 160 && p[1] < 100 && p[2] < 100;
        let green = |p: &[u8]| p[1] > 120 && p[0] < 110 && p[2] < 110;
        let logo = bounds((width, &pixels), |p| red(p) || green(p)).expect("the logo");
        let red = bounds((width, &pixels), red).expect("its red quadrant");
        let (w, h) = (logo.2 - logo.0 + 1, logo.3 - logo.1 + 1);
        assert_eq!(
            h > w,
            tall,
            "orientation {orientation}: the logo is {w} × {h} px"
        );
        let (mid_x, mid_y) = ((logo.0 + logo.2) / 2, (logo.1 + logo.3) / 2);
        let red_centre = ((red.0 + red.2) / 2, (red.1 + red.3) / 2);
        assert_eq!(
            (red_centre.0 > mid_x, red_centre.1 > mid_y),
            (right, low),
            "orientation {orientation}: red at {red:?} in the logo at {logo:?}"
        );
    }
}

//! Images: read a logo (PNG or JPEG) for the contact page.
//!
//! The size is checked from the file's header before anything is decoded, so an
//! absurdly large image is refused without allocating for it. A JPEG is embedded as
//! it is (the PDF reader decodes it); a PNG is decoded to 8-bit RGB or grey, with its
//! transparency kept as a separate mask, and deflated for the PDF.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};

/// The largest logo file read.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// The largest width or height in pixels (a 40 mm logo at 1200 dpi is 1890 px).
pub const MAX_SIDE_PX: u32 = 6000;

/// A decoded (or passed-through) image.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The pixels.
    pub data: ImageData,
}

/// How an image's pixels are held.
#[derive(Debug, Clone, PartialEq)]
pub enum ImageData {
    /// A JPEG file's bytes, embedded as they are; 1 (grey) or 3 (RGB) components.
    Jpeg {
        /// The file.
        bytes: Vec<u8>,
        /// Colour components.
        components: u8,
    },
    /// 8-bit samples, row by row, as zlib streams (PDF's `/FlateDecode`): deflated
    /// once when read, however many documents show the logo.
    Pixels {
        /// Grey (1 sample a pixel) or RGB (3).
        colour: Vec<u8>,
        /// Whether `colour` is grey.
        grey: bool,
        /// One opacity sample a pixel, if any pixel is not opaque.
        alpha: Option<Vec<u8>>,
    },
}

/// Read a PNG or JPEG file; errors say what is wrong in words a person can act on.
pub fn load(path: &Path) -> Result<Image, Diagnostics> {
    load_one(path).map_err(|d| Diagnostics::one(*d))
}

fn load_one(path: &Path) -> Result<Image, Box<Diagnostic>> {
    let fail = |message: String| Box::new(Diagnostic::error(message).in_file(path));
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read the logo ({e})")))?;
    if !meta.is_file() {
        return Err(fail("the logo is not a file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "the logo is {} MB; at most {} MB are read",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ))
        .with_hint("save a smaller copy: 1000 pixels across is plenty for print"));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read the logo ({e})")))?;
    decode_one(bytes).map_err(|mut d| {
        d.file = Some(path.to_path_buf());
        d
    })
}

/// Decode a logo already in memory (an upload), with the same checks as [`load`].
pub fn decode(bytes: Vec<u8>) -> Result<Image, Diagnostics> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic::error(format!(
            "the logo is {} MB; at most {} MB are read",
            bytes.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ))
        .into());
    }
    decode_one(bytes).map_err(|d| Diagnostics::one(*d))
}

fn decode_one(bytes: Vec<u8>) -> Result<Image, Box<Diagnostic>> {
    let fail = |message: String| Box::new(Diagnostic::error(message));
    let hint = "save the logo as PNG or JPEG (in an image editor: Export as PNG)";
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(&bytes).map_err(|m| fail(m).with_hint(hint))
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes).map_err(|m| fail(m).with_hint(hint))
    } else {
        Err(fail("the logo is neither a PNG nor a JPEG image".into()).with_hint(hint))
    }
}

fn check_size(width: u32, height: u32) -> Result<(), String> {
    if width == 0 || height == 0 {
        return Err("the logo has no pixels".into());
    }
    if width > MAX_SIDE_PX || height > MAX_SIDE_PX {
        return Err(format!(
            "the logo is {width} × {height} pixels; at most {MAX_SIDE_PX} pixels a side are accepted"
        ));
    }
    Ok(())
}

/// Pixels with a trailing alpha sample split into the colour samples and the alpha.
fn split_alpha(pixels: &[u8], colours: usize) -> (Vec<u8>, Vec<u8>) {
    let count = pixels.len() / (colours + 1);
    let mut colour = vec![0; count * colours];
    let mut alpha = vec![0; count];
    let rows = pixels
        .chunks_exact(colours + 1)
        .zip(colour.chunks_exact_mut(colours));
    if colours == 3 {
        // RGBA, the common case, with fixed sizes the compiler can unroll.
        for ((pixel, c), a) in rows.zip(alpha.iter_mut()) {
            c[..3].copy_from_slice(&pixel[..3]);
            *a = pixel[3];
        }
    } else {
        for ((pixel, c), a) in rows.zip(alpha.iter_mut()) {
            c.copy_from_slice(&pixel[..colours]);
            *a = pixel[colours];
        }
    }
    (colour, alpha)
}

fn png(bytes: &[u8]) -> Result<Image, String> {
    // The header chunk comes first (PNG spec 5.6): width and height at bytes 16..24.
    // Check them before the decoder reads anything else.
    match (bytes.get(12..16), bytes.get(16..20), bytes.get(20..24)) {
        (Some(b"IHDR"), Some(w), Some(h)) => {
            let side = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
            check_size(side(w), side(h))?;
        }
        _ => return Err("the logo is not a readable PNG (no header)".into()),
    }
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let corrupt = |e: png::DecodingError| format!("the logo is not a readable PNG ({e})");
    let mut reader = decoder.read_info().map_err(corrupt)?;
    let (width, height) = {
        let info = reader.info();
        (info.width, info.height)
    };
    check_size(width, height)?; // before a pixel is decoded
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| "the logo is too large to decode".to_string())?;
    let mut buffer = vec![0; size];
    let frame = reader.next_frame(&mut buffer).map_err(corrupt)?;
    buffer.truncate(frame.buffer_size());
    let (samples, grey, has_alpha) = match frame.color_type {
        png::ColorType::Grayscale => (1, true, false),
        png::ColorType::GrayscaleAlpha => (2, true, true),
        png::ColorType::Rgb => (3, false, false),
        png::ColorType::Rgba => (4, false, true),
        png::ColorType::Indexed => return Err("the logo's palette could not be expanded".into()),
    };
    let (colour, alpha) = if has_alpha {
        split_alpha(&buffer, samples - 1)
    } else {
        (buffer, Vec::new())
    };
    let alpha = (has_alpha && alpha.iter().any(|a| *a != 255)).then_some(alpha);
    let deflate = |samples: &[u8]| {
        crate::deflate::pixels(samples)
            .ok_or_else(|| "the logo could not be compressed".to_string())
    };
    let colour = deflate(&colour)?;
    let alpha = alpha.map(|a| deflate(&a)).transpose()?;
    Ok(Image {
        width,
        height,
        data: ImageData::Pixels {
            colour,
            grey,
            alpha,
        },
    })
}

fn jpeg(bytes: Vec<u8>) -> Result<Image, String> {
    let mut decoder = jpeg_decoder::Decoder::new(bytes.as_slice());
    decoder
        .read_info()
        .map_err(|e| format!("the logo is not a readable JPEG ({e})"))?;
    let info = decoder
        .info()
        .ok_or_else(|| "the logo is not a readable JPEG".to_string())?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    check_size(width, height)?;
    let components = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => 1,
        jpeg_decoder::PixelFormat::RGB24 => 3,
        jpeg_decoder::PixelFormat::L16 => return Err("the logo is a 16-bit JPEG".into()),
        jpeg_decoder::PixelFormat::CMYK32 => {
            return Err("the logo is a CMYK JPEG; save it in RGB".into())
        }
    };
    Ok(Image {
        width,
        height,
        data: ImageData::Jpeg { bytes, components },
    })
}

/// Adding a hint to a boxed diagnostic.
trait WithHint {
    fn with_hint(self, hint: &str) -> Self;
}

impl WithHint for Box<Diagnostic> {
    fn with_hint(mut self, hint: &str) -> Self {
        self.hints.push(hint.to_string());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG with only its signature and header chunk (no pixels).
    pub fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend(width.to_be_bytes());
        ihdr.extend(height.to_be_bytes());
        ihdr.extend([8, 6, 0, 0, 0]);
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend(13u32.to_be_bytes());
        bytes.extend(&ihdr);
        bytes.extend(crc32(&ihdr).to_be_bytes());
        bytes
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in data {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_huge_png_is_refused_from_its_header() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("huge.png");
        std::fs::write(&path, png_header(30000, 30000)).expect("write");
        let e = load(&path).expect_err("too large");
        assert!(e.to_string().contains("30000 × 30000 pixels"), "{e}");
    }

    #[test]
    fn not_an_image_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("logo.png");
        std::fs::write(&path, "GIF89a").expect("write");
        assert!(load(&path)
            .expect_err("not PNG")
            .to_string()
            .contains("neither a PNG nor a JPEG"));
    }
}

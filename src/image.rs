//! Images: read a logo (PNG or JPEG) for the contact page.
//!
//! The size is checked from the file's header before anything is decoded, so an
//! absurdly large image is refused without allocating for it. A JPEG is embedded as
//! it is (the PDF reader decodes it): its segments are walked, not decoded, to
//! refuse a file that ends before its end marker (truncated) and to read its EXIF
//! orientation, which is applied where the logo is placed. A PNG keeps its own
//! filtered rows where it can: 8-bit grey or RGB, not interlaced, without
//! transparency has its compressed data embedded as it is, with an alpha channel
//! the rows are split into colour and mask without decoding, each compressed as
//! it comes; a palette PNG that is
//! not interlaced has its rows of indices embedded as they are, with the palette
//! (`/Indexed`), and a transparent palette's mask made from indices decoded a row
//! at a time. Other PNGs that are not interlaced (transparent colours, 16-bit
//! samples, grey of fewer than 8 bits) are decoded a row at a time to 8-bit grey
//! or RGB, with transparency as a separate mask. So memory stays some rows plus the
//! compressed result, however many pixels. Only an interlaced PNG is decoded whole,
//! and only up to [`MAX_DECODED_BYTES`] (4096 × 4096 pixels with alpha); a larger
//! one is refused.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::{msg, Message};
use crate::store::Unreadable;

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
    /// How the pixels are turned to stand upright (a JPEG's EXIF orientation).
    pub orientation: Orientation,
    /// The pixels.
    pub data: ImageData,
}

impl Image {
    /// Width and height in pixels as the image is seen, upright.
    pub fn shown_size(&self) -> (u32, u32) {
        if self.orientation.swaps_sides() {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// How an image's stored pixels are turned to be seen: the EXIF orientation (EXIF
/// 2.3, tag 0x0112), 1 to 8. 1 is upright; 2 mirrored left to right; 3 turned half
/// round; 4 mirrored top to bottom; 5 mirrored along the diagonal from the top
/// left; 6 turned a quarter clockwise to be seen; 7 mirrored along the other
/// diagonal; 8 turned a quarter anticlockwise. 5 to 8 swap width and height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Orientation(u8);

impl Default for Orientation {
    fn default() -> Orientation {
        Orientation(1)
    }
}

impl Orientation {
    /// The orientation an EXIF value names; none for a value EXIF does not define.
    pub fn from_exif(value: u16) -> Option<Orientation> {
        u8::try_from(value)
            .ok()
            .filter(|v| (1..=8).contains(v))
            .map(Orientation)
    }

    /// Whether the image is seen with width and height swapped.
    pub fn swaps_sides(self) -> bool {
        self.0 >= 5
    }

    /// The PDF matrix (`cm`) that draws the image upright in the box `width` ×
    /// `height` points at `x`, `y` (its lower left corner).
    ///
    /// PDF draws an image's first row at the top of the unit square and its first
    /// column at the left (ISO 32000-1, 8.9.5.1); with `s`, `t` that square's
    /// coordinates, each orientation puts the stored pixel at `s`, `t` where it is
    /// seen in the box.
    pub fn place(self, x: f32, y: f32, width: f32, height: f32) -> [f32; 6] {
        let (w, h) = (width, height);
        match self.0 {
            2 => [-w, 0.0, 0.0, h, x + w, y],
            3 => [-w, 0.0, 0.0, -h, x + w, y + h],
            4 => [w, 0.0, 0.0, -h, x, y + h],
            5 => [0.0, -h, -w, 0.0, x + w, y + h],
            6 => [0.0, -h, w, 0.0, x, y + h],
            7 => [0.0, h, w, 0.0, x, y],
            8 => [0.0, h, -w, 0.0, x + w, y],
            _ => [w, 0.0, 0.0, h, x, y],
        }
    }
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
    /// 8-bit samples as PNG rows (a filter-type byte, then the row's samples as
    /// filtered), zlib-compressed: PDF's `/FlateDecode` with `/Predictor 15`.
    /// Prepared once when read, however many documents show the logo.
    Pixels {
        /// Grey (1 sample a pixel) or RGB (3).
        colour: Vec<u8>,
        /// Whether `colour` is grey.
        grey: bool,
        /// One opacity sample a pixel, if any pixel is not opaque.
        alpha: Option<Vec<u8>>,
    },
    /// A palette PNG's own rows of indices (`depth` bits an index), compressed as
    /// the PNG has them: PDF's `/Indexed` colour space with `/Predictor 15`.
    Indexed {
        /// The PNG's `IDAT` data, as it is.
        rows: Vec<u8>,
        /// RGB entries, `2^depth` of them: the PNG's own, then black for an index
        /// the PNG has no entry for.
        palette: Vec<u8>,
        /// Bits an index: 1, 2, 4 or 8.
        depth: u8,
        /// One opacity sample a pixel as in [`ImageData::Pixels`], if the palette
        /// has transparent entries and a pixel shows one.
        alpha: Option<Vec<u8>>,
    },
}

/// Read a PNG or JPEG file; errors say what is wrong in words a person can act on.
pub fn load(path: &Path) -> Result<Image, Diagnostics> {
    load_one(path).map_err(|d| Diagnostics::one(*d))
}

fn load_one(path: &Path) -> Result<Image, Box<Diagnostic>> {
    let fail = |message: Message| Box::new(Diagnostic::error(message).in_file(path));
    let unreadable = |e: std::io::Error| fail(msg("image-unreadable").arg("detail", e.to_string()));
    let bytes = crate::store::read_bounded(path, MAX_FILE_BYTES).map_err(|e| match e {
        Unreadable::Folder | Unreadable::NotRegular => fail(msg("image-not-file")),
        Unreadable::TooLarge(bytes) => {
            fail(too_many_bytes(bytes)).with_hint(msg("hint-smaller-logo"))
        }
        Unreadable::Io(e) => unreadable(e),
    })?;
    decode_one(bytes).map_err(|mut d| {
        d.file = Some(path.to_path_buf());
        d
    })
}

/// Decode a logo already in memory (an upload), with the same checks as [`load`].
pub fn decode(bytes: Vec<u8>) -> Result<Image, Diagnostics> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic::error(too_many_bytes(bytes.len() as u64)).into());
    }
    decode_one(bytes).map_err(|d| Diagnostics::one(*d))
}

/// The logo file is larger than is read.
fn too_many_bytes(bytes: u64) -> Message {
    msg("image-too-large")
        .arg("megabytes", bytes / (1024 * 1024))
        .arg("max", MAX_FILE_BYTES / (1024 * 1024))
}

fn decode_one(bytes: Vec<u8>) -> Result<Image, Box<Diagnostic>> {
    let fail = |message: Message| Box::new(Diagnostic::error(message));
    let hint = || msg("hint-png-or-jpeg");
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(&bytes).map_err(|m| fail(m).with_hint(hint()))
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes).map_err(|m| fail(m).with_hint(hint()))
    } else {
        Err(fail(msg("image-not-png-or-jpeg")).with_hint(hint()))
    }
}

fn check_size(width: u32, height: u32) -> Result<(), Message> {
    if width == 0 || height == 0 {
        return Err(msg("image-no-pixels"));
    }
    if width > MAX_SIDE_PX || height > MAX_SIDE_PX {
        return Err(msg("image-too-many-pixels")
            .arg("width", width)
            .arg("height", height)
            .arg("max", MAX_SIDE_PX));
    }
    Ok(())
}

/// One PNG row of pixels with a trailing alpha sample, split into a row of the
/// colour samples and a row of the alpha, each keeping the filter-type byte.
///
/// PNG filters predict each byte from the same sample of the pixel to the left and
/// of the row above, so filtered 8-bit rows split by sample stay validly filtered:
/// the split needs no decoding.
fn split_row(row: &[u8], colours: usize, colour: &mut Vec<u8>, alpha: &mut Vec<u8>) {
    let width = (row.len() - 1) / (colours + 1);
    let (c_start, a_start) = (colour.len(), alpha.len());
    colour.resize(c_start + 1 + width * colours, row[0]);
    alpha.resize(a_start + 1 + width, row[0]);
    let pixels = row[1..].chunks_exact(colours + 1);
    let samples = pixels
        .zip(colour[c_start + 1..].chunks_exact_mut(colours))
        .zip(&mut alpha[a_start + 1..]);
    if colours == 3 {
        // RGBA, the common case, with sizes the compiler knows.
        for ((pixel, c), a) in samples {
            c[..3].copy_from_slice(&pixel[..3]);
            *a = pixel[3];
        }
    } else {
        for ((pixel, c), a) in samples {
            c.copy_from_slice(&pixel[..colours]);
            *a = pixel[colours];
        }
    }
}

/// One 8-bit PNG row (its filter-type byte first) unfiltered into `current`, given
/// the row above unfiltered (none for the first row).
fn unfilter_row(row: &[u8], above: Option<&[u8]>, bpp: usize, current: &mut [u8]) {
    for x in 0..current.len() {
        let a = if x >= bpp { current[x - bpp] } else { 0 };
        let b = above.map_or(0, |r| r[x]);
        let c = if x >= bpp {
            above.map_or(0, |r| r[x - bpp])
        } else {
            0
        };
        let predicted = match row[0] {
            1 => a,
            2 => b,
            3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
            4 => paeth(a, b, c),
            _ => 0,
        };
        current[x] = row[1 + x].wrapping_add(predicted);
    }
}

/// The Paeth predictor (PNG spec, 9.4).
fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// What to say if compressing failed, which from memory to memory it does not.
/// The logo is not a PNG that can be read, for a reason of ours.
fn not_png(detail: Message) -> Message {
    msg("image-not-png").arg("detail", detail)
}

fn compress_failed() -> Message {
    msg("image-not-compressed")
}

/// The data of a PNG's `IDAT` chunks, in order: one zlib stream of filtered rows.
fn idat(bytes: &[u8]) -> Result<Vec<u8>, Message> {
    let broken = || not_png(msg("image-damaged"));
    let mut data = Vec::new();
    let mut at = 8;
    while at < bytes.len() {
        let length = bytes.get(at..at + 4).ok_or_else(broken)?;
        let length = u32::from_be_bytes([length[0], length[1], length[2], length[3]]) as usize;
        let kind = bytes.get(at + 4..at + 8).ok_or_else(broken)?;
        let body = bytes.get(at + 8..at + 8 + length).ok_or_else(broken)?;
        match kind {
            b"IDAT" => data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + length;
    }
    Ok(data)
}

/// Inflate a zlib stream of `count` PNG rows of `stride` bytes, handing each row
/// to `each` as it comes (a few kilobytes are held at a time); an error if the data
/// is damaged, has another number of rows or a row filter PNG does not define.
fn for_each_row(
    data: &[u8],
    stride: usize,
    count: usize,
    mut each: impl FnMut(&[u8]),
) -> Result<(), Message> {
    use flate2::{Decompress, FlushDecompress, Status};
    let corrupt = || not_png(msg("image-damaged"));
    let mut z = Decompress::new(true);
    let mut buffer: Vec<u8> = Vec::with_capacity(stride * (65_536 / stride).max(1));
    let mut seen = 0;
    loop {
        stop_if_cancelled()?;
        let (read, written) = (z.total_in(), z.total_out());
        let input = usize::try_from(read)
            .ok()
            .and_then(|r| data.get(r..))
            .unwrap_or_default();
        let status = z
            .decompress_vec(input, &mut buffer, FlushDecompress::None)
            .map_err(|_| corrupt())?;
        let whole = buffer.len() / stride * stride;
        for row in buffer[..whole].chunks_exact(stride) {
            if seen == count {
                return Err(corrupt());
            }
            if row[0] > 4 {
                return Err(corrupt());
            }
            each(row);
            seen += 1;
        }
        buffer.drain(..whole);
        match status {
            Status::StreamEnd => break,
            _ if (z.total_in(), z.total_out()) == (read, written) => return Err(corrupt()),
            _ => {}
        }
    }
    if seen == count && buffer.is_empty() {
        Ok(())
    } else {
        Err(corrupt())
    }
}

/// An 8-bit, non-interlaced grey or RGB PNG, with or without an alpha channel,
/// without a decode: its compressed rows are embedded as they are (no alpha), or
/// inflated, split into colour and alpha rows and deflated again.
fn png_rows(bytes: &[u8], info: &png::Info<'_>) -> Result<Option<ImageData>, Message> {
    let (colours, has_alpha) = match info.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => return Ok(None),
    };
    if info.bit_depth != png::BitDepth::Eight || info.interlaced || info.trns.is_some() {
        return Ok(None);
    }
    let width = info.width as usize;
    let count = info.height as usize;
    let stride = 1 + width * (colours + usize::from(has_alpha));
    let compressed = idat(bytes)?;
    if !has_alpha {
        // Inflated, though embedded as it is: a damaged logo is refused here rather
        // than found by the reader of the PDF.
        for_each_row(&compressed, stride, count, |_| {})?;
        return Ok(Some(ImageData::Pixels {
            colour: compressed,
            grey: colours == 1,
            alpha: None,
        }));
    }
    // The colour rows are compressed as they are split off, some 64 KB at a time,
    // and the alpha rows a row at a time, still filtered.
    let mut mask = Mask::new(width);
    let (mut piece, mut alpha) = (Vec::with_capacity(65_536 + stride), Vec::new());
    let mut masked = Ok(());
    let colour = crate::deflate::pixels_from(|add| {
        for_each_row(&compressed, stride, count, |row| {
            alpha.clear();
            split_row(row, colours, &mut piece, &mut alpha);
            if masked.is_ok() {
                masked = mask.filtered(&alpha);
            }
            if piece.len() >= 65_536 {
                add(&piece);
                piece.clear();
            }
        })?;
        add(&piece);
        masked
    })?;
    Ok(Some(ImageData::Pixels {
        colour: colour.ok_or_else(compress_failed)?,
        grey: colours == 1,
        alpha: mask.finish()?,
    }))
}

/// A palette PNG's `PLTE` and `tRNS` chunks as the PNG spec (11.2.3, 11.3.2.1)
/// requires: whole RGB entries, at most 256, and no more alphas than entries. The
/// png crate expands palettes without checking, and panics on a broken one (found
/// by fuzzing).
fn check_palette(info: &png::Info<'_>) -> Result<(), Message> {
    if info.color_type != png::ColorType::Indexed {
        return Ok(());
    }
    let entries = match info.palette.as_deref() {
        Some(p) if !p.is_empty() && p.len() % 3 == 0 && p.len() <= 3 * 256 => p.len() / 3,
        _ => return Err(not_png(msg("image-palette-damaged"))),
    };
    if info.trns.as_deref().is_some_and(|t| t.len() > entries) {
        return Err(not_png(msg("image-transparency-damaged")));
    }
    Ok(())
}

fn png(bytes: &[u8]) -> Result<Image, Message> {
    // The header chunk comes first (PNG spec 5.6): width and height at bytes 16..24.
    // Check them before the decoder reads anything else.
    match (bytes.get(12..16), bytes.get(16..20), bytes.get(20..24)) {
        (Some(b"IHDR"), Some(w), Some(h)) => {
            let side = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
            check_size(side(w), side(h))?;
        }
        _ => return Err(not_png(msg("image-no-header"))),
    }
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(png_error)?;
    let (width, height) = {
        let info = reader.info();
        (info.width, info.height)
    };
    check_size(width, height)?; // before a pixel is decoded
    let image = |data| Image {
        width,
        height,
        orientation: Orientation::default(),
        data,
    };
    if let Some(data) = png_rows(bytes, reader.info())? {
        return Ok(image(data));
    }
    check_palette(reader.info())?;
    let info = reader.info();
    if info.interlaced {
        // Rows come in seven passes over the whole image, so the whole of it is
        // decoded, within a bound.
        return whole_frame(&mut reader, width, height).map(image);
    }
    if info.color_type == png::ColorType::Indexed {
        return indexed(bytes, info).map(image);
    }
    // Transparent colours, 16-bit samples, grey of fewer than 8 bits: decoded to
    // 8-bit grey or RGB (and alpha) a row at a time.
    let mut out = Rows::new(&reader, width)?;
    let colour = crate::deflate::pixels_from(|add| {
        while let Some(row) = reader.next_row().map_err(png_error)? {
            stop_if_cancelled()?;
            out.row(row.data(), add)?;
        }
        out.flush(add);
        Ok::<(), Message>(())
    })?;
    out.finish(colour).map(image)
}

/// Why the png crate could not read a PNG.
/// Stop decoding when the work is no longer wanted (the server's time limit,
/// [`crate::cancel`]): a logo's rows are the longest loop of a build.
fn stop_if_cancelled() -> Result<(), Message> {
    if crate::cancel::cancelled() {
        Err(msg("serve-too-slow"))
    } else {
        Ok(())
    }
}

fn png_error(e: png::DecodingError) -> Message {
    msg("image-not-png").arg("detail", e.to_string())
}

/// The most bytes an interlaced PNG is decoded to (its pixels, 8-bit, alpha
/// included): 4096 × 4096 RGBA. Held whole, with the compressed rows made from
/// it; every other logo is read a row at a time.
pub const MAX_DECODED_BYTES: usize = 64 * 1024 * 1024;

/// An interlaced PNG, decoded whole (at most [`MAX_DECODED_BYTES`]).
fn whole_frame(
    reader: &mut png::Reader<std::io::Cursor<&[u8]>>,
    width: u32,
    height: u32,
) -> Result<ImageData, Message> {
    let too_large = || {
        msg("image-too-large-to-decode")
            .arg("width", width)
            .arg("height", height)
    };
    let size = reader.output_buffer_size().ok_or_else(too_large)?;
    if size > MAX_DECODED_BYTES {
        return Err(too_large());
    }
    let mut out = Rows::new(reader, width)?;
    let mut buffer = vec![0; size];
    let frame = reader.next_frame(&mut buffer).map_err(png_error)?;
    buffer.truncate(frame.buffer_size());
    let colour = crate::deflate::pixels_from(|add| {
        for row in buffer.chunks_exact(out.samples * width as usize) {
            stop_if_cancelled()?;
            out.row(row, add)?;
        }
        out.flush(add);
        Ok::<(), Message>(())
    })?;
    out.finish(colour)
}

/// Decoded 8-bit rows, each split into colour and alpha as it comes and written as
/// PNG rows (filter type 0): the colour rows gathered into pieces for a streaming
/// compressor, the alpha rows compressed on their own.
struct Rows {
    /// Samples a pixel decoded.
    samples: usize,
    /// Whether the colour is grey.
    grey: bool,
    /// The colour rows not yet handed to the compressor.
    piece: Vec<u8>,
    /// The alpha, if the decoded pixels have any.
    mask: Option<Mask>,
}

impl Rows {
    /// Rows as `reader` decodes them (8-bit grey or RGB, with or without alpha).
    fn new(reader: &png::Reader<std::io::Cursor<&[u8]>>, width: u32) -> Result<Rows, Message> {
        let (samples, grey, alpha) = match reader.output_color_type() {
            (png::ColorType::Grayscale, png::BitDepth::Eight) => (1, true, false),
            (png::ColorType::GrayscaleAlpha, png::BitDepth::Eight) => (2, true, true),
            (png::ColorType::Rgb, png::BitDepth::Eight) => (3, false, false),
            (png::ColorType::Rgba, png::BitDepth::Eight) => (4, false, true),
            _ => return Err(not_png(msg("image-palette-damaged"))),
        };
        Ok(Rows {
            samples,
            grey,
            piece: Vec::with_capacity(65_536 + 1 + width as usize * samples),
            mask: alpha.then(|| Mask::new(width as usize)),
        })
    }

    /// One decoded row of pixels; the colour handed to `add` some 64 KB at a time.
    fn row(&mut self, row: &[u8], add: &mut dyn FnMut(&[u8])) -> Result<(), Message> {
        self.piece.push(0);
        match &mut self.mask {
            None => self.piece.extend_from_slice(row),
            Some(mask) => {
                let colours = self.samples - 1;
                for pixel in row.chunks_exact(self.samples) {
                    self.piece.extend_from_slice(&pixel[..colours]);
                }
                mask.row(row.chunks_exact(self.samples).map(|p| p[colours]))?;
            }
        }
        if self.piece.len() >= 65_536 {
            self.flush(add);
        }
        Ok(())
    }

    /// Hand the colour rows held to `add`.
    fn flush(&mut self, add: &mut dyn FnMut(&[u8])) {
        add(&self.piece);
        self.piece.clear();
    }

    /// The image, given its compressed colour rows.
    fn finish(self, colour: Option<Vec<u8>>) -> Result<ImageData, Message> {
        Ok(ImageData::Pixels {
            colour: colour.ok_or_else(compress_failed)?,
            grey: self.grey,
            alpha: self.mask.map(Mask::finish).transpose()?.flatten(),
        })
    }
}

/// An alpha mask compressed a row at a time as PNG rows, so that only its
/// compressed form is held. Each row is unfiltered against the one above to see
/// whether any pixel is transparent.
struct Mask {
    /// The rows, compressed.
    z: crate::deflate::Stream,
    /// The row being written, reused.
    row: Vec<u8>,
    /// The row above and this row, unfiltered.
    above: Vec<u8>,
    current: Vec<u8>,
    /// Whether any pixel so far is not opaque.
    transparent: bool,
}

impl Mask {
    fn new(width: usize) -> Mask {
        Mask {
            z: crate::deflate::Stream::pixels(),
            row: Vec::with_capacity(1 + width),
            above: Vec::new(),
            current: vec![0; width],
            transparent: false,
        }
    }

    /// The next row's alphas, written unfiltered (filter type 0).
    fn row(&mut self, alphas: impl Iterator<Item = u8>) -> Result<(), Message> {
        let mut row = std::mem::take(&mut self.row);
        row.clear();
        row.push(0);
        row.extend(alphas);
        let written = self.filtered(&row);
        self.row = row;
        written
    }

    /// The next row as PNG filtered it, its filter-type byte first.
    fn filtered(&mut self, row: &[u8]) -> Result<(), Message> {
        if row.len() != 1 + self.current.len() {
            return Err(not_png(msg("image-damaged")));
        }
        let above = (!self.above.is_empty()).then_some(self.above.as_slice());
        unfilter_row(row, above, 1, &mut self.current);
        self.transparent = self.transparent || self.current.iter().any(|a| *a != 255);
        std::mem::swap(&mut self.above, &mut self.current);
        self.current.resize(self.above.len(), 0);
        self.z.write(row);
        Ok(())
    }

    /// The compressed mask; none if every pixel is opaque.
    fn finish(self) -> Result<Option<Vec<u8>>, Message> {
        if !self.transparent {
            return Ok(None);
        }
        self.z.finish().map(Some).ok_or_else(compress_failed)
    }
}

/// A non-interlaced palette PNG, without expanding it: its compressed rows of
/// indices are embedded as they are (inflated once to check them, a few kilobytes
/// at a time). If the palette has transparent entries, the mask is made from the
/// indices decoded a row at a time.
fn indexed(bytes: &[u8], info: &png::Info<'_>) -> Result<ImageData, Message> {
    let depth = info.bit_depth as u8;
    if !matches!(depth, 1 | 2 | 4 | 8) {
        return Err(not_png(msg("image-palette-damaged")));
    }
    let entries = 1usize << depth;
    // check_palette has found whole RGB entries; more than the indices can name
    // are dropped, and black stands for any the PNG lacks.
    let mut palette = info.palette.as_deref().unwrap_or_default().to_vec();
    palette.resize(3 * entries, 0);
    let width = info.width as usize;
    let stride = 1 + (width * usize::from(depth)).div_ceil(8);
    let rows = idat(bytes)?;
    for_each_row(&rows, stride, info.height as usize, |_| {})?;
    let mut alphas = [255u8; 256];
    if let Some(trns) = info.trns.as_deref() {
        alphas[..trns.len()].copy_from_slice(trns);
    }
    let alpha = if alphas[..entries].iter().all(|a| *a == 255) {
        None
    } else {
        index_mask(bytes, width, depth, &alphas)?
    };
    Ok(ImageData::Indexed {
        rows,
        palette,
        depth,
        alpha,
    })
}

/// The mask of a palette PNG whose entries have the opacities `alphas`: its
/// indices decoded a row at a time (not expanded), each looked up.
fn index_mask(
    bytes: &[u8],
    width: usize,
    depth: u8,
    alphas: &[u8; 256],
) -> Result<Option<Vec<u8>>, Message> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::IDENTITY);
    let mut reader = decoder.read_info().map_err(png_error)?;
    let mut mask = Mask::new(width);
    let per_byte = 8 / depth;
    let low = ((1u16 << depth) - 1) as u8;
    while let Some(row) = reader.next_row().map_err(png_error)? {
        stop_if_cancelled()?;
        let indices = row
            .data()
            .iter()
            .flat_map(|byte| (0..per_byte).map(move |k| (byte >> (8 - depth * (k + 1))) & low));
        mask.row(indices.take(width).map(|i| alphas[usize::from(i)]))?;
    }
    mask.finish()
}

fn jpeg(bytes: Vec<u8>) -> Result<Image, Message> {
    let mut decoder = jpeg_decoder::Decoder::new(bytes.as_slice());
    decoder
        .read_info()
        .map_err(|e| msg("image-not-jpeg").arg("detail", e.to_string()))?;
    let info = decoder
        .info()
        .ok_or_else(|| msg("image-not-jpeg").arg("detail", msg("image-no-header")))?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    check_size(width, height)?;
    let components = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => 1,
        jpeg_decoder::PixelFormat::RGB24 => 3,
        jpeg_decoder::PixelFormat::L16 => return Err(msg("image-jpeg-16-bit")),
        jpeg_decoder::PixelFormat::CMYK32 => return Err(msg("image-jpeg-cmyk")),
    };
    let orientation = jpeg_segments(&bytes)?;
    Ok(Image {
        width,
        height,
        orientation,
        data: ImageData::Jpeg { bytes, components },
    })
}

/// Walk a JPEG's segments (ITU T.81, B.1.1) to its end marker, without decoding:
/// the EXIF orientation of its first EXIF segment (upright if none), or an error
/// if the file ends first (a truncated file, which a PDF reader would show as an
/// empty box or half a picture). Bytes after the end marker are let be.
fn jpeg_segments(bytes: &[u8]) -> Result<Orientation, Message> {
    let incomplete = || msg("image-jpeg-incomplete");
    let mut orientation = None;
    let mut at = 2; // after the start marker
    loop {
        // A marker: 0xFF, maybe more 0xFF as fill, then its code. Stray bytes before
        // it are skipped, as libjpeg does.
        at += bytes
            .get(at..)
            .and_then(|rest| rest.iter().position(|b| *b == 0xFF))
            .ok_or_else(incomplete)?;
        at += bytes[at..].iter().take_while(|b| **b == 0xFF).count();
        let code = *bytes.get(at).ok_or_else(incomplete)?;
        at += 1;
        match code {
            0xD9 => return Ok(orientation.unwrap_or_default()), // end of image
            0x01 | 0xD0..=0xD8 => continue,                     // no length
            _ => {}
        }
        let length = bytes.get(at..at + 2).ok_or_else(incomplete)?;
        let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
        let body = bytes
            .get(at + 2..at + length.max(2))
            .ok_or_else(incomplete)?;
        if code == 0xE1 && orientation.is_none() {
            if let Some(tiff) = body.strip_prefix(b"Exif\0\0") {
                orientation = Some(exif_orientation(tiff).unwrap_or_default());
            }
        }
        at += length.max(2);
        if code == 0xDA {
            // Start of scan: entropy-coded data follows, up to the next marker
            // (0xFF not followed by a stuffed 0x00 or a restart marker's code).
            at = scan_end(bytes, at).ok_or_else(incomplete)?;
        }
    }
}

/// Where the marker after a scan's entropy-coded data, from `at`, begins; none if
/// the data runs to the end of the file.
fn scan_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        let ff = at + bytes.get(at..)?.iter().position(|b| *b == 0xFF)?;
        match *bytes.get(ff + 1)? {
            0x00 | 0xD0..=0xD7 => at = ff + 2,
            0xFF => at = ff + 1, // fill before a marker
            _ => return Some(ff),
        }
    }
}

/// The orientation (tag 0x0112) in an EXIF segment's TIFF structure (TIFF 6.0,
/// section 2): the header's byte order (`II` or `MM`), then the first IFD's
/// entries of 12 bytes, tag, type, count and value.
fn exif_orientation(tiff: &[u8]) -> Option<Orientation> {
    let big = match tiff.get(..4)? {
        b"II*\0" => false,
        b"MM\0*" => true,
        _ => return None,
    };
    let u16_at = |at: usize| {
        let b = tiff.get(at..at.checked_add(2)?)?;
        Some(if big {
            u16::from_be_bytes([b[0], b[1]])
        } else {
            u16::from_le_bytes([b[0], b[1]])
        })
    };
    let u32_at = |at: usize| {
        let b = tiff.get(at..at.checked_add(4)?)?;
        let b = [b[0], b[1], b[2], b[3]];
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let entries = u16_at(ifd)?;
    (0..usize::from(entries)).find_map(|i| {
        let entry = ifd.checked_add(2 + 12 * i)?;
        // A SHORT (type 3), its value in the entry's first two value bytes.
        (u16_at(entry)? == 0x0112 && u16_at(entry + 2)? == 3)
            .then(|| Orientation::from_exif(u16_at(entry + 8)?))
            .flatten()
    })
}

/// Adding a hint to a boxed diagnostic.
trait WithHint {
    fn with_hint(self, hint: Message) -> Self;
}

impl WithHint for Box<Diagnostic> {
    fn with_hint(mut self, hint: Message) -> Self {
        self.hints.push(hint);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The samples of 8-bit PNG rows of `width` pixels of `bpp` samples, unfiltered
    /// (PNG spec, 9.2).
    fn unfilter(rows: &[u8], width: usize, bpp: usize) -> Vec<u8> {
        let line = width * bpp;
        let mut out = vec![0u8; rows.len() / (1 + line) * line];
        for (y, row) in rows.chunks_exact(1 + line).enumerate() {
            let (done, rest) = out.split_at_mut(y * line);
            let above = done
                .get(done.len().saturating_sub(line)..)
                .filter(|_| y > 0);
            unfilter_row(row, above, bpp, &mut rest[..line]);
        }
        out
    }

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

    /// A PNG of `pixels` (`samples` a pixel) written with the given filter.
    fn encode(
        pixels: &[u8],
        (width, height): (u32, u32),
        colour: png::ColorType,
        depth: png::BitDepth,
        filter: png::Filter,
        palette: Option<&[u8]>,
    ) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(colour);
        encoder.set_depth(depth);
        encoder.set_filter(filter);
        if let Some(palette) = palette {
            encoder.set_palette(palette.to_vec());
        }
        let mut writer = encoder.write_header().expect("header");
        writer.write_image_data(pixels).expect("pixels");
        writer.finish().expect("finish");
        out
    }

    /// The samples of an image's colour and alpha, as a PDF reader decodes them.
    fn samples(image: &Image) -> (Vec<u8>, Option<Vec<u8>>) {
        let ImageData::Pixels {
            colour,
            grey,
            alpha,
        } = &image.data
        else {
            panic!("pixels expected")
        };
        let width = image.width as usize;
        let bpp = if *grey { 1 } else { 3 };
        (
            unfilter(&inflate(colour), width, bpp),
            alpha.as_ref().map(|a| unfilter(&inflate(a), width, 1)),
        )
    }

    /// A varied 8-bit raster: gradients, so that every filter type has work to do.
    fn raster(width: u32, height: u32, samples: usize) -> Vec<u8> {
        (0..height as usize * width as usize * samples)
            .map(|i| ((i * 37) ^ (i / 7 * 11)) as u8)
            .collect()
    }

    #[test]
    fn every_8_bit_png_arrives_with_its_own_samples() {
        use png::{BitDepth, ColorType, Filter};
        let size = (37, 23);
        for (colour, n, grey, alpha) in [
            (ColorType::Grayscale, 1, true, false),
            (ColorType::GrayscaleAlpha, 2, true, true),
            (ColorType::Rgb, 3, false, false),
            (ColorType::Rgba, 4, false, true),
        ] {
            let pixels = raster(size.0, size.1, n);
            let colours = n - usize::from(alpha);
            let want_colour: Vec<u8> = pixels
                .chunks_exact(n)
                .flat_map(|p| p[..colours].to_vec())
                .collect();
            let want_alpha: Vec<u8> = pixels.chunks_exact(n).map(|p| p[n - 1]).collect();
            for filter in [
                Filter::NoFilter,
                Filter::Sub,
                Filter::Up,
                Filter::Avg,
                Filter::Paeth,
            ] {
                let bytes = encode(&pixels, size, colour, BitDepth::Eight, filter, None);
                let image = decode(bytes).expect("decodes");
                assert_eq!((image.width, image.height), size);
                let (got_colour, got_alpha) = samples(&image);
                assert_eq!(got_colour, want_colour, "{colour:?} {filter:?}");
                assert_eq!(
                    got_alpha,
                    alpha.then(|| want_alpha.clone()),
                    "{colour:?} {filter:?}"
                );
                assert!(matches!(image.data, ImageData::Pixels { grey: g, .. } if g == grey));
            }
        }
    }

    #[test]
    fn opaque_alpha_is_dropped() {
        let pixels: Vec<u8> = raster(16, 9, 4)
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect();
        for filter in [png::Filter::Sub, png::Filter::Paeth] {
            let bytes = encode(
                &pixels,
                (16, 9),
                png::ColorType::Rgba,
                png::BitDepth::Eight,
                filter,
                None,
            );
            let (colour, alpha) = samples(&decode(bytes).expect("decodes"));
            assert_eq!(alpha, None);
            assert_eq!(colour.len(), 16 * 9 * 3);
        }
    }

    /// Inflate a zlib stream.
    fn inflate(data: &[u8]) -> Vec<u8> {
        use std::io::Read;
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(data)
            .read_to_end(&mut out)
            .expect("a zlib stream");
        out
    }

    /// A palette PNG with the given opacities (`tRNS`).
    fn encode_palette(
        pixels: &[u8],
        size: (u32, u32),
        depth: png::BitDepth,
        filter: png::Filter,
        palette: &[u8],
        trns: Option<&[u8]>,
    ) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, size.0, size.1);
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_depth(depth);
        encoder.set_filter(filter);
        encoder.set_palette(palette.to_vec());
        if let Some(trns) = trns {
            encoder.set_trns(trns.to_vec());
        }
        let mut writer = encoder.write_header().expect("header");
        writer.write_image_data(pixels).expect("pixels");
        writer.finish().expect("finish");
        out
    }

    #[test]
    fn palette_pngs_keep_their_own_rows_of_indices() {
        use png::{BitDepth, Filter};
        let (width, height) = (37u32, 11u32);
        // Four entries: opaque red, transparent, half-transparent blue, opaque green.
        let palette = [255, 0, 0, 0, 0, 0, 0, 0, 255, 0, 255, 0];
        for (depth, bits) in [
            (BitDepth::One, 1usize),
            (BitDepth::Two, 2),
            (BitDepth::Four, 4),
            (BitDepth::Eight, 8),
        ] {
            let entries = 4.min(1 << bits);
            let index = |x: usize, y: usize| ((x * 3 + y * 5) ^ (x / 4)) % entries;
            let row_bytes = (width as usize * bits).div_ceil(8);
            let mut pixels = vec![0u8; row_bytes * height as usize];
            for y in 0..height as usize {
                for x in 0..width as usize {
                    let bit = x * bits;
                    let shift = 8 - bits - bit % 8;
                    pixels[y * row_bytes + bit / 8] |= (index(x, y) << shift) as u8;
                }
            }
            let trns: [u8; 3] = [255, 0, 128];
            let want_alpha: Vec<u8> = (0..height as usize)
                .flat_map(|y| (0..width as usize).map(move |x| (y, x)))
                .map(|(y, x)| trns.get(index(x, y)).copied().unwrap_or(255))
                .collect();
            for filter in [Filter::NoFilter, Filter::Sub, Filter::Paeth] {
                for trns in [None, Some(&trns[..entries.min(3)]), Some(&[255u8, 255][..])] {
                    let case = format!("{bits} bits, {filter:?}, tRNS {trns:?}");
                    let bytes = encode_palette(
                        &pixels,
                        (width, height),
                        depth,
                        filter,
                        &palette[..3 * entries],
                        trns,
                    );
                    let image = decode(bytes.clone()).expect("decodes");
                    let ImageData::Indexed {
                        rows,
                        palette: got_palette,
                        depth: got_depth,
                        alpha,
                    } = &image.data
                    else {
                        panic!("{case}: indices expected, not {:?}", image.data)
                    };
                    // The PNG's own compressed rows, as they are.
                    assert_eq!(rows, &idat(&bytes).expect("IDAT"), "{case}");
                    assert_eq!(usize::from(*got_depth), bits, "{case}");
                    // Its entries, then black up to 2^depth.
                    assert_eq!(got_palette.len(), 3 << bits, "{case}");
                    assert_eq!(got_palette[..3 * entries], palette[..3 * entries]);
                    assert!(got_palette[3 * entries..].iter().all(|b| *b == 0));
                    let alpha = alpha
                        .as_ref()
                        .map(|a| unfilter(&inflate(a), width as usize, 1));
                    match trns {
                        Some(t) if t.iter().any(|a| *a != 255) => {
                            assert_eq!(alpha.as_ref(), Some(&want_alpha), "{case}")
                        }
                        _ => assert_eq!(alpha, None, "{case}"),
                    }
                }
            }
        }
    }

    #[test]
    fn transparent_colours_and_16_bit_pngs_are_decoded_a_row_at_a_time() {
        // 16-bit grey: the high byte of each sample is kept.
        let bytes = encode(
            &[0x12, 0x34, 0xAB, 0xCD],
            (2, 1),
            png::ColorType::Grayscale,
            png::BitDepth::Sixteen,
            png::Filter::Sub,
            None,
        );
        assert_eq!(
            samples(&decode(bytes).expect("decodes")),
            (vec![0x12, 0xAB], None)
        );
        // RGB with a transparent colour (tRNS): a mask where it is.
        let (red, blue) = ([255u8, 0, 0], [0u8, 0, 255]);
        let pixels: Vec<u8> = (0..40)
            .flat_map(|i| if i % 3 == 0 { red } else { blue })
            .collect();
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, 8, 5);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_trns(vec![0, 255, 0, 0, 0, 0]); // red
        let mut writer = encoder.write_header().expect("header");
        writer.write_image_data(&pixels).expect("pixels");
        writer.finish().expect("finish");
        let want_alpha: Vec<u8> = (0..40).map(|i| if i % 3 == 0 { 0 } else { 255 }).collect();
        assert_eq!(
            samples(&decode(bytes).expect("decodes")),
            (pixels, Some(want_alpha))
        );
    }

    /// A PNG chunk: length, kind, data and CRC.
    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend(kind);
        c.extend(data);
        c.extend(crc32(&[kind, data].concat()).to_be_bytes());
        c
    }

    /// An interlaced (Adam7) 8-bit RGB PNG of `pixels`, each pass's rows unfiltered.
    fn interlaced_rgb(pixels: &[u8], (width, height): (u32, u32)) -> Vec<u8> {
        let (w, h) = (width as usize, height as usize);
        let mut raw = Vec::new();
        for (x0, y0, dx, dy) in [
            (0, 0, 8, 8),
            (4, 0, 8, 8),
            (0, 4, 4, 8),
            (2, 0, 4, 4),
            (0, 2, 2, 4),
            (1, 0, 2, 2),
            (0, 1, 1, 2),
        ] {
            if x0 >= w || y0 >= h {
                continue; // an empty pass has no rows
            }
            for y in (y0..h).step_by(dy) {
                raw.push(0);
                for x in (x0..w).step_by(dx) {
                    raw.extend_from_slice(&pixels[(y * w + x) * 3..][..3]);
                }
            }
        }
        let mut ihdr = width.to_be_bytes().to_vec();
        ihdr.extend(height.to_be_bytes());
        ihdr.extend([8, 2, 0, 0, 1]);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut z, &raw).expect("deflate");
        let data = z.finish().expect("deflate");
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend(chunk(b"IHDR", &ihdr));
        bytes.extend(chunk(b"IDAT", &data));
        bytes.extend(chunk(b"IEND", b""));
        bytes
    }

    #[test]
    fn an_interlaced_png_is_decoded_whole_within_a_bound() {
        let size = (13, 9);
        let pixels = raster(size.0, size.1, 3);
        let image = decode(interlaced_rgb(&pixels, size)).expect("decodes");
        assert_eq!(samples(&image), (pixels, None));
        // 4097 × 4097 RGB is over 48 MB decoded, within the bound; RGBA would be
        // over it. Refused from the header alone, before any pixel is decoded: the
        // image data here is a few bytes.
        for (colour, refused) in [(2u8, false), (6, true)] {
            let mut ihdr = 4097u32.to_be_bytes().to_vec();
            ihdr.extend(4097u32.to_be_bytes());
            ihdr.extend([8, colour, 0, 0, 1]);
            let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
            bytes.extend(chunk(b"IHDR", &ihdr));
            bytes.extend(chunk(b"IDAT", &[0x78, 0x01, 0x03, 0x00]));
            bytes.extend(chunk(b"IEND", b""));
            let e = decode(bytes).expect_err("no pixels to decode").to_string();
            assert_eq!(
                e.contains("the logo is 4097 × 4097 pixels and saved interlaced"),
                refused,
                "{e}"
            );
        }
    }

    #[test]
    fn a_broken_palette_is_refused_not_a_panic() {
        // Found by fuzzing: PLTE of 262 bytes (not whole RGB entries), and tRNS with
        // more alphas than the palette has entries; the png crate panics on both.
        let idat = {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
            std::io::Write::write_all(&mut z, &[0, 0b1010_0000, 0, 0b0101_0000]).expect("deflate");
            z.finish().expect("deflate")
        };
        let png = |plte: &[u8], trns: Option<&[u8]>| {
            let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
            let mut ihdr = 4u32.to_be_bytes().to_vec();
            ihdr.extend(2u32.to_be_bytes());
            ihdr.extend([1, 3, 0, 0, 0]);
            bytes.extend(chunk(b"IHDR", &ihdr));
            bytes.extend(chunk(b"PLTE", plte));
            if let Some(trns) = trns {
                bytes.extend(chunk(b"tRNS", trns));
            }
            bytes.extend(chunk(b"IDAT", &idat));
            bytes.extend(chunk(b"IEND", b""));
            bytes
        };
        assert!(
            decode(png(&[255, 0, 0, 0, 0, 255], None)).is_ok(),
            "the good one"
        );
        for (plte, trns) in [
            (&[9u8; 262][..], None),
            (&[255, 0, 0, 0, 0, 255][..], Some(&[0u8; 3][..])),
        ] {
            let e = decode(png(plte, trns)).expect_err("broken");
            assert!(e.to_string().contains("not a readable PNG"), "{e}");
        }
    }

    #[test]
    fn damaged_image_data_is_refused() {
        let pixels = raster(20, 10, 3);
        let mut bytes = encode(
            &pixels,
            (20, 10),
            png::ColorType::Rgb,
            png::BitDepth::Eight,
            png::Filter::Up,
            None,
        );
        // Flip a byte in the middle of the IDAT data (the chunk's CRC is not checked).
        let at = bytes.windows(4).position(|w| w == b"IDAT").expect("IDAT") + 10;
        bytes[at] ^= 0x5A;
        let e = decode(bytes).expect_err("damaged");
        assert!(e.to_string().contains("not a readable PNG"), "{e}");
    }

    /// 160 × 80 pixels, the top-left quadrant red, the rest green; baseline and
    /// progressive (ten scans).
    const CORNER: &[u8] = include_bytes!("../tests/fixtures/logos/corner.jpg");
    const CORNER_PROGRESSIVE: &[u8] =
        include_bytes!("../tests/fixtures/logos/corner-progressive.jpg");

    #[test]
    fn a_jpeg_that_ends_before_its_end_marker_is_refused() {
        for jpeg in [CORNER, CORNER_PROGRESSIVE] {
            let image = decode(jpeg.to_vec()).expect("whole");
            assert_eq!((image.width, image.height), (160, 80));
            // Padding after the end marker, as some programs write.
            let padded = [jpeg, &[0u8; 64][..], b"\xFF\xFF"].concat();
            decode(padded).expect("padded");
            // Cut in the entropy-coded data, just before the end marker, and in the
            // middle of the marker.
            for cut in [
                jpeg.len() / 2,
                jpeg.len() - 10,
                jpeg.len() - 2,
                jpeg.len() - 1,
            ] {
                let e = decode(jpeg[..cut].to_vec())
                    .expect_err("truncated")
                    .to_string();
                assert!(
                    e.contains("the logo JPEG is incomplete"),
                    "cut at {cut}: {e}"
                );
            }
            // Wherever it is cut, it is refused; whatever byte is damaged, no panic.
            for cut in 0..jpeg.len() {
                assert!(decode(jpeg[..cut].to_vec()).is_err(), "cut at {cut}");
                let mut damaged = jpeg.to_vec();
                damaged[cut] ^= 0xA5;
                let _ = decode(damaged);
            }
        }
    }

    /// `jpeg` with an EXIF segment after its start marker carrying `tiff`.
    fn with_exif(jpeg: &[u8], tiff: &[u8]) -> Vec<u8> {
        let mut segment = vec![0xFF, 0xE1];
        segment.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
        segment.extend(b"Exif\0\0");
        segment.extend(tiff);
        [&jpeg[..2], &segment, &jpeg[2..]].concat()
    }

    /// A TIFF structure whose first IFD holds the orientation `value` as a SHORT,
    /// after another entry, in either byte order.
    fn orientation_tiff(value: u16, big_endian: bool) -> Vec<u8> {
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
        tiff.extend(u32b(8));
        tiff.extend(u16b(2));
        // ImageDescription (ASCII, 4 bytes inline), then Orientation.
        tiff.extend(u16b(0x010E));
        tiff.extend(u16b(2));
        tiff.extend(u32b(4));
        tiff.extend(b"abc\0");
        tiff.extend(u16b(0x0112));
        tiff.extend(u16b(3));
        tiff.extend(u32b(1));
        tiff.extend(u16b(value));
        tiff.extend([0, 0]);
        tiff.extend(u32b(0));
        tiff
    }

    #[test]
    fn a_jpegs_exif_orientation_is_read_and_turns_its_shown_size() {
        assert_eq!(
            decode(CORNER.to_vec()).expect("decodes").orientation,
            Orientation::default()
        );
        for value in 1..=8 {
            for big_endian in [false, true] {
                let jpeg = with_exif(CORNER, &orientation_tiff(value, big_endian));
                let image = decode(jpeg).expect("decodes");
                assert_eq!(image.orientation, Orientation(value as u8));
                let shown = if value >= 5 { (80, 160) } else { (160, 80) };
                assert_eq!(image.shown_size(), shown, "orientation {value}");
                // Embedded as it is.
                assert!(
                    matches!(&image.data, ImageData::Jpeg { bytes, .. } if bytes.len() == CORNER.len() + 48)
                );
            }
        }
        // A value EXIF does not define, a broken byte order, an IFD past the end: upright.
        let mut far = orientation_tiff(6, false);
        far[4..8].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        for tiff in [orientation_tiff(9, true), b"XX*\0\x08\0\0\0".to_vec(), far] {
            let image = decode(with_exif(CORNER, &tiff)).expect("decodes");
            assert_eq!(image.orientation, Orientation::default());
        }
    }

    #[test]
    fn each_orientation_draws_the_stored_top_left_where_it_is_seen() {
        // The box 10 × 20 at (100, 200). The stored top-left pixel is the image
        // unit square's corner (0, 1); where each orientation shows it, and where
        // the stored top-right (1, 1).
        let apply = |m: [f32; 6], (s, t): (f32, f32)| {
            (m[0] * s + m[2] * t + m[4], m[1] * s + m[3] * t + m[5])
        };
        let (l, r, b, t) = (100.0, 110.0, 200.0, 220.0);
        for (value, top_left, top_right) in [
            (1, (l, t), (r, t)),
            (2, (r, t), (l, t)),
            (3, (r, b), (l, b)),
            (4, (l, b), (r, b)),
            (5, (l, t), (l, b)),
            (6, (r, t), (r, b)),
            (7, (r, b), (r, t)),
            (8, (l, b), (l, t)),
        ] {
            let m = Orientation(value).place(100.0, 200.0, 10.0, 20.0);
            assert_eq!(apply(m, (0.0, 1.0)), top_left, "orientation {value}");
            assert_eq!(apply(m, (1.0, 1.0)), top_right, "orientation {value}");
        }
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

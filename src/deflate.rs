//! Deflate: zlib streams for PDF's `/FlateDecode` filter.
//!
//! One compressor per thread is kept and reset between streams, its level set for
//! each: setting one up clears and faults in some 300 KB of tables, more work than
//! deflating a page of text. Pixels can be compressed as they are produced, so that
//! a logo's samples are never all in memory at once.

use std::cell::RefCell;

use flate2::{Compress, Compression, FlushCompress, Status};

thread_local! {
    static COMPRESSOR: RefCell<Option<Compress>> = const { RefCell::new(None) };
}

/// The level for text, fonts and other structured data: zlib's default.
const TEXT: Compression = Compression::new(6);

/// The level for pixels. On the example logo level 3 is as fast as level 1 and a
/// third smaller; level 6 saves another 15 % for twice the time.
pub(crate) const PIXELS: Compression = Compression::new(3);

/// Text, fonts and other structured data as a zlib stream.
pub fn text(data: &[u8]) -> Option<Vec<u8>> {
    with_compressor(TEXT, |z, out| feed(z, data, out, FlushCompress::Finish))
}

/// Pixels as a zlib stream.
pub fn pixels(data: &[u8]) -> Option<Vec<u8>> {
    with_compressor(PIXELS, |z, out| feed(z, data, out, FlushCompress::Finish))
}

/// Pixels given piece by piece as a zlib stream: `produce` hands each piece to the
/// function it is given, and each is compressed as it comes, so that the whole is
/// never held. Its error, if any, is returned as it is; `Ok(None)` if the
/// compressor failed, which from memory to memory it does not.
pub fn pixels_from<E>(
    produce: impl FnOnce(&mut dyn FnMut(&[u8])) -> Result<(), E>,
) -> Result<Option<Vec<u8>>, E> {
    let mut result = Ok(());
    let packed = with_compressor(PIXELS, |z, out| {
        let mut ok = true;
        result = produce(&mut |piece: &[u8]| {
            ok = ok && feed(z, piece, out, FlushCompress::None);
        });
        ok && feed(z, &[], out, FlushCompress::Finish)
    });
    result.map(|()| packed)
}

/// Run `write` with this thread's compressor, reset and set to `level`, and the
/// output; the output if `write` succeeded.
fn with_compressor(
    level: Compression,
    write: impl FnOnce(&mut Compress, &mut Vec<u8>) -> bool,
) -> Option<Vec<u8>> {
    COMPRESSOR.with_borrow_mut(|compressor| {
        let z = compressor.get_or_insert_with(|| Compress::new(level, true));
        z.reset();
        z.set_level(level).ok()?;
        let mut out = Vec::new();
        write(z, &mut out).then_some(out)
    })
}

/// Compress all of `input` into `out`, growing it as needed; with
/// `FlushCompress::Finish`, end the stream. False if the compressor failed.
fn feed(z: &mut Compress, input: &[u8], out: &mut Vec<u8>, flush: FlushCompress) -> bool {
    let start = z.total_in();
    loop {
        let Some(rest) = usize::try_from(z.total_in() - start)
            .ok()
            .and_then(|done| input.get(done..))
        else {
            return false;
        };
        let finished = match flush {
            FlushCompress::Finish => false,
            _ => rest.is_empty(),
        };
        if finished {
            return true;
        }
        if out.capacity() - out.len() < 256 {
            out.reserve(out.capacity().max(input.len() / 2).max(4096));
        }
        match z.compress_vec(rest, out, flush) {
            Ok(Status::StreamEnd) => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn streams_inflate_to_what_went_in() {
        use std::io::Read;
        let data: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let cases = [
            (super::text(&data), &data[..]),
            (super::pixels(&data), &data[..]),
            (super::text(b""), &b""[..]),
        ];
        for (packed, input) in cases {
            let packed = packed.expect("compressed");
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(&packed[..])
                .read_to_end(&mut back)
                .expect("a zlib stream");
            assert_eq!(back, input);
        }
        // Given in pieces, the same stream as given whole.
        let pieces = super::pixels_from(|add| {
            data.chunks(1000).for_each(add);
            Ok::<(), ()>(())
        });
        assert_eq!(pieces, Ok(super::pixels(&data)));
        assert_eq!(super::pixels_from(|_| Err::<(), _>("stop")), Err("stop"));
        // The compressor is reused, its level changed: each stream is as good as
        // a fresh compressor's at that level.
        for _ in 0..2 {
            for (level, packed) in [(6, super::text(&data)), (3, super::pixels(&data))] {
                let mut fresh =
                    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
                std::io::Write::write_all(&mut fresh, &data).expect("compress");
                assert_eq!(packed, Some(fresh.finish().expect("finish")));
            }
        }
    }
}

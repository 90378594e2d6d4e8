//! Deflate: zlib streams for PDF's `/FlateDecode` filter.
//!
//! Each thread keeps the compressors it has set up and resets one for each stream,
//! its level set for it: setting one up clears and faults in some 300 KB of tables,
//! more work than deflating a page of text. A [`Stream`] takes its input piece by
//! piece, so that a logo's samples are never all in memory at once; a logo with
//! an alpha channel writes two at a time, its colour and its mask.

use std::cell::RefCell;

use flate2::{Compress, Compression, FlushCompress, Status};

/// The most compressors a thread keeps unused: two streams are written at once.
const SPARE: usize = 2;

thread_local! {
    /// This thread's compressors not in use.
    static COMPRESSORS: RefCell<Vec<Compress>> = const { RefCell::new(Vec::new()) };
}

/// The level for text, fonts and other structured data: zlib's default.
const TEXT: Compression = Compression::new(6);

/// The level for pixels. On the example logo level 3 is as fast as level 1 and a
/// third smaller; level 6 saves another 15 % for twice the time.
const PIXELS: Compression = Compression::new(3);

/// Text, fonts and other structured data as a zlib stream.
pub fn text(data: &[u8]) -> Option<Vec<u8>> {
    whole(TEXT, data)
}

/// Pixels as a zlib stream.
pub fn pixels(data: &[u8]) -> Option<Vec<u8>> {
    whole(PIXELS, data)
}

/// `data`, all at hand, as a zlib stream at `level`.
fn whole(level: Compression, data: &[u8]) -> Option<Vec<u8>> {
    let mut stream = Stream::new(level);
    stream.write(data);
    stream.finish()
}

/// Pixels given piece by piece as a zlib stream: `produce` hands each piece to the
/// function it is given. Its error, if any, is returned as it is; `Ok(None)` if
/// the compressor failed, which from memory to memory it does not.
pub fn pixels_from<E>(
    produce: impl FnOnce(&mut dyn FnMut(&[u8])) -> Result<(), E>,
) -> Result<Option<Vec<u8>>, E> {
    let mut stream = Stream::pixels();
    produce(&mut |piece: &[u8]| stream.write(piece))?;
    Ok(stream.finish())
}

/// A zlib stream being written, each piece compressed as it comes. Its compressor
/// goes back to the thread's when it is finished or dropped.
pub struct Stream {
    /// The compressor, taken from the thread's; `None` only once given back.
    z: Option<Compress>,
    /// The compressed bytes so far.
    out: Vec<u8>,
    /// Whether the compressor has failed.
    failed: bool,
}

impl Stream {
    /// A stream of pixels.
    pub fn pixels() -> Stream {
        Stream::new(PIXELS)
    }

    /// A stream at `level`, with one of this thread's compressors, reset, if it
    /// has one to spare.
    fn new(level: Compression) -> Stream {
        let kept = COMPRESSORS
            .try_with(|c| c.borrow_mut().pop())
            .ok()
            .flatten();
        let z = kept
            .and_then(|mut z| {
                z.reset();
                z.set_level(level).ok().map(|_| z)
            })
            .unwrap_or_else(|| Compress::new(level, true));
        Stream {
            z: Some(z),
            out: Vec::new(),
            failed: false,
        }
    }

    /// Compress the next piece.
    pub fn write(&mut self, piece: &[u8]) {
        if let (Some(z), false) = (&mut self.z, self.failed) {
            self.failed = !feed(z, piece, &mut self.out, FlushCompress::None);
        }
    }

    /// The whole stream; `None` if the compressor failed.
    pub fn finish(mut self) -> Option<Vec<u8>> {
        let z = self.z.as_mut()?;
        let done = !self.failed && feed(z, &[], &mut self.out, FlushCompress::Finish);
        done.then(|| std::mem::take(&mut self.out))
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        if let Some(z) = self.z.take() {
            // Not kept if the thread is ending and its compressors are gone.
            let _ = COMPRESSORS.try_with(|c| {
                let mut c = c.borrow_mut();
                if c.len() < SPARE {
                    c.push(z);
                }
            });
        }
    }
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
        // Two streams written at once, as a logo's colour and mask are, each as
        // if written alone; the thread keeps both compressors, and no more.
        let (mut a, mut b) = (super::Stream::pixels(), super::Stream::pixels());
        for piece in data.chunks(777) {
            a.write(piece);
            b.write(&piece[..piece.len() / 2]);
        }
        let half: Vec<u8> = data
            .chunks(777)
            .flat_map(|p| &p[..p.len() / 2])
            .copied()
            .collect();
        assert_eq!(a.finish(), super::pixels(&data));
        assert_eq!(b.finish(), super::pixels(&half));
        let _third = super::Stream::pixels();
        drop([
            super::Stream::pixels(),
            super::Stream::pixels(),
            super::Stream::pixels(),
        ]);
        assert_eq!(super::COMPRESSORS.with_borrow(Vec::len), super::SPARE);
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

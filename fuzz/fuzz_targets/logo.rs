//! Fuzz the logo reader (PNG and JPEG headers and segments, PNG rows kept as they
//! are, split or decoded a row at a time, palette rows kept as indices): any bytes
//! give an image whose stored rows are whole, or a diagnostic.
#![no_main]

use std::io::Read;

use leaflet::image::{decode, ImageData, MAX_SIDE_PX};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match decode(data.to_vec()) {
        Err(e) => assert!(!e.0.is_empty(), "an error without a diagnostic"),
        Ok(image) => {
            assert!(image.width <= MAX_SIDE_PX && image.height <= MAX_SIDE_PX);
            // What the PDF's reader will inflate: one filter byte and the samples
            // of each row, exactly.
            let rows = |packed: &[u8]| {
                let mut out = Vec::new();
                flate2::read::ZlibDecoder::new(packed)
                    .read_to_end(&mut out)
                    .expect("a whole zlib stream");
                out
            };
            let (w, h) = (image.width as usize, image.height as usize);
            match &image.data {
                ImageData::Pixels {
                    colour,
                    grey,
                    alpha,
                } => {
                    let samples = if *grey { 1 } else { 3 };
                    assert_eq!(rows(colour).len(), h * (1 + w * samples));
                    if let Some(alpha) = alpha {
                        assert_eq!(rows(alpha).len(), h * (1 + w));
                    }
                }
                ImageData::Indexed {
                    rows: indices,
                    palette,
                    depth,
                    alpha,
                } => {
                    assert!(matches!(depth, 1 | 2 | 4 | 8));
                    assert_eq!(palette.len(), 3 << depth);
                    let bits = w * usize::from(*depth);
                    assert_eq!(rows(indices).len(), h * (1 + bits.div_ceil(8)));
                    if let Some(alpha) = alpha {
                        assert_eq!(rows(alpha).len(), h * (1 + w));
                    }
                }
                ImageData::Jpeg { .. } => {}
            }
        }
    }
});

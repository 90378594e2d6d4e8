//! Pictures: each distinct image embedded once as an `/XObject /Image`
//! (ISO 32000-1, 8.9.5): a JPEG as it is (`/DCTDecode`), other pixels as deflated
//! PNG rows (`/Predictor 15`), a palette PNG's indices in an `/Indexed` colour space
//! (8.6.6.3), transparency as an `/SMask`.

use std::sync::Arc;

use crate::image::{Image, ImageData};
use crate::pages::{Item, Page};

use super::objects::{name, Dict, Obj, Objects, Packing, Ref};

/// A picture as embedded: the image it shows and its XObject's resource name.
pub struct Picture<'a> {
    image: &'a Arc<Image>,
    /// The name content streams draw it by (`Im1`).
    pub resource: String,
}

/// The embedded picture that shows `image`, if it was embedded.
pub fn find<'p>(pictures: &'p [Picture<'_>], image: &Arc<Image>) -> Option<&'p Picture<'p>> {
    pictures.iter().find(|p| Arc::ptr_eq(p.image, image))
}

/// Embed each distinct picture the pages show once, however often it is placed;
/// returns them and the `/XObject` resources.
pub fn embed_all<'a>(objects: &mut Objects, pages: &'a [Page]) -> (Vec<Picture<'a>>, Dict) {
    let mut pictures: Vec<Picture<'a>> = Vec::new();
    let mut resources = Dict::new();
    for item in pages.iter().flat_map(|p| &p.items) {
        let Item::Image(b) = item else { continue };
        if find(&pictures, &b.image).is_some() {
            continue;
        }
        let resource = format!("Im{}", pictures.len() + 1);
        resources.set(resource.clone(), embed(objects, &b.image));
        pictures.push(Picture {
            image: &b.image,
            resource,
        });
    }
    (pictures, resources)
}

/// Add one image (and its mask first, if it has one).
fn embed(objects: &mut Objects, image: &Image) -> Ref {
    match &image.data {
        ImageData::Jpeg { bytes, components } => {
            let space = if *components == 1 {
                "DeviceGray"
            } else {
                "DeviceRGB"
            };
            let dict = image_dict(image, name(space), 8, "DCTDecode");
            objects.stream(dict, bytes.clone(), Packing::AsIs)
        }
        ImageData::Indexed {
            rows,
            palette,
            depth,
            alpha,
        } => {
            let hival = (palette.len() / 3).saturating_sub(1) as i64;
            let space = Obj::Array(vec![
                name("Indexed"),
                name("DeviceRGB"),
                Obj::Int(hival),
                Obj::Bytes(palette.clone()),
            ]);
            let mut dict = png_rows_dict(image, space, 1, i64::from(*depth));
            if let Some(alpha) = alpha {
                let mask = png_rows_dict(image, name("DeviceGray"), 1, 8);
                dict.set("SMask", objects.stream(mask, alpha.clone(), Packing::AsIs));
            }
            objects.stream(dict, rows.clone(), Packing::AsIs)
        }
        ImageData::Pixels {
            colour,
            grey,
            alpha,
        } => {
            let space = if *grey { "DeviceGray" } else { "DeviceRGB" };
            let mut dict = png_rows_dict(image, name(space), if *grey { 1 } else { 3 }, 8);
            if let Some(alpha) = alpha {
                let mask = png_rows_dict(image, name("DeviceGray"), 1, 8);
                dict.set("SMask", objects.stream(mask, alpha.clone(), Packing::AsIs));
            }
            objects.stream(dict, colour.clone(), Packing::AsIs)
        }
    }
}

/// An image XObject's dictionary (`/Subtype /Image`, size, colour space, bits a
/// sample, filter).
fn image_dict(image: &Image, space: Obj, bits: i64, filter: &str) -> Dict {
    Dict::from([
        ("Type", name("XObject")),
        ("Subtype", name("Image")),
        ("Width", Obj::Int(i64::from(image.width))),
        ("Height", Obj::Int(i64::from(image.height))),
        ("ColorSpace", space),
        ("BitsPerComponent", Obj::Int(bits)),
        ("Filter", name(filter)),
    ])
}

/// The dictionary of an image whose samples are deflated PNG rows (`/Predictor 15`)
/// of `colours` samples a pixel, `bits` bits a sample.
fn png_rows_dict(image: &Image, space: Obj, colours: i64, bits: i64) -> Dict {
    image_dict(image, space, bits, "FlateDecode").with(
        "DecodeParms",
        Dict::from([
            ("Predictor", Obj::Int(15)),
            ("Colors", Obj::Int(colours)),
            ("BitsPerComponent", Obj::Int(bits)),
            ("Columns", Obj::Int(i64::from(image.width))),
        ]),
    )
}

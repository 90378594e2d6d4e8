//! Pictures: each distinct image embedded once as an `/XObject /Image`
//! (ISO 32000-1, 8.9.5): a JPEG as it is (`/DCTDecode`), other pixels as deflated
//! PNG rows (`/Predictor 15`), transparency as an `/SMask`.

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
            let dict = image_dict(image, space, "DCTDecode");
            objects.stream(dict, bytes.clone(), Packing::AsIs)
        }
        ImageData::Pixels {
            colour,
            grey,
            alpha,
        } => {
            let space = if *grey { "DeviceGray" } else { "DeviceRGB" };
            let mut dict = png_rows_dict(image, space, if *grey { 1 } else { 3 });
            if let Some(alpha) = alpha {
                let mask = png_rows_dict(image, "DeviceGray", 1);
                dict.set("SMask", objects.stream(mask, alpha.clone(), Packing::AsIs));
            }
            objects.stream(dict, colour.clone(), Packing::AsIs)
        }
    }
}

/// An image XObject's dictionary (`/Subtype /Image`, size, colour space, filter).
fn image_dict(image: &Image, space: &str, filter: &str) -> Dict {
    Dict::from([
        ("Type", name("XObject")),
        ("Subtype", name("Image")),
        ("Width", Obj::Int(i64::from(image.width))),
        ("Height", Obj::Int(i64::from(image.height))),
        ("ColorSpace", name(space)),
        ("BitsPerComponent", Obj::Int(8)),
        ("Filter", name(filter)),
    ])
}

/// The dictionary of an image whose samples are deflated PNG rows (`/Predictor 15`).
fn png_rows_dict(image: &Image, space: &str, colours: i64) -> Dict {
    image_dict(image, space, "FlateDecode").with(
        "DecodeParms",
        Dict::from([
            ("Predictor", Obj::Int(15)),
            ("Colors", Obj::Int(colours)),
            ("BitsPerComponent", Obj::Int(8)),
            ("Columns", Obj::Int(i64::from(image.width))),
        ]),
    )
}

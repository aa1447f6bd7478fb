//! Every uploaded image is decoded and encoded again before it is kept:
//! what is served is pixels Pebble wrote, with no metadata (a phone's
//! photo carries its GPS position in EXIF), no trailing bytes and no
//! chunk a browser might misread. Its size is read from the header
//! first, and anything beyond [`MAX_SIDE`] pixels a side is refused
//! before a pixel is decoded: a PNG of a few hundred kilobytes can claim
//! 20000 × 20000 pixels, 1.6 GB once decoded on a phone.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::domain::{FieldError, Problem};

/// The most pixels an image may have on either side.
pub const MAX_SIDE: u32 = 4096;

/// JPEG quality for photographs: visually lossless for a proposal's
/// picture, and about a tenth of a PNG's size.
const JPEG_QUALITY: u8 = 85;

/// An image as Pebble keeps it.
#[derive(Debug)]
pub struct Reencoded {
    /// `image/png` or `image/jpeg`.
    pub media: &'static str,
    /// The encoded bytes.
    pub bytes: Vec<u8>,
}

fn field(problem: Problem) -> FieldError {
    FieldError::new("image", problem)
}

/// Decodes `bytes` (a PNG, JPEG or WebP, as sniffed before), upright
/// by its EXIF orientation, and encodes it again: PNG when it has
/// transparency, JPEG otherwise.
pub fn reencode(bytes: &[u8]) -> Result<Reencoded, FieldError> {
    let reader = || {
        ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|_| field(Problem::NotAnImage))
    };
    let (width, height) = reader()?
        .into_dimensions()
        .map_err(|_| field(Problem::NotAnImage))?;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(field(Problem::ImageDimensions {
            width,
            height,
            max: MAX_SIDE,
        }));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    // Four bytes a pixel at the largest size, and room for the decoder.
    limits.max_alloc = Some(u64::from(MAX_SIDE) * u64::from(MAX_SIDE) * 4 * 2);
    let mut reader = reader()?;
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|_| field(Problem::NotAnImage))?;
    let orientation = decoder.orientation().ok();
    let mut picture =
        DynamicImage::from_decoder(decoder).map_err(|_| field(Problem::NotAnImage))?;
    if let Some(orientation) = orientation {
        picture.apply_orientation(orientation);
    }
    let mut out = Cursor::new(Vec::new());
    let media = if picture.color().has_alpha() {
        picture
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|_| field(Problem::NotAnImage))?;
        "image/png"
    } else {
        let rgb = DynamicImage::ImageRgb8(picture.to_rgb8());
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
        rgb.write_with_encoder(encoder)
            .map_err(|_| field(Problem::NotAnImage))?;
        "image/jpeg"
    };
    Ok(Reencoded {
        media,
        bytes: out.into_inner(),
    })
}

/// [`reencode`] off the async workers: decoding a large photograph takes
/// a good part of a second.
pub async fn reencode_off_workers(bytes: Vec<u8>) -> Result<Reencoded, FieldError> {
    match tokio::task::spawn_blocking(move || reencode(&bytes)).await {
        Ok(result) => result,
        Err(_) => Err(field(Problem::NotAnImage)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(picture: &DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        picture.write_to(&mut out, format).expect("encode");
        out.into_inner()
    }

    #[test]
    fn a_photo_comes_back_as_a_jpeg_of_the_same_size() {
        let photo = DynamicImage::ImageRgb8(image::RgbImage::from_fn(40, 30, |x, y| {
            image::Rgb([x as u8 * 6, y as u8 * 8, 90])
        }));
        let kept = reencode(&encoded(&photo, ImageFormat::Png)).expect("kept");
        assert_eq!(kept.media, "image/jpeg");
        let back = image::load_from_memory(&kept.bytes).expect("decodes");
        assert_eq!((back.width(), back.height()), (40, 30));
    }

    #[test]
    fn transparency_is_kept_as_png() {
        let drawing = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
            5,
            5,
            image::Rgba([255, 0, 0, 128]),
        ));
        let kept = reencode(&encoded(&drawing, ImageFormat::Png)).expect("kept");
        assert_eq!(kept.media, "image/png");
    }

    #[test]
    fn metadata_after_the_jpeg_header_is_gone() {
        let photo =
            DynamicImage::ImageRgb8(image::RgbImage::from_pixel(8, 8, image::Rgb([1, 2, 3])));
        let plain = encoded(&photo, ImageFormat::Jpeg);
        // An APP1 EXIF segment right after the start-of-image marker.
        let payload = b"Exif\0\0MM\0*GPSLatitude 51.5074 N";
        let mut tagged = plain[..2].to_vec();
        tagged.extend_from_slice(&[0xff, 0xe1]);
        tagged.extend_from_slice(
            &u16::try_from(payload.len() + 2)
                .expect("short")
                .to_be_bytes(),
        );
        tagged.extend_from_slice(payload);
        tagged.extend_from_slice(&plain[2..]);
        let kept = reencode(&tagged).expect("kept");
        let found = |needle: &[u8]| kept.bytes.windows(needle.len()).any(|w| w == needle);
        assert!(!found(b"Exif") && !found(b"GPS"));
    }

    #[test]
    fn a_huge_image_is_refused_from_its_header_alone() {
        // A PNG that claims 20000 × 20000 pixels and holds none.
        let mut chunk = b"IHDR".to_vec();
        chunk.extend_from_slice(&20_000u32.to_be_bytes());
        chunk.extend_from_slice(&20_000u32.to_be_bytes());
        chunk.extend_from_slice(&[1, 0, 0, 0, 0]);
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0d".to_vec();
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc32(&chunk).to_be_bytes());
        // The header is read up to the first pixel data, which is left
        // unfinished.
        let idat = b"IDAT\x78\x9c";
        png.extend_from_slice(&2u32.to_be_bytes());
        png.extend_from_slice(idat);
        png.extend_from_slice(&crc32(idat).to_be_bytes());
        match reencode(&png).map_err(|e| e.problem) {
            Err(Some(Problem::ImageDimensions { width, height, max })) => {
                assert_eq!((width, height, max), (20_000, 20_000, MAX_SIDE));
            }
            other => panic!("{other:?}"),
        }
    }

    /// CRC-32 as PNG chunks use it (ISO 3309; PNG spec §5.5), bit by bit.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn garbage_after_a_valid_signature_is_not_an_image() {
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend_from_slice(&[7; 64]);
        assert!(matches!(
            reencode(&bytes).map_err(|e| e.problem),
            Err(Some(Problem::NotAnImage))
        ));
    }
}

//! A proposal's image as uploaded: its type is
//! read from its bytes, never from the name or the browser's claim, and
//! only photographs and drawings browsers show safely are taken (no SVG,
//! which can carry script).

use crate::fields::{FieldError, Label, Problem, text};

/// Largest image: 2 MiB.
pub const IMAGE_MAX_BYTES: usize = 2 * 1024 * 1024;
/// Longest alt text.
pub const IMAGE_DESCRIPTION_MAX: usize = 200;
/// What the file input accepts.
pub const IMAGE_ACCEPT: &str = "image/png,image/jpeg,image/webp";

/// The image types Pebble stores, by their leading bytes.
const SIGNATURES: [(&[u8], usize, &str); 3] = [
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"WEBP", 8, "image/webp"),
];

/// The media type of `bytes` if they are a PNG, JPEG or WebP image; the
/// WebP check also needs the `RIFF` container at the start.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES.iter().find_map(|(magic, at, media)| {
        let matches = bytes.get(*at..*at + magic.len()) == Some(*magic)
            && (*media != "image/webp" || bytes.starts_with(b"RIFF"));
        matches.then_some(*media)
    })
}

/// Checks an upload: present, small enough, an image type we take.
pub fn check(bytes: &[u8], total_len: usize) -> Result<&'static str, FieldError> {
    let fail = |problem: Problem| Err(FieldError::new("image", problem));
    if total_len == 0 {
        return fail(Problem::NoImage);
    }
    if total_len > IMAGE_MAX_BYTES {
        return fail(Problem::ImageTooBig {
            tenths_of_mb: tenths_of_mb(total_len),
        });
    }
    match sniff(bytes) {
        Some(media) => Ok(media),
        None => fail(Problem::NotAnImage),
    }
}

/// Size in tenths of a megabyte, rounded (no float maths).
fn tenths_of_mb(len: usize) -> usize {
    const MB: usize = 1024 * 1024;
    len.saturating_mul(10).saturating_add(MB / 2) / MB
}

/// Parses the alt text.
pub fn description(raw: &str) -> Result<String, FieldError> {
    text(
        "description",
        Label::ImageDescription,
        raw,
        IMAGE_DESCRIPTION_MAX,
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_jpeg_and_webp_are_recognised_by_their_bytes() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n rest"), Some("image/png"));
        assert_eq!(sniff(b"\xff\xd8\xff\xe0 rest"), Some("image/jpeg"));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(
            sniff(b"RIFF\x10\0\0\0WAVEfmt "),
            None,
            "audio is not an image"
        );
        assert_eq!(sniff(b"<svg xmlns="), None, "SVG can carry script");
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn an_upload_that_is_empty_too_big_or_not_an_image_says_which() {
        let png = b"\x89PNG\r\n\x1a\n";
        assert_eq!(check(png, png.len()), Ok("image/png"));
        assert!(check(b"", 0).expect_err("empty").message.contains("Choose"));
        let big = check(png, 3_565_158).expect_err("too big").message;
        assert!(big.contains("3.4 MB") && big.contains("2 MB"), "{big}");
        assert!(check(png, IMAGE_MAX_BYTES).is_ok(), "2 MB exactly is fine");
        assert!(
            check(b"hello", 5)
                .expect_err("text")
                .message
                .contains("not a PNG")
        );
    }
}

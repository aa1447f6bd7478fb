//! A proposal's image: the author uploads a PNG, JPEG or WebP of
//! at most 2 MB and 4096 pixels a side during ideas; anything else is
//! refused with a message and nothing stored; what is served is the image
//! decoded and encoded again, without its metadata.

use reqwest::multipart::{Form, Part};

use crate::helpers::{As, TestApp};

crate::on_both_engines!(phase Ideas:
    the_author_uploads_an_image_that_the_page_shows_and_the_server_serves,
    bad_uploads_are_refused_with_a_message_and_nothing_stored,
    a_plain_form_upload_goes_back_to_the_page_with_or_without_an_error,
);
crate::on_both_engines!(a_hidden_proposals_image_is_not_served);

/// A one-pixel transparent PNG with correct checksums (written with
/// Python's zlib; the often-quoted "smallest PNG" has a wrong IDAT CRC,
/// which browsers forgive and a strict decoder does not).
pub const PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x60, 0x00, 0x02, 0x00,
    0x00, 0x05, 0x00, 0x01, 0xe9, 0xfa, 0xdc, 0xd8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44,
    0xae, 0x42, 0x60, 0x82,
];

pub fn upload_form(proposal: &str, file: Vec<u8>, name: &str, description: &str) -> Form {
    Form::new()
        .text("proposal_id", proposal.to_owned())
        .part(
            "image",
            Part::bytes(file)
                .file_name(name.to_owned())
                .mime_str("image/png")
                .expect("mime"),
        )
        .text("description", description.to_owned())
}

async fn image_of(app: &TestApp, proposal: &str) -> serde_json::Value {
    let (_, body) = app
        .call(&As::Anonymous, "/api/proposal", &[("id", proposal)])
        .await;
    serde_json::from_str::<serde_json::Value>(&body).expect("JSON")["image"].clone()
}

async fn the_author_uploads_an_image_that_the_page_shows_and_the_server_serves(app: TestApp) {
    let author = app.sign_in("maya.r").await;
    let form = upload_form(
        "1",
        PIXEL_PNG.to_vec(),
        "fountain.png",
        "A bottle filler by the gym",
    );
    let (status, body, _) = app.upload(&author, None, "/api/proposal-image", form).await;
    assert_eq!(status, 200, "{body}");
    let image = image_of(&app, "1").await;
    assert_eq!(image["description"], "A bottle filler by the gym");
    let url = image["url"].as_str().expect("an image address");
    assert!(url.starts_with("/proposals/1/image?v="), "{url}");

    let response = app
        .client
        .get(format!("{}{url}", app.address))
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status().as_u16(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        header("content-type"),
        "image/png",
        "transparency stays PNG"
    );
    assert_eq!(header("x-content-type-options"), "nosniff");
    let etag = header("etag");
    let served = response.bytes().await.expect("bytes");
    let pixel = image::load_from_memory(&served).expect("an image Pebble wrote");
    assert_eq!((pixel.width(), pixel.height()), (1, 1));
    let again = app
        .client
        .get(format!("{}{url}", app.address))
        .header("if-none-match", etag)
        .send()
        .await
        .expect("GET");
    assert_eq!(
        again.status().as_u16(),
        304,
        "unchanged images are not resent"
    );

    let (_, page) = app.get("/proposals/1").await;
    assert!(
        page.contains(r#"alt="A bottle filler by the gym""#),
        "the page shows it with its alt text"
    );
    let (_, home) = app.call(&As::Anonymous, "/api/home", &[]).await;
    let home: serde_json::Value = serde_json::from_str(&home).expect("JSON");
    let cards = home["cycle"]["proposals"].as_array().expect("cards");
    assert_eq!(
        cards[0]["image"]["url"], url,
        "the list links the same image"
    );
    assert!(cards[1]["image"].is_null(), "and only where there is one");
    let (_, list) = app.get("/").await;
    assert!(
        list.contains(r#"class="thumb""#) && list.contains(url),
        "the list shows a thumbnail"
    );

    let (status, body) = app
        .call(
            &author,
            "/api/remove-proposal-image",
            &[("proposal_id", "1")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(image_of(&app, "1").await.is_null());
    let (status, _) = app.get("/proposals/1/image").await;
    assert_eq!(status, 404);
}

async fn bad_uploads_are_refused_with_a_message_and_nothing_stored(app: TestApp) {
    let author = app.sign_in("maya.r").await;
    let other = app.sign_in("devon.t").await;
    let mut too_big = PIXEL_PNG.to_vec();
    too_big.resize(2 * 1024 * 1024 + 1, 0);
    let bomb = include_bytes!("fixtures/bomb-20000.png").to_vec();
    let mut trailing = PIXEL_PNG.to_vec();
    trailing.truncate(40);
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#.to_vec();
    let cases: Vec<(&As, Form, u16, &str)> = vec![
        (
            &author,
            upload_form("1", Vec::new(), "", "Nothing"),
            400,
            "Choose an image",
        ),
        (
            &author,
            upload_form("1", b"hello".to_vec(), "a.png", "Text"),
            400,
            "not a PNG",
        ),
        (
            &author,
            upload_form("1", svg, "a.svg", "Script"),
            400,
            "not a PNG",
        ),
        (
            &author,
            upload_form("1", bomb, "bomb.png", "Bomb"),
            400,
            "20000 × 20000 pixels; the limit is 4096 × 4096",
        ),
        (
            &author,
            upload_form("1", trailing, "cut.png", "Cut short"),
            400,
            "not a PNG",
        ),
        (
            &author,
            upload_form("1", too_big, "big.png", "Big"),
            400,
            "limit is 2 MB",
        ),
        (
            &author,
            upload_form("1", PIXEL_PNG.to_vec(), "a.png", " "),
            400,
            "description is required",
        ),
        (
            &author,
            upload_form("x", PIXEL_PNG.to_vec(), "a.png", "Pixel"),
            400,
            "not a proposal number",
        ),
        (
            &author,
            upload_form("99", PIXEL_PNG.to_vec(), "a.png", "Pixel"),
            404,
            "no proposal number 99",
        ),
        (
            &other,
            upload_form("1", PIXEL_PNG.to_vec(), "a.png", "Pixel"),
            403,
            "Only the author",
        ),
        (
            &As::Anonymous,
            upload_form("1", PIXEL_PNG.to_vec(), "a.png", "Pixel"),
            401,
            "sign in",
        ),
    ];
    for (who, form, status, message) in cases {
        let (got, body, _) = app.upload(who, None, "/api/proposal-image", form).await;
        assert_eq!(got, status, "{message}: {body}");
        assert!(body.contains(message), "{message}: {body}");
    }
    let (status, body) = announce_huge_upload(&app).await;
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("at most 2 MB"), "{body}");
    assert!(image_of(&app, "1").await.is_null(), "nothing was stored");
}

/// Sends only the head of a 9 MB upload, as a browser starts one, and
/// reads the answer the server gives without waiting for the body.
async fn announce_huge_upload(app: &TestApp) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.expect("connect");
    let head = format!(
        "POST /api/proposal-image HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        9 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).await.expect("send head");
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .await
        .expect("read answer");
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

async fn a_plain_form_upload_goes_back_to_the_page_with_or_without_an_error(app: TestApp) {
    let author = app.sign_in("maya.r").await;
    let form = upload_form("1", PIXEL_PNG.to_vec(), "a.png", "A pixel");
    let (status, _, location) = app
        .upload(&author, Some("/proposals/1"), "/api/proposal-image", form)
        .await;
    assert_eq!(status, 302);
    assert!(location.ends_with("/proposals/1"), "{location}");
    assert!(!location.contains("__err"), "{location}");
    assert!(!image_of(&app, "1").await.is_null());

    let form = upload_form("1", b"GIF89a".to_vec(), "a.gif", "A gif");
    let (status, _, location) = app
        .upload(&author, Some("/proposals/1"), "/api/proposal-image", form)
        .await;
    assert_eq!(status, 302);
    assert!(location.contains("__err="), "{location}");
    let path = location
        .split_once("127.0.0.1")
        .map_or("", |(_, rest)| rest);
    let path = path.split_once('/').map_or("", |(_, rest)| rest);
    let (_, page) = app.get_as(&author, &format!("/{path}")).await;
    assert!(
        page.contains("not a PNG, JPEG or WebP"),
        "the page shows why: {page}"
    );
}

async fn a_hidden_proposals_image_is_not_served(app: TestApp) {
    let db = app.database.open().await.expect("database");
    pebble_db::proposal_images::put(&db, 10, "image/png", PIXEL_PNG.to_vec(), "Hidden")
        .await
        .expect("store");
    pebble_db::proposal_images::put(&db, 1, "image/png", PIXEL_PNG.to_vec(), "Shown")
        .await
        .expect("store");
    let (status, _) = app.get("/proposals/10/image").await;
    assert_eq!(status, 404);
    let (status, _) = app.get("/proposals/1/image").await;
    assert_eq!(status, 200);
}

crate::on_both_engines!(phase Ideas: a_phone_photos_location_is_not_kept);

/// A photo as a phone writes it: a JPEG with an EXIF segment naming where
/// it was taken.
fn photo_with_location() -> Vec<u8> {
    let mut plain = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([
            u8::try_from(x * 3).unwrap_or(0),
            u8::try_from(y * 5).unwrap_or(0),
            120,
        ])
    }))
    .write_to(&mut plain, image::ImageFormat::Jpeg)
    .expect("encode");
    let plain = plain.into_inner();
    let payload = b"Exif\0\0MM\0*\0GPSLatitude 51 30 26.4 N GPSLongitude 0 7 39.9 W";
    let mut photo = plain[..2].to_vec();
    photo.extend_from_slice(&[0xff, 0xe1]);
    photo.extend_from_slice(
        &u16::try_from(payload.len() + 2)
            .expect("short")
            .to_be_bytes(),
    );
    photo.extend_from_slice(payload);
    photo.extend_from_slice(&plain[2..]);
    photo
}

async fn a_phone_photos_location_is_not_kept(app: TestApp) {
    let author = app.sign_in("maya.r").await;
    let photo = photo_with_location();
    let form = upload_form("1", photo.clone(), "IMG_0001.jpg", "The old water fountain");
    let (status, body, _) = app.upload(&author, None, "/api/proposal-image", form).await;
    assert_eq!(status, 200, "{body}");
    let url = image_of(&app, "1").await["url"]
        .as_str()
        .expect("an image")
        .to_owned();
    let response = app
        .client
        .get(format!("{}{url}", app.address))
        .send()
        .await
        .expect("GET");
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("image/jpeg")
    );
    let served = response.bytes().await.expect("bytes").to_vec();
    assert_ne!(served, photo);
    let holds = |needle: &[u8]| served.windows(needle.len()).any(|w| w == needle);
    assert!(!holds(b"Exif") && !holds(b"GPS"), "no metadata is served");
    let picture = image::load_from_memory(&served).expect("decodes");
    assert_eq!((picture.width(), picture.height()), (64, 48));
}

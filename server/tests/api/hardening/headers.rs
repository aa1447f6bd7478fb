//! Every page and route answers with the security headers, and a page's
//! inline scripts carry the nonce its policy names.

use pebble_domain::Phase;
use regex::Regex;

use crate::helpers::{As, TestApp, spawn_app_configured};

crate::on_both_engines!(phase Voting: every_page_and_route_answers_with_the_security_headers);

/// What a test asks of one answer's headers.
fn check(path: &str, headers: &reqwest::header::HeaderMap, body: &str) {
    let get = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let csp = get("content-security-policy");
    for part in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' 'nonce-",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(part), "{path}: {part} missing from {csp:?}");
    }
    assert_eq!(get("x-frame-options"), "DENY", "{path}");
    assert_eq!(get("x-content-type-options"), "nosniff", "{path}");
    let voting = path.starts_with("/vote") || path.starts_with("/receipt");
    let referrer = if voting { "no-referrer" } else { "same-origin" };
    assert_eq!(get("referrer-policy"), referrer, "{path}");
    assert_eq!(get("cache-control"), "no-store", "{path}");
    assert!(
        headers.get("strict-transport-security").is_none(),
        "{path}: plain HTTP"
    );
    // Every inline script of a page carries this answer's nonce.
    let nonce = Regex::new(r"'nonce-([A-Za-z0-9_-]+)'")
        .expect("pattern")
        .captures(&csp)
        .map(|c| c[1].to_owned())
        .expect("a nonce");
    let scripts = Regex::new(r"<script([^>]*)>").expect("pattern");
    for tag in scripts.captures_iter(body) {
        let attributes = &tag[1];
        if !attributes.contains("src=") {
            assert!(
                attributes.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: an inline script without the nonce: {attributes}"
            );
        }
    }
}

async fn every_page_and_route_answers_with_the_security_headers(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let pages = [
        "/",
        "/sign-in",
        "/join",
        "/account",
        "/admin",
        "/admin/cycles/1",
        "/proposals/1",
        "/vote",
        "/vote/ballot",
        "/receipt",
        "/cycles/1/results",
        "/cycles/2/results",
        "/committee/keys",
        "/committee/count?cycle=1",
        "/committee/paper?cycle=1",
        "/no/such/page",
        "/healthz",
        "/api/v1/cycles/1/manifest",
        "/api/v1/cycles/1/log/checkpoint",
        "/api/v1/cycles/1/record",
        "/api/v1/cycles/99/log/checkpoint",
        "/proposals/1/image",
    ];
    let mut nonces = Vec::new();
    for path in pages {
        let response = app
            .client
            .get(format!("{}{path}", app.address))
            .header(
                "cookie",
                match &admin {
                    As::Session(cookie) => cookie.as_str(),
                    As::Anonymous => "",
                },
            )
            .send()
            .await
            .expect("GET");
        let headers = response.headers().clone();
        let body = response.text().await.expect("body");
        check(path, &headers, &body);
        nonces.push(headers.get("content-security-policy").cloned());
    }
    nonces.dedup();
    assert_eq!(nonces.len(), pages.len(), "a fresh nonce on every answer");
    // Posts, refused or not, and the posted voting pages.
    for (path, body) in [
        ("/api/whoami", ""),
        ("/api/sign-in", "username=x&password=y"),
        ("/vote", "cycle=1&code=nope"),
    ] {
        let response = app
            .client
            .post(format!("{}{path}", app.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("POST");
        let headers = response.headers().clone();
        let text = response.text().await.expect("body");
        check(path, &headers, &text);
    }
}

crate::on_both_engines!(
    over_https_cookies_are_secure_links_come_from_the_public_url_and_hsts_is_sent
);

async fn over_https_cookies_are_secure_links_come_from_the_public_url_and_hsts_is_sent(
    plain: TestApp,
) {
    let engine = plain.engine();
    drop(plain);
    let app = spawn_app_configured(engine, Phase::Voting, None, |config| {
        config.public_url = Some("https://pb.riverside.example".parse().expect("url"));
    })
    .await;
    let response = app
        .client
        .post(format!("{}/api/sign-in", app.address))
        .header("accept", "application/json")
        .form(&[("username", "admin"), ("password", &app.password("admin"))])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response
            .headers()
            .get("strict-transport-security")
            .and_then(|v| v.to_str().ok()),
        Some("max-age=31536000")
    );
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("a cookie")
        .to_owned();
    assert!(cookie.starts_with("__Host-pebble_session="), "{cookie}");
    for attribute in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
    let admin = As::Session(cookie.split(';').next().expect("pair").to_owned());
    // Code cards link to the public URL whatever Host and Origin say.
    let response = app
        .client
        .post(format!("{}/api/issue-codes", app.address))
        .header("accept", "application/json")
        .header(
            "cookie",
            match &admin {
                As::Session(c) => c.as_str(),
                As::Anonymous => "",
            },
        )
        .header("host", "evil.example")
        .form(&[("cycle_id", "1"), ("group", "Grade 9"), ("count", "1")])
        .send()
        .await
        .expect("POST");
    let status = response.status().as_u16();
    let body = response.text().await.expect("body");
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("https://pb.riverside.example/vote?cycle=1#code="),
        "{body}"
    );
    assert!(!body.contains("evil.example"), "{body}");
}

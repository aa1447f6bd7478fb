//! English and Spanish (issue 4): the switch, the cookie, `lang`.

use crate::helpers::{As, TestApp};

crate::on_both_engines!(
    the_language_switch_sets_a_cookie_and_the_page_follows_it,
    the_browser_language_is_the_default,
);

async fn the_language_switch_sets_a_cookie_and_the_page_follows_it(app: TestApp) {
    let response = app
        .client
        .post(format!("{}/api/language", app.address))
        .header("accept", "text/html")
        .header("referer", format!("{}/proposals/1", app.address))
        .form(&[("lang", "es")])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status().as_u16(), 302);
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("a cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_owned();
    assert_eq!(cookie, "pebble_lang=es");
    let (_, html) = app.get_as(&As::Session(cookie), "/").await;
    assert!(html.contains(r#"<html lang="es""#));
    assert!(html.contains("Propuestas") && html.contains("Presupuesto"));
    let (status, body) = app
        .call(&As::Anonymous, "/api/language", &[("lang", "klingon")])
        .await;
    assert_eq!(status, 400, "{body}");
}

async fn the_browser_language_is_the_default(app: TestApp) {
    let response = app
        .client
        .get(format!("{}/", app.address))
        .header("accept-language", "es-MX,es;q=0.9,en;q=0.8")
        .send()
        .await
        .expect("GET");
    let html = response.text().await.expect("body");
    assert!(html.contains(r#"<html lang="es""#));
}

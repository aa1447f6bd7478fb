//! English and Spanish (issue 4): the switch, the cookie, `lang`.

use crate::helpers::{As, TestApp};

crate::on_both_engines!(
    the_language_switch_sets_a_cookie_and_the_page_follows_it,
    the_browser_language_is_the_default,
    refusals_and_form_errors_come_in_the_chosen_language,
);

async fn refusals_and_form_errors_come_in_the_chosen_language(app: TestApp) {
    let As::Session(session) = app.sign_in("parent.chen").await else {
        panic!("a session");
    };
    let spanish = As::Session(format!("{session}; pebble_lang=es"));
    let comment = |body: &'static str| [("proposal_id", "1"), ("body", body)];
    let (status, body) = app.call(&spanish, "/api/post-comment", &comment(" ")).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("Falta el comentario."), "{body}");
    let long: &'static str = "x".repeat(4_001).leak();
    let (_, body) = app
        .call(&spanish, "/api/post-comment", &comment(long))
        .await;
    assert!(
        body.contains("El comentario tiene 4001 caracteres; el límite es 4000."),
        "{body}"
    );
    let (_, body) = app
        .call(
            &spanish,
            "/api/post-comment",
            &[("proposal_id", "99"), ("body", "Hola")],
        )
        .await;
    assert!(
        body.contains("No hay ninguna propuesta con el número 99."),
        "{body}"
    );
    let (status, body) = app
        .call(
            &spanish,
            "/api/submit-proposal",
            &[
                ("cycle_id", "1"),
                ("title", "x"),
                ("summary", "x"),
                ("description", "x"),
                ("category", "x"),
                ("estimated_cost", "1"),
            ],
        )
        .await;
    assert_eq!(status, 403, "{body}");
    assert!(
        body.contains("Una cuenta de familia no puede hacer esto."),
        "{body}"
    );
    let visitor = As::Session("pebble_lang=es".to_owned());
    let (status, body) = app
        .call(&visitor, "/api/post-comment", &comment("Hola"))
        .await;
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("Primero inicia sesión."), "{body}");
    let (_, body) = app
        .call(&As::Anonymous, "/api/post-comment", &comment(" "))
        .await;
    assert!(
        body.contains("sign in first"),
        "English without a choice: {body}"
    );
    let join = |code: &'static str, password: &'static str| {
        [
            ("code", code),
            ("username", "nuevo.estudiante"),
            ("display_name", "Nuevo"),
            ("password", password),
        ]
    };
    let (status, body) = app
        .call(&visitor, "/api/join", &join("ABCD-EFGH", "corta"))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("La contraseña debe tener de"), "{body}");
    let (_, body) = app
        .call(
            &visitor,
            "/api/join",
            &join("ABCD-EFGH", "una contraseña larga"),
        )
        .await;
    assert!(body.contains("código de invitación no es válido"), "{body}");
    let (status, body) = app
        .call(
            &spanish,
            "/api/post-comment",
            &[("proposal_id", "uno"), ("body", "Hola")],
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("No se pudo leer el formulario"), "{body}");
}

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

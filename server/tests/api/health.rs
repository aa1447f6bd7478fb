use crate::helpers::TestApp;

crate::on_both_engines!(healthz_reports_ok_when_the_database_answers);

async fn healthz_reports_ok_when_the_database_answers(app: TestApp) {
    let (status, body) = app.get("/healthz").await;
    assert_eq!(status, 200);
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(json["status"], "ok");
    assert_eq!(json["database"], "ok");
}

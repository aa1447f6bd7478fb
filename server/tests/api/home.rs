use crate::helpers::TestApp;

const SEEDED_TITLES: [&str; 9] = [
    "Water bottle refill stations",
    "Outdoor seating in the courtyard",
    "Library graphic novel collection",
    "Robotics club starter kits",
    "Free period products in every restroom",
    "Courtyard vegetable garden",
    "Phone charging lockers",
    "Heated swimming pool cover",
    "New drinking fountains",
];

crate::on_both_engines!(
    home_page_renders_the_demo_cycle_and_every_proposal,
    home_page_sorted_by_cost_lists_the_cheapest_first,
    home_server_function_returns_the_cycle_as_json,
    unknown_pages_get_a_404_page,
    the_list_filters_by_category_status_and_text_from_the_address,
    a_page_that_cannot_be_shown_says_why_in_words_with_its_status,
);

fn position(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on the page"))
}

async fn home_page_renders_the_demo_cycle_and_every_proposal(app: TestApp) {
    let (status, html) = app.get("/").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("Riverside Student Budget 2027"));
    assert!(html.contains("Riverside High School"));
    assert!(html.contains("$10,000.00"));
    assert!(html.contains("Deliberation"));
    for title in SEEDED_TITLES {
        assert!(html.contains(title), "{title:?} missing from the home page");
    }
    // Submission order by default.
    assert!(position(&html, SEEDED_TITLES[0]) < position(&html, SEEDED_TITLES[7]));
    assert!(
        !html.contains("Free pizza"),
        "hidden proposals are not listed"
    );
    assert!(
        html.contains("/pkg/pebble.js"),
        "the hydration script is linked"
    );
}

async fn home_page_sorted_by_cost_lists_the_cheapest_first(app: TestApp) {
    let (status, html) = app.get("/?sort=cost").await;
    assert_eq!(status, 200);
    let library = position(&html, "Library graphic novel collection"); // 1,500.00
    let period = position(&html, "Free period products in every restroom"); // 1,800.00
    let water = position(&html, "Water bottle refill stations"); // 2,800.00
    let pool = position(&html, "Heated swimming pool cover"); // 14,500.00
    assert!(library < period && period < water && water < pool);
}

async fn home_server_function_returns_the_cycle_as_json(app: TestApp) {
    let (status, body) = app.post_form("/api/home", "").await;
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let cycle = &json["cycle"];
    assert_eq!(cycle["budget"], 1_000_000);
    assert_eq!(cycle["currency"], "USD");
    assert_eq!(cycle["phase"], "deliberation");
    let proposals = cycle["proposals"].as_array().expect("a list");
    let titles: Vec<&str> = proposals
        .iter()
        .filter_map(|p| p["title"].as_str())
        .collect();
    assert_eq!(titles, SEEDED_TITLES);
    assert_eq!(proposals[0]["comments"], 2);
    assert_eq!(proposals[0]["author"], "Maya R.");
    assert_eq!(proposals[7]["status"], "not_feasible");
}

async fn unknown_pages_get_a_404_page(app: TestApp) {
    let (status, html) = app.get("/no/such/page").await;
    assert_eq!(status, 404);
    assert!(html.contains("Page not found"));
}

async fn the_list_filters_by_category_status_and_text_from_the_address(app: TestApp) {
    let titles = |html: &str| {
        SEEDED_TITLES
            .iter()
            .filter(|t| html.contains(&format!(">{t}<")))
            .copied()
            .collect::<Vec<_>>()
    };
    let (_, html) = app.get("/?status=not-feasible").await;
    assert_eq!(titles(&html), ["Heated swimming pool cover"]);
    let (_, html) = app.get("/?category=Spaces&q=LOCKERS").await;
    assert_eq!(titles(&html), ["Phone charging lockers"]);
    let (_, html) = app.get("/?q=nothing%20like%20this").await;
    assert!(html.contains("No proposals match these filters."));
    let (_, html) = app.get("/?status=bogus&category=").await;
    assert_eq!(
        titles(&html).len(),
        SEEDED_TITLES.len(),
        "unknown values filter nothing"
    );
}

async fn a_page_that_cannot_be_shown_says_why_in_words_with_its_status(app: TestApp) {
    let cases = [
        ("/proposals/abc", 404, "abc' is not a proposal number."),
        ("/proposals/99999999999", 404, "is not a proposal number."),
        ("/proposals/999", 404, "There is no proposal number 999."),
        // Proposal 10 is the demo's hidden one: not there for visitors.
        ("/proposals/10", 404, "There is no proposal number 10."),
        (
            "/admin/cycles/abc",
            200,
            "Only an admin can manage the cycle.",
        ),
    ];
    for (path, status, words) in cases {
        let (got, html) = app.get(path).await;
        assert_eq!(got, status, "{path}");
        assert!(html.contains(words), "{path}: {html}");
        assert!(!html.contains("ServerError"), "{path}: no wire format");
        assert!(!html.contains("{\"status\""), "{path}: no JSON");
    }
}

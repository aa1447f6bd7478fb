//! Voter codes from the admin page: new codes for a roster group of a
//! cycle, shown once (only their digests are kept).

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One card of the printable code sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeCard {
    /// The code, as voters type it (three groups of six).
    pub code: String,
    /// The address that opens the ballot with the code filled in.
    pub link: String,
    /// That address as a QR code: an SVG image as a `data:` address.
    pub qr: String,
}

/// Codes just issued, to show once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCodes {
    /// The cycle.
    pub cycle_id: i32,
    /// The cycle's name, for the cards.
    pub cycle_name: String,
    /// The group's name.
    pub group: String,
    /// Where voters vote (`https://school.example/vote`).
    pub vote_address: String,
    /// The codes' cards.
    pub cards: Vec<CodeCard>,
    /// Codes the group holds in all, these included.
    pub in_group: u64,
}

/// The site's public address (`PEBBLE_PUBLIC_URL`), for links printed
/// on cards: never the request's `Host` or `Origin`, which whoever sends
/// the request chooses.
#[cfg(feature = "ssr")]
fn site_address() -> String {
    crate::site::SiteSettings::current().public_url.origin()
}

/// The card of `code` for cycle `cycle`, its QR code made on the server.
#[cfg(feature = "ssr")]
fn card(site: &str, cycle: i32, code: &pebble_domain::VoterCode) -> CodeCard {
    // The code goes in the fragment, which the browser never sends: no
    // server, proxy or log sees it; the page takes it from there.
    let link = format!("{site}/vote?cycle={cycle}#code={code}");
    let svg = qrcode::QrCode::with_error_correction_level(link.as_bytes(), qrcode::EcLevel::M)
        .map(|qr| {
            qr.render::<qrcode::render::svg::Color>()
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default();
    // The XML declaration is not needed in a data: image.
    let svg = svg.split_once("?>").map_or(svg.as_str(), |(_, rest)| rest);
    let mut qr = String::from("data:image/svg+xml,");
    for byte in svg.bytes() {
        if byte.is_ascii_alphanumeric() || b" -_.~=/:".contains(&byte) {
            qr.push(char::from(byte));
        } else {
            qr.push_str(&format!("%{byte:02X}"));
        }
    }
    CodeCard {
        code: code.to_string(),
        link,
        qr,
    }
}

/// An admin issues `count` new codes for `group` of cycle `cycle_id`.
#[server(prefix = "/api", endpoint = "issue-codes")]
pub async fn issue_codes(
    cycle_id: i32,
    group: String,
    count: String,
) -> Result<IssuedCodes, AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_input, database, not_found, refuse, words};
    use crate::domain::Action;
    use pebble_db::codes::{MAX_COUNT, Refusal};
    require(Action::IssueCodes).await?;
    let group: pebble_domain::voter_code::GroupName = group.parse().map_err(bad_input)?;
    let count: u32 = count
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=MAX_COUNT).contains(n))
        .ok_or_else(|| {
            bad_input(format!(
                "The number of codes is a whole number from 1 to {MAX_COUNT}."
            ))
        })?;
    let db = database()?;
    let cycle = crate::api::backend::find_cycle(&db, cycle_id).await?;
    match pebble_db::codes::issue_new(&db, cycle_id, &group, count).await? {
        Ok((codes, issued)) => {
            let site = site_address();
            Ok(IssuedCodes {
                cycle_id,
                cycle_name: cycle.name,
                group: group.as_str().to_owned(),
                vote_address: format!("{site}/vote"),
                cards: codes
                    .iter()
                    .map(|code| card(&site, cycle_id, code))
                    .collect(),
                in_group: issued.in_group,
            })
        }
        Err(Refusal::NoCycle) => Err(not_found(crate::i18n::Thing::Cycle, cycle_id)),
        Err(Refusal::Closed(phase)) => Err(refuse(
            http::StatusCode::CONFLICT,
            words().refusal(Action::IssueCodes, phase),
        )),
    }
}

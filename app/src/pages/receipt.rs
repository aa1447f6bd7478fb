//! `/receipt`: check a receipt, a tracker code or a paper serial. With
//! JavaScript the voter's browser checks it (the island); without, the
//! form posts here and this server checks it and says so, with how to
//! check independently.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::receipts::receipt_cycles;
use crate::components::receipt_check::CheckedView;
use crate::i18n::{t, tv};
use crate::islands::ReceiptCheck;
use crate::pages::vote::posted::Posted;

/// `/receipt`.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let text = tv();
    let posted = Posted::read();
    let chosen: Option<i32> = posted
        .as_ref()
        .and_then(|p| p.get("cycle").and_then(|c| c.trim().parse().ok()))
        .or_else(|| {
            use_query_map()
                .get_untracked()
                .get_str("cycle")
                .and_then(|c| c.trim().parse().ok())
        });
    let typed = posted
        .as_ref()
        .and_then(|p| p.get("receipt").map(str::to_owned))
        .unwrap_or_default();
    let cycles = Resource::new(|| (), |_| receipt_cycles());
    let verifier = use_context::<crate::SiteAssets>()
        .unwrap_or_default()
        .receipt_check;
    let server_check = {
        let typed = typed.clone();
        let checking = posted.is_some();
        Resource::new(
            || (),
            move |_| {
                let typed = typed.clone();
                async move {
                    // Pages render on the server only (islands mode); the
                    // browser's check is the island's, whose future is not
                    // `Send` there.
                    #[cfg(feature = "ssr")]
                    if checking {
                        let here = crate::SiteAssets::default().receipt_check;
                        return Some(
                            crate::components::receipt_check::check(text, &here, &typed, chosen)
                                .await,
                        );
                    }
                    let _ = (checking, &typed, chosen);
                    None
                }
            },
        )
    };
    view! {
        <Title text=text.receipt_title />
        <Meta name="referrer" content="no-referrer" />
        <h1>{text.receipt_title}</h1>
        <p>{text.receipt_help}</p>
        <form id="vote-form" method="post" action="/receipt" class="stacked">
            <label for="receipt-cycle">{text.cycle_label}</label>
            <select id="receipt-cycle" name="cycle">
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        cycles.await.unwrap_or_default().into_iter().map(|(id, name)| view! {
                            <option value=id selected=Some(id) == chosen>{name}</option>
                        }).collect_view()
                    })}
                </Suspense>
            </select>
            <ReceiptCheck initial=typed form="vote-form".to_owned() verifier=verifier />
        </form>
        <Suspense fallback=move || view! { <p class="loading">{t().loading}</p> }>
            {move || Suspend::new(async move {
                server_check.await.map(|checked| view! {
                    <CheckedView checked by_server=true />
                    <p class="hint">{text.check_independently}</p>
                })
            })}
        </Suspense>
    }
}

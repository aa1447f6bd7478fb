//! `/vote/cast`: where a plain-form cast lands: "Your ballot is cast"
//! and the receipt.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::vote::receipt_at;
use crate::components::feedback::ErrorNotice;
use crate::components::receipt::ReceiptView;
use crate::error::AppError;
use crate::i18n::{t, tv};

/// `/vote/cast?cycle=&index=&size=&leaf=`.
#[component]
pub fn CastPage() -> impl IntoView {
    let text = tv();
    let query = use_query_map();
    let wanted = move || {
        query.with(|q| {
            let number = |name: &str| q.get_str(name).and_then(|v| v.parse::<u64>().ok());
            Some((
                q.get_str("cycle")?.parse::<i32>().ok()?,
                number("index")?,
                number("size")?,
                q.get("leaf")?,
            ))
        })
    };
    let receipt = Resource::new(wanted, move |wanted| async move {
        match wanted {
            Some((cycle, index, size, leaf)) => receipt_at(cycle, index, size, leaf).await,
            None => Err(AppError::new(
                http::StatusCode::NOT_FOUND,
                tv().receipt_unknown,
            )),
        }
    });
    view! {
        <Title text=text.cast_title />
        <h1>{text.vote_title}</h1>
        <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                {move || Suspend::new(async move {
                    let receipt = receipt.await?;
                    Ok::<_, AppError>(view! { <ReceiptView receipt /> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

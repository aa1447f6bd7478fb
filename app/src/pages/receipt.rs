//! `/receipt`: check a receipt in the browser. The address may name one
//! (`?cycle=&index=&size=&leaf=`, the receipt's "check" link), which
//! fills the field.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::i18n::tv;
use crate::islands::ReceiptCheck;

/// `/receipt`.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let text = tv();
    let query = use_query_map();
    let initial = query.with_untracked(|q| {
        let cycle = q.get_str("cycle")?.parse::<i32>().ok()?;
        let index = q.get_str("index")?.parse::<u64>().ok()?;
        let leaf = counting::merkle::from_hex(q.get_str("leaf")?)?;
        let size = q.get_str("size").and_then(|s| s.parse::<u64>().ok());
        let mut fields = serde_json::json!({
            "cycle": cycle,
            "index": index,
            "leaf_hash": counting::merkle::to_hex(&leaf),
        });
        if let Some(size) = size {
            fields["tree_size"] = size.into();
        }
        serde_json::to_string_pretty(&fields).ok()
    });
    view! {
        <Title text=text.receipt_title />
        <h1>{text.receipt_title}</h1>
        <p>{text.receipt_help}</p>
        <ReceiptCheck initial=initial.unwrap_or_default() />
    }
}

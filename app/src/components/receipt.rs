//! A receipt as the voter sees it after casting, on the ballot island
//! and on the page a plain-form cast lands on: printable, downloadable
//! as a small file, with a link to check it.

use leptos::prelude::*;

use crate::ballot_box::Receipt;
use crate::i18n::tv;
use crate::islands::browser::data_address;

/// The address of `/receipt` that checks `receipt` (the page takes the
/// receipt itself from the tab that cast it, or the voter pastes it).
pub fn check_address(receipt: &Receipt) -> String {
    format!("/receipt?cycle={}", receipt.cycle)
}

/// "Your ballot is cast" and the receipt.
#[component]
pub fn ReceiptView(
    /// The receipt the cast returned.
    receipt: Receipt,
) -> impl IntoView {
    let text = tv();
    let file = receipt.to_file();
    view! {
        <section class="receipt" aria-labelledby="receipt-heading">
            <h2 id="receipt-heading" class="cast-title">{text.cast_title}</h2>
            <p>{text.receipt_intro}</p>
            <dl class="receipt-fields">
                <dt>{text.tracker}</dt>
                <dd><code class="tracker">{receipt.tracker.clone()}</code></dd>
                <dt>{text.log_index}</dt>
                <dd><code class="log-index">{receipt.index}</code></dd>
                <dt>{text.leaf_hash}</dt>
                <dd><code class="hash">{receipt.leaf_hash.clone()}</code></dd>
                <dt>{text.checkpoint}</dt>
                <dd><pre class="note">{receipt.signed_note.clone()}</pre></dd>
            </dl>
            <p class="receipt-actions no-print">
                <a class="button" href=data_address(&file) download=receipt.file_name()>
                    {text.download_receipt}
                </a>
                " "
                <a class="button secondary" href=check_address(&receipt)>{text.check_receipt}</a>
            </p>
        </section>
    }
}

//! A receipt as the voter sees it after casting, on the ballot island
//! and on the page a plain-form cast lands on: printable, downloadable
//! as a small file, with a link to check it.

use leptos::prelude::*;

use crate::api::vote::Receipt;
use crate::i18n::tv;

/// The address of `/receipt` that checks `receipt`.
pub fn check_address(receipt: &Receipt) -> String {
    format!(
        "/receipt?cycle={}&index={}&size={}&leaf={}",
        receipt.cycle, receipt.index, receipt.tree_size, receipt.leaf_hash
    )
}

/// `text` as a `data:` address, for a download link that needs no
/// script.
fn data_address(text: &str) -> String {
    let mut address = String::from("data:application/json;charset=utf-8,");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            address.push(char::from(byte));
        } else {
            address.push_str(&format!("%{byte:02X}"));
        }
    }
    address
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_address_escapes_everything_but_unreserved_characters() {
        assert_eq!(
            data_address("{\"a\": 1}\n"),
            "data:application/json;charset=utf-8,%7B%22a%22%3A%201%7D%0A"
        );
    }
}

//! Every string a visitor sees, per language. Adding a language is adding
//! one file beside `en.rs` (a [`Strings`] value) and one arm in [`Lang`].

mod count;
mod en;
mod es;
mod messages;
mod paper;
mod results;
mod strings;
mod vote;
mod witness;

use leptos::prelude::*;

pub use count::{CountStrings, tc};
pub use messages::Thing;
pub use paper::{PaperStrings, tp};
pub use results::{ResultsStrings, tr};
pub use strings::Strings;
pub use vote::{Namer, VoteStrings, tv};
pub use witness::{WitnessStrings, tw};

/// The cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "pebble_lang";

/// A language the UI is offered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code, for the page's `lang` attribute and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The language a code names (`es`, `es-MX`, `EN`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The UI strings in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::Es => &es::STRINGS,
        }
    }
}

/// The language of this request: the cookie, else the browser's first
/// offered language we have, else English. In the browser, the one the
/// server rendered the page in.
pub fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| lang_of(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

/// The language a request with `headers` asks for: the cookie, else the
/// browser's most wanted language that we have, else English.
#[cfg(feature = "ssr")]
pub fn lang_of(headers: &http::HeaderMap) -> Lang {
    let cookie = crate::api::backend::cookies::cookie_in(headers, LANG_COOKIE)
        .and_then(|value| Lang::from_code(&value));
    // Highest quality first (RFC 9110 §12.5.4); q=0 means "not this one".
    let accepted = || {
        let offered = headers
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())?;
        accept_language::parse_with_quality(offered)
            .into_iter()
            .filter(|(_, quality)| *quality > 0.0)
            .find_map(|(tag, _)| Lang::from_code(&tag))
    };
    cookie.or_else(accepted).unwrap_or_default()
}

/// The page's language: provided by the app on the server; in an island
/// in the browser, the one the server rendered the page in.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(request_lang)
}

/// The page's strings.
pub fn t() -> &'static Strings {
    use_lang().strings()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_by_primary_subtag_case_blind() {
        assert_eq!(Lang::from_code("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn every_language_names_all_seven_phases_and_five_statuses() {
        for lang in Lang::ALL {
            let s = lang.strings();
            assert!(
                s.phases
                    .iter()
                    .chain(s.statuses.iter())
                    .all(|t| !t.is_empty())
            );
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_browser_s_most_wanted_language_wins_and_q0_is_never_chosen() {
        let asking = |accept: &str, cookie: Option<&str>| {
            let mut headers = http::HeaderMap::new();
            headers.insert(
                http::header::ACCEPT_LANGUAGE,
                accept.parse().expect("value"),
            );
            if let Some(cookie) = cookie {
                headers.insert(http::header::COOKIE, cookie.parse().expect("value"));
            }
            lang_of(&headers)
        };
        assert_eq!(asking("en;q=0.2, es-MX;q=0.9", None), Lang::Es);
        assert_eq!(asking("fr, es;q=0.5, en;q=0.4", None), Lang::Es);
        assert_eq!(asking("es;q=0, en;q=0.1", None), Lang::En);
        assert_eq!(
            asking("es;q=0", None),
            Lang::En,
            "the default, not the refused"
        );
        assert_eq!(
            asking("es", Some("pebble_lang=en")),
            Lang::En,
            "the choice beats the browser"
        );
    }
}

//! Passwords people choose: long enough (the domain's rule) and not
//! guessable, judged by zxcvbn's estimate of the guesses an attacker
//! would need (Wheeler, "zxcvbn: Low-Budget Password Strength
//! Estimation", USENIX Security 2016), which knows common passwords,
//! names, keyboard runs, dates and repeats, and the person's own
//! username and name.

use crate::domain::account::parse_password;
use crate::domain::{FieldError, Problem};

/// The least zxcvbn score accepted: 3 of 4, "safely unguessable" against
/// an online attack and a slow hash offline (about 10^8 guesses).
const LEAST_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

/// zxcvbn's work grows faster than the length; the first characters
/// decide whether a password is guessable, and a longer one passes on
/// length alone.
const JUDGED_CHARS: usize = 64;

/// `raw` as a password its holder may choose, given their own words
/// (username, display name), which it must not be made of.
pub fn chosen(raw: &str, own_words: &[&str]) -> Result<String, FieldError> {
    let password = parse_password(raw)?;
    let judged: String = password.chars().take(JUDGED_CHARS).collect();
    // "maya.r" and "Maya Rodriguez" are guessed by their parts too.
    let parts: Vec<&str> = own_words
        .iter()
        .flat_map(|word| std::iter::once(*word).chain(word.split(|c: char| !c.is_alphanumeric())))
        .filter(|part| part.chars().count() >= 3)
        .collect();
    if zxcvbn::zxcvbn(&judged, &parts).score() < LEAST_SCORE {
        return Err(FieldError::new("password", Problem::PasswordGuessable));
    }
    Ok(password)
}

/// [`chosen`] off the async workers: zxcvbn takes milliseconds on a long
/// password, and a sign-up page is open to anyone.
pub async fn chosen_off_workers(raw: String, own_words: Vec<String>) -> Result<String, FieldError> {
    let judge = move || {
        let words: Vec<&str> = own_words.iter().map(String::as_str).collect();
        chosen(&raw, &words)
    };
    match tokio::task::spawn_blocking(judge).await {
        Ok(result) => result,
        // The judging thread panicked: refuse rather than accept unjudged.
        Err(_) => Err(FieldError::new("password", Problem::PasswordGuessable)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_and_keyboard_runs_are_refused_though_long_enough() {
        for weak in [
            "0123456789",
            "password123",
            "qwertyuiop",
            "iloveyou12",
            "aaaaaaaaaaaa",
        ] {
            assert_eq!(
                chosen(weak, &[]).map_err(|e| e.problem),
                Err(Some(Problem::PasswordGuessable)),
                "{weak}"
            );
        }
    }

    #[test]
    fn a_password_made_of_the_persons_own_name_is_refused() {
        let own = ["xoli.z", "Xoli Zwanenburg"];
        for password in ["Zwanenburg2027", "xoli.zwanenburg"] {
            assert!(
                chosen(password, &[]).is_ok(),
                "strong for a stranger: {password}"
            );
            assert!(chosen(password, &own).is_err(), "weak for Xoli: {password}");
        }
    }

    #[test]
    fn unrelated_words_and_random_strings_pass() {
        for strong in [
            "correct horse battery staple",
            "tulip-gravel-oboe-41",
            "x7#Qm2!vLp9z",
        ] {
            assert!(chosen(strong, &[]).is_ok(), "{strong}");
        }
    }

    #[test]
    fn the_length_rule_still_comes_first() {
        assert!(matches!(
            chosen("Xq7!", &[]).map_err(|e| e.problem),
            Err(Some(Problem::PasswordLength { .. }))
        ));
    }
}

//! What people type, parsed once at the edge. Text is
//! kept as plain text and always rendered escaped.

use counting::Cents;

pub use crate::problem::{Label, Problem};

/// Longest title.
pub const TITLE_MAX: usize = 120;
/// Longest summary.
pub const SUMMARY_MAX: usize = 280;
/// Longest description.
pub const DESCRIPTION_MAX: usize = 10_000;
/// Longest category name.
pub const CATEGORY_MAX: usize = 40;
/// Longest comment.
pub const COMMENT_MAX: usize = 4_000;
/// Longest moderation or report reason.
pub const REASON_MAX: usize = 400;
/// The largest estimate a proposal may give: 10,000,000.00.
pub const COST_MAX: Cents = Cents::new(1_000_000_000);

/// A field that did not parse, with a message that says how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The form field's name.
    pub field: &'static str,
    /// What to change, in English.
    pub message: String,
    /// The same as data, for the messages students and families see in
    /// their language; `None` for admin-only fields (English only).
    pub problem: Option<Problem>,
}

impl FieldError {
    /// An error described by `problem`, with its English wording.
    pub fn new(field: &'static str, problem: Problem) -> FieldError {
        FieldError {
            field,
            message: problem.to_string(),
            problem: Some(problem),
        }
    }

    /// An error about an admin-only field, worded in English.
    pub fn english(field: &'static str, message: impl Into<String>) -> FieldError {
        FieldError {
            field,
            message: message.into(),
            problem: None,
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Trims `raw`, drops carriage returns, and checks it is present, short
/// enough and free of control characters (newlines allowed if `multiline`).
pub fn text(
    field: &'static str,
    label: Label,
    raw: &str,
    max: usize,
    multiline: bool,
) -> Result<String, FieldError> {
    let fail = |problem: Problem| Err(FieldError::new(field, problem));
    let value: String = raw.trim().chars().filter(|c| *c != '\r').collect();
    if value.is_empty() {
        return fail(Problem::Required(label));
    }
    let length = value.chars().count();
    if length > max {
        return fail(Problem::TooLong { label, length, max });
    }
    if value
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t')))
    {
        return fail(Problem::ControlCharacter(label));
    }
    Ok(value)
}

/// A proposal as a student writes it, checked: only
/// [`ProposalDraft::parse`] makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposalDraft {
    title: String,
    summary: String,
    description: String,
    category: String,
    estimated_cost: Cents,
}

impl ProposalDraft {
    /// Title, at most [`TITLE_MAX`] characters.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// One paragraph, at most [`SUMMARY_MAX`] characters.
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// Everything else, at most [`DESCRIPTION_MAX`] characters.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Category, at most [`CATEGORY_MAX`] characters.
    pub fn category(&self) -> &str {
        &self.category
    }

    /// The author's estimate: above zero, at most [`COST_MAX`].
    pub fn estimated_cost(&self) -> Cents {
        self.estimated_cost
    }

    /// Parses the proposal form's fields.
    pub fn parse(
        title: &str,
        summary: &str,
        description: &str,
        category: &str,
        estimated_cost: &str,
    ) -> Result<ProposalDraft, FieldError> {
        Ok(ProposalDraft {
            title: text("title", Label::Title, title, TITLE_MAX, false)?,
            summary: text("summary", Label::Summary, summary, SUMMARY_MAX, true)?,
            description: text(
                "description",
                Label::Description,
                description,
                DESCRIPTION_MAX,
                true,
            )?,
            category: text("category", Label::Category, category, CATEGORY_MAX, false)?,
            estimated_cost: cost("estimated_cost", Label::EstimatedCost, estimated_cost)?,
        })
    }
}

/// An amount of money typed into a form (`1250`, `1,250.50`).
pub fn cost(field: &'static str, label: Label, raw: &str) -> Result<Cents, FieldError> {
    let fail = |problem: Problem| Err(FieldError::new(field, problem));
    let raw = raw.trim();
    if raw.is_empty() {
        return fail(Problem::Required(label));
    }
    match raw.parse::<Cents>() {
        Ok(amount) if amount == Cents::ZERO => fail(Problem::NotPositive(label)),
        Ok(amount) if amount > COST_MAX => fail(Problem::AboveMax {
            label,
            max: COST_MAX,
        }),
        Ok(amount) => Ok(amount),
        Err(_) => fail(Problem::NotAnAmount {
            label,
            raw: raw.to_owned(),
        }),
    }
}

/// The text of a comment or reply: present, at most [`COMMENT_MAX`]
/// characters, no control characters but newlines and tabs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommentBody(String);

impl CommentBody {
    /// Parses the comment form's text.
    pub fn parse(raw: &str) -> Result<CommentBody, FieldError> {
        text("body", Label::Comment, raw, COMMENT_MAX, true).map(CommentBody)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A moderation or report reason: one line, at most [`REASON_MAX`]
/// characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason(String);

impl Reason {
    /// Parses a reason field.
    pub fn parse(raw: &str) -> Result<Reason, FieldError> {
        text("reason", Label::Reason, raw, REASON_MAX, false).map(Reason)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The public entropy entered at the certification meeting (dice rolls,
/// a lottery draw): one line of at most [`ENTROPY_MAX`] characters. It
/// goes into the tie-break seed exactly as kept here (trimmed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entropy(String);

/// Longest entropy.
pub const ENTROPY_MAX: usize = 200;

impl Entropy {
    /// Parses the entropy field.
    pub fn parse(raw: &str) -> Result<Entropy, FieldError> {
        text(
            "entropy",
            Label::Other("The public entropy"),
            raw,
            ENTROPY_MAX,
            false,
        )
        .map(Entropy)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The committee's public note on a proposal: at most [`NOTE_MAX`]
/// characters, newlines allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicNote(String);

/// Longest public note.
pub const NOTE_MAX: usize = SUMMARY_MAX * 4;

impl PublicNote {
    /// Parses the review form's note.
    pub fn parse(raw: &str) -> Result<PublicNote, FieldError> {
        text("note", Label::PublicNote, raw, NOTE_MAX, true).map(PublicNote)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(title: &str, cost: &str) -> Result<ProposalDraft, FieldError> {
        ProposalDraft::parse(title, "Summary.", "Description.", "Sports", cost)
    }

    #[test]
    fn a_complete_form_parses_with_text_trimmed_and_cost_in_cents() {
        let parsed = draft("  Water fountains  ", "1,250.50").expect("valid");
        assert_eq!(parsed.title(), "Water fountains");
        assert_eq!(parsed.estimated_cost(), Cents::new(125_050));
    }

    #[test]
    fn an_empty_or_too_long_title_names_the_field_and_the_limit() {
        assert_eq!(draft("   ", "10").expect_err("empty").field, "title");
        let long = "x".repeat(TITLE_MAX + 1);
        let error = draft(&long, "10").expect_err("too long");
        assert!(
            error.message.contains("121") && error.message.contains("120"),
            "{error}"
        );
        assert!(
            draft(&"é".repeat(TITLE_MAX), "10").is_ok(),
            "limits count characters, not bytes"
        );
    }

    #[test]
    fn costs_must_be_positive_amounts() {
        for bad in ["", "abc", "0", "-5", "12.345", "99999999999"] {
            assert_eq!(
                draft("Title", bad).expect_err(bad).field,
                "estimated_cost",
                "{bad}"
            );
        }
    }

    #[test]
    fn comments_keep_newlines_but_not_other_control_characters() {
        assert_eq!(CommentBody::parse("a\r\nb").expect("ok").as_str(), "a\nb");
        assert!(CommentBody::parse("a\u{7}b").is_err());
        assert!(CommentBody::parse(&"x".repeat(COMMENT_MAX + 1)).is_err());
        assert!(Reason::parse("two\nlines").is_err());
    }
}

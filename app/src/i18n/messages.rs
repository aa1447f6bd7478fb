//! The messages the server sends back, worded per language from the
//! functions each language file puts in its [`Strings`].

use super::Strings;
use crate::domain::problem::Problem;
use crate::domain::{Action, FieldError, MoveRefusal, Phase, Role};

/// What an id failed to name, in a not-found message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thing {
    /// A proposal.
    Proposal,
    /// A comment.
    Comment,
    /// A comment of the thread at hand.
    CommentInThread,
    /// A cycle.
    Cycle,
}

impl Strings {
    /// A field that did not parse, in this language (admin-only fields
    /// stay in English).
    pub fn field_error(&self, error: &FieldError) -> String {
        match &error.problem {
            Some(problem) => self.problem(problem),
            None => error.message.clone(),
        }
    }

    /// `problem` in this language.
    pub fn problem(&self, problem: &Problem) -> String {
        use crate::domain::problem::Label;
        let name = match problem.label() {
            Some(Label::Other(name)) => name,
            Some(label) => label.index().map_or("", |i| self.field_labels[i]),
            None => "",
        };
        (self.describe)(problem, name)
    }

    /// Why `phase` refuses `action`, in this language.
    pub fn refusal(&self, action: Action, phase: Phase) -> String {
        (self.phase_refusal)(action, self.phase_words[phase.index()])
    }

    /// Why a cycle did not move, in this language.
    pub fn move_refused(&self, refusal: &MoveRefusal) -> String {
        (self.move_refusal)(refusal, &self.phase_words)
    }

    /// That `role` may not take the action, in this language.
    pub fn cannot(&self, role: Role) -> String {
        let i = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
        (self.role_cannot)(self.role_words[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::problem::Label;
    use crate::i18n::Lang;

    fn problems() -> Vec<Problem> {
        vec![
            Problem::Required(Label::Title),
            Problem::TooLong {
                label: Label::Comment,
                length: 4001,
                max: 4000,
            },
            Problem::ControlCharacter(Label::Reason),
            Problem::NotPositive(Label::EstimatedCost),
            Problem::AboveMax {
                label: Label::BallotCost,
                max: counting::Cents::new(100),
            },
            Problem::NotAnAmount {
                label: Label::EstimatedCost,
                raw: "ten".to_owned(),
            },
            Problem::NoImage,
            Problem::ImageTooBig { tenths_of_mb: 34 },
            Problem::NotAnImage,
            Problem::UsernameLength {
                min: 3,
                max: 32,
                length: 2,
            },
            Problem::UsernameCharacter('!'),
            Problem::PasswordLength { min: 10, max: 128 },
            Problem::PasswordGuessable,
            Problem::ImageDimensions {
                width: 20_000,
                height: 20_000,
                max: 4096,
            },
        ]
    }

    #[test]
    fn every_problem_and_refusal_is_worded_in_each_language() {
        let (en, es) = (Lang::En.strings(), Lang::Es.strings());
        for problem in problems() {
            let (english, spanish) = (en.problem(&problem), es.problem(&problem));
            assert!(
                !spanish.is_empty() && spanish != english,
                "{problem:?}: {spanish}"
            );
        }
        for phase in Phase::ALL {
            let refusal = es.refusal(Action::Comment, phase);
            assert!(refusal.contains(es.phase_words[phase.index()]), "{refusal}");
        }
        for role in Role::ALL {
            assert_ne!(en.cannot(role), es.cannot(role));
        }
    }

    #[test]
    fn spanish_names_the_field_with_its_article_mid_sentence() {
        let es = Lang::Es.strings();
        assert_eq!(
            es.problem(&Problem::Required(Label::Description)),
            "Falta la descripción."
        );
        assert_eq!(
            es.problem(&Problem::ImageTooBig { tenths_of_mb: 34 }),
            "La imagen pesa 3,4 MB; el límite es 2 MB. Redúcela y vuelve a intentarlo."
        );
        let en = Lang::En.strings();
        assert_eq!(
            en.problem(&Problem::Required(Label::Title)),
            "The title is required."
        );
    }
}

//! What was wrong with a typed value, as data, so that each language file
//! words it (see `i18n`); `Display` gives the English wording.

use counting::Cents;

/// The field a problem is about, as a message names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// A proposal's title.
    Title,
    /// A proposal's summary.
    Summary,
    /// A proposal's description.
    Description,
    /// A proposal's category.
    Category,
    /// A proposal's estimated cost.
    EstimatedCost,
    /// The committee's ballot cost.
    BallotCost,
    /// A comment or reply.
    Comment,
    /// A report or moderation reason.
    Reason,
    /// The committee's public note.
    PublicNote,
    /// An image's alt text.
    ImageDescription,
    /// A person's name as others see it.
    DisplayName,
    /// Any other field, named in English (admin forms).
    Other(&'static str),
}

impl Label {
    /// Position in a language's table of labels, or `None` for `Other`.
    pub fn index(self) -> Option<usize> {
        Some(match self {
            Label::Title => 0,
            Label::Summary => 1,
            Label::Description => 2,
            Label::Category => 3,
            Label::EstimatedCost => 4,
            Label::BallotCost => 5,
            Label::Comment => 6,
            Label::Reason => 7,
            Label::PublicNote => 8,
            Label::ImageDescription => 9,
            Label::DisplayName => 10,
            Label::Other(_) => return None,
        })
    }
}

/// What was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing was typed.
    Required(Label),
    /// Longer than the limit, in characters.
    TooLong {
        /// The field.
        label: Label,
        /// Characters typed.
        length: usize,
        /// The limit.
        max: usize,
    },
    /// A control character where none may be.
    ControlCharacter(Label),
    /// An amount of zero.
    NotPositive(Label),
    /// An amount above the limit.
    AboveMax {
        /// The field.
        label: Label,
        /// The limit.
        max: Cents,
    },
    /// Not an amount at all.
    NotAnAmount {
        /// The field.
        label: Label,
        /// What was typed.
        raw: String,
    },
    /// No file was chosen.
    NoImage,
    /// The image is over the size limit.
    ImageTooBig {
        /// Its size in tenths of a megabyte, rounded.
        tenths_of_mb: usize,
    },
    /// The file is not a PNG, JPEG or WebP image.
    NotAnImage,
    /// A username too short or too long.
    UsernameLength {
        /// Fewest characters.
        min: usize,
        /// Most characters.
        max: usize,
        /// Characters typed.
        length: usize,
    },
    /// A character a username may not use.
    UsernameCharacter(char),
    /// A password too short or too long.
    PasswordLength {
        /// Fewest characters.
        min: usize,
        /// Most characters.
        max: usize,
    },
}

impl Problem {
    /// The field the problem names, if it names one.
    pub fn label(&self) -> Option<Label> {
        match self {
            Problem::Required(label)
            | Problem::ControlCharacter(label)
            | Problem::NotPositive(label)
            | Problem::TooLong { label, .. }
            | Problem::AboveMax { label, .. }
            | Problem::NotAnAmount { label, .. } => Some(*label),
            Problem::NoImage
            | Problem::ImageTooBig { .. }
            | Problem::NotAnImage
            | Problem::UsernameLength { .. }
            | Problem::UsernameCharacter(_)
            | Problem::PasswordLength { .. } => None,
        }
    }
}

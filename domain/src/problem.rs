//! What was wrong with a typed value, as data, so that each language file
//! of the app words it; `Display` gives the English wording, which the
//! English language file uses too.

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
    /// The labels as English messages name them, in [`Label::index`] order.
    pub const ENGLISH: [&'static str; 11] = [
        "The title",
        "The summary",
        "The description",
        "The category",
        "The estimated cost",
        "The ballot cost",
        "The comment",
        "The reason",
        "The public note",
        "The image description",
        "The display name",
    ];

    /// This label in an English message.
    pub fn english(self) -> &'static str {
        match self {
            Label::Other(name) => name,
            label => label.index().map_or("", |i| Label::ENGLISH[i]),
        }
    }

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
    /// A password found in lists of common passwords, or made of the
    /// username, a keyboard run or a repeated pattern.
    PasswordGuessable,
    /// An image wider or taller than Pebble keeps.
    ImageDimensions {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
        /// The most pixels either side may have.
        max: u32,
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
            | Problem::PasswordLength { .. }
            | Problem::PasswordGuessable
            | Problem::ImageDimensions { .. } => None,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let label = self.label().map_or("", Label::english);
        f.write_str(&english(self, label))
    }
}

/// `problem` in English, naming its field as `label`.
pub fn english(problem: &Problem, label: &str) -> String {
    match problem {
        Problem::Required(_) => format!("{label} is required."),
        Problem::TooLong { length, max, .. } => {
            format!("{label} is {length} characters long; the limit is {max}.")
        }
        Problem::ControlCharacter(_) => format!("{label} contains a control character; remove it."),
        Problem::NotPositive(_) => format!("{label} must be more than zero."),
        Problem::AboveMax { max, .. } => format!("{label} is more than {max}."),
        Problem::NotAnAmount { raw, .. } => {
            format!("{label} must be an amount such as 1250 or 1250.50, not '{raw}'.")
        }
        Problem::NoImage => "Choose an image file to upload.".to_owned(),
        Problem::ImageTooBig { tenths_of_mb: t } => format!(
            "The image is {}.{} MB; the limit is 2 MB. Make it smaller and try again.",
            t / 10,
            t % 10
        ),
        Problem::NotAnImage => "That file is not a PNG, JPEG or WebP image.".to_owned(),
        Problem::UsernameLength { min, max, length } => {
            format!("The username must be {min} to {max} characters long, not {length}.")
        }
        Problem::UsernameCharacter(bad) => {
            format!("The username may use letters a–z, digits, '.', '_' and '-', not '{bad}'.")
        }
        Problem::PasswordLength { min, max } => {
            format!("The password must be {min} to {max} characters long.")
        }
        Problem::PasswordGuessable => "That password is too easy to guess: it is a common password, or close to one. Use a few unrelated words, or a longer phrase.".to_owned(),
        Problem::ImageDimensions { width, height, max } => format!(
            "The image is {width} × {height} pixels; the limit is {max} × {max}. Make it smaller and try again."
        ),
    }
}

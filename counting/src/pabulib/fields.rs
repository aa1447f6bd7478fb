//! Splitting a `.pb` file into rows of `;`-separated fields, the way
//! Python's `csv.reader(lines, delimiter=";")` does, which is how
//! pabutools (and the files' authors) read them: CPython's
//! `Modules/_csv.c` with the `excel` dialect (`quotechar='"'`,
//! `doublequote=True`, `strict=False`, no escape character).
//!
//! A field that starts with `"` is quoted: `""` inside it is one quote,
//! and it may run over several lines. Anywhere else a quote is an ordinary
//! character (`przy przystanku "Promenada"`), and text after a closing
//! quote joins the field (`"abc"def` is `abcdef`). Nothing is trimmed.

/// One row: the 1-based line it starts on and its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Row<'a> {
    /// The line the row starts on.
    pub line: usize,
    fields: Fields<'a>,
}

/// A row's fields: a line without quotes (most are) is kept as it is and
/// split when a field is asked for, so reading a million votes makes no
/// list of fields for each.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Fields<'a> {
    Plain(&'a str),
    Split(Vec<String>),
}

impl<'a> Row<'a> {
    /// How many fields the row has.
    pub fn len(&self) -> usize {
        match &self.fields {
            Fields::Plain(line) => line.bytes().filter(|&b| b == b';').count() + 1,
            Fields::Split(fields) => fields.len(),
        }
    }

    /// The `column`-th field (0-based), as Python's csv module gives it.
    pub fn get(&self, column: usize) -> Option<&str> {
        match &self.fields {
            Fields::Plain(line) => line.split(';').nth(column),
            Fields::Split(fields) => fields.get(column).map(String::as_str),
        }
    }

    /// The first field (a row always has one).
    pub fn first(&self) -> &str {
        self.get(0).unwrap_or("")
    }

    /// The fields at `columns` (0-based; `None` asks for none), found in
    /// one pass over the row.
    pub fn pick<const N: usize>(&self, columns: [Option<usize>; N]) -> [Option<&str>; N] {
        let mut picked: [Option<&str>; N] = [None; N];
        match &self.fields {
            Fields::Plain(line) => {
                for (i, text) in line.split(';').enumerate() {
                    put(&mut picked, columns, i, text);
                }
            }
            Fields::Split(fields) => {
                for (i, text) in fields.iter().enumerate() {
                    put(&mut picked, columns, i, text);
                }
            }
        }
        picked
    }

    /// Every field, in order.
    pub fn to_vec(&self) -> Vec<String> {
        match &self.fields {
            Fields::Plain(line) => line.split(';').map(str::to_owned).collect(),
            Fields::Split(fields) => fields.clone(),
        }
    }
}

/// Puts field `i` wherever `columns` asks for it.
fn put<'r, const N: usize>(
    picked: &mut [Option<&'r str>; N],
    columns: [Option<usize>; N],
    i: usize,
    text: &'r str,
) {
    for (slot, column) in picked.iter_mut().zip(columns) {
        if column == Some(i) {
            *slot = Some(text);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartField,
    InField,
    InQuoted,
    QuoteInQuoted,
}

/// The rows of `text`, skipping lines with no fields at all. A quoted
/// field still open at the end of the text is an error naming the line it
/// opened on.
#[cfg(test)]
pub(super) fn rows(text: &str) -> Result<Vec<Row<'_>>, (usize, &'static str)> {
    Rows::new(text).collect()
}

/// The rows of a text one at a time, so that a million votes are read
/// without a list of them all. A line without a quote (most are) is
/// split in place.
pub(super) struct Rows<'a> {
    lines: std::iter::Enumerate<std::str::Split<'a, char>>,
    failed: bool,
}

impl<'a> Rows<'a> {
    pub fn new(text: &'a str) -> Self {
        Rows {
            lines: text.split('\n').enumerate(),
            failed: false,
        }
    }
}

impl<'a> Iterator for Rows<'a> {
    type Item = Result<Row<'a>, (usize, &'static str)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let mut fields: Vec<String> = Vec::new();
        let mut field = String::new();
        let mut state = State::StartField;
        let mut start = 1;
        let mut opened = 0;
        for (index, raw) in self.lines.by_ref() {
            let number = index + 1;
            // `splitlines` drops the line ending; a lone `\r` at the end too.
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if state != State::InQuoted {
                start = number;
                if !line.contains('"') {
                    if line.is_empty() {
                        continue;
                    }
                    return Some(Ok(Row {
                        line: number,
                        fields: Fields::Plain(line),
                    }));
                }
            } else {
                field.push('\n');
            }
            for c in line.chars() {
                state = match (state, c) {
                    (State::StartField, '"') => {
                        opened = number;
                        State::InQuoted
                    }
                    (State::StartField | State::InField, ';') => {
                        fields.push(std::mem::take(&mut field));
                        State::StartField
                    }
                    (State::StartField | State::InField, c) => {
                        field.push(c);
                        State::InField
                    }
                    (State::InQuoted, '"') => State::QuoteInQuoted,
                    (State::InQuoted, c) => {
                        field.push(c);
                        State::InQuoted
                    }
                    (State::QuoteInQuoted, '"') => {
                        field.push('"');
                        State::InQuoted
                    }
                    (State::QuoteInQuoted, ';') => {
                        fields.push(std::mem::take(&mut field));
                        State::StartField
                    }
                    (State::QuoteInQuoted, c) => {
                        field.push(c);
                        State::InField
                    }
                };
            }
            if state == State::InQuoted {
                continue;
            }
            // The end of a line ends the row (an empty line is no row).
            if state != State::StartField || !fields.is_empty() || !field.is_empty() {
                fields.push(std::mem::take(&mut field));
            }
            if !fields.is_empty() {
                return Some(Ok(Row {
                    line: start,
                    fields: Fields::Split(fields),
                }));
            }
            state = State::StartField;
        }
        if state == State::InQuoted {
            self.failed = true;
            return Some(Err((opened, "a quoted field is never closed")));
        }
        None
    }
}

/// `field` quoted if Python's csv module would need it to be: it holds
/// the separator, a quote or a line break.
pub(super) fn quote(field: &str) -> String {
    if field.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Vec<String> {
        let mut rows = rows(line).expect("readable");
        assert_eq!(rows.len(), 1, "{line:?}");
        rows.remove(0).to_vec()
    }

    #[test]
    fn splits_plain_and_quoted_fields() {
        assert_eq!(one("1;2;x"), ["1", "2", "x"]);
        assert_eq!(one(r#"1;"a;b";"say ""hi""""#), ["1", "a;b", r#"say "hi""#]);
        assert_eq!(one("a;;"), ["a", "", ""]);
    }

    #[test]
    fn reads_broken_quoting_as_pythons_csv_module_does() {
        // Both from Częstochowa 2020 (pabulib): a quote inside an unquoted
        // field is kept; text after a closing quote joins the field.
        assert_eq!(
            one(r#"12;przy przystanku "Promenada";500"#),
            ["12", r#"przy przystanku "Promenada""#, "500"]
        );
        assert_eq!(
            one(r#"7;"Park" im. Lotników;300"#),
            ["7", "Park im. Lotników", "300"]
        );
        assert_eq!(one(r#"a"b;c"#), [r#"a"b"#, "c"]);
    }

    #[test]
    fn a_quoted_field_runs_over_lines_and_rows_keep_their_first_line() {
        let read = rows("META\nkey;value\ndescription;\"two\nlines\"\nbudget;5\n\n").expect("ok");
        assert_eq!(read.len(), 4);
        assert_eq!(read[2].line, 3);
        assert_eq!(read[2].to_vec(), ["description", "two\nlines"]);
        assert_eq!(read[3].line, 5);
        assert_eq!(
            rows("x;\"open\nstill"),
            Err((1, "a quoted field is never closed"))
        );
    }

    #[test]
    fn quoting_round_trips() {
        for text in ["plain", "a;b", r#"q"uote"#, "two\nlines"] {
            assert_eq!(one(&format!("x;{}", quote(text))), ["x", text]);
        }
    }
}

//! Splitting one `;`-separated line into fields, with `"…"` quoting and
//! `""` for a quote inside a quoted field (as Python's csv module writes).

/// The fields of `line`, or why they cannot be read.
pub(super) fn split(line: &str) -> Result<Vec<String>, &'static str> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            (false, ';') => {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            (false, '"') => return Err("a quote in the middle of an unquoted field"),
            (false, c) => {
                if was_quoted {
                    return Err("text after a closing quote");
                }
                field.push(c);
            }
        }
    }
    if quoted {
        return Err("a quoted field is not closed on its line");
    }
    fields.push(field);
    Ok(fields)
}

/// `field` quoted if it needs to be.
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

    #[test]
    fn splits_plain_and_quoted_fields() {
        assert_eq!(split("1;2;x"), Ok(vec!["1".into(), "2".into(), "x".into()]));
        assert_eq!(
            split(r#"1;"a;b";"say ""hi""""#),
            Ok(vec!["1".into(), "a;b".into(), r#"say "hi""#.into()])
        );
        assert_eq!(split(""), Ok(vec![String::new()]));
    }

    #[test]
    fn refuses_broken_quoting() {
        assert!(split(r#"1;"open"#).is_err());
        assert!(split(r#"1;a"b"#).is_err());
        assert!(split(r#"1;"a"b"#).is_err());
    }

    #[test]
    fn quoting_round_trips() {
        for text in ["plain", "a;b", r#"q"uote"#] {
            assert_eq!(split(&quote(text)), Ok(vec![text.to_owned()]));
        }
    }
}

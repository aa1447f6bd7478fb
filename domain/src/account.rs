//! What an admin or an invited person types to make an account.

use crate::fields::{FieldError, Label, Problem, text};
use crate::{Named, Role};

/// Shortest username.
pub const USERNAME_MIN: usize = 3;
/// Longest username.
pub const USERNAME_MAX: usize = 64;
/// Longest display name.
pub const DISPLAY_NAME_MAX: usize = 120;
/// Shortest password a person may choose.
pub const PASSWORD_MIN: usize = 10;
/// Longest password.
pub const PASSWORD_MAX: usize = 256;

/// A new account's name, display name and role, checked: only
/// [`NewAccount::parse`] makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAccount {
    username: String,
    display_name: String,
    role: Role,
}

impl NewAccount {
    /// Sign-in name: lower-case letters, digits, `.`, `_`, `-`.
    pub fn username(&self) -> &str {
        &self.username
    }

    /// Shown beside proposals and comments.
    pub fn display_name(&self) -> &str {
        &self.display_name
    }

    /// Role.
    pub fn role(&self) -> Role {
        self.role
    }

    /// Parses the three fields; `roles` are the roles allowed here.
    pub fn parse(
        username: &str,
        display_name: &str,
        role: &str,
        roles: &[Role],
    ) -> Result<NewAccount, FieldError> {
        Ok(NewAccount {
            username: parse_username(username)?,
            display_name: text(
                "display_name",
                Label::DisplayName,
                display_name,
                DISPLAY_NAME_MAX,
                false,
            )?,
            role: parse_role(role, roles)?,
        })
    }
}

/// A username, lower-cased.
pub fn parse_username(raw: &str) -> Result<String, FieldError> {
    let fail = |problem: Problem| Err(FieldError::new("username", problem));
    let name = raw.trim().to_lowercase();
    let length = name.chars().count();
    if !(USERNAME_MIN..=USERNAME_MAX).contains(&length) {
        return fail(Problem::UsernameLength {
            min: USERNAME_MIN,
            max: USERNAME_MAX,
            length,
        });
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')))
    {
        return fail(Problem::UsernameCharacter(bad));
    }
    Ok(name)
}

/// A role by name, if it is one of `allowed`.
pub fn parse_role(raw: &str, allowed: &[Role]) -> Result<Role, FieldError> {
    let raw = raw.trim().to_lowercase();
    allowed
        .iter()
        .copied()
        .find(|r| r.name() == raw)
        .ok_or_else(|| {
            let names: Vec<&str> = allowed.iter().map(|r| r.name()).collect();
            FieldError::english(
                "role",
                format!("The role must be one of {}, not '{raw}'.", names.join(", ")),
            )
        })
}

/// A password a person chose.
pub fn parse_password(raw: &str) -> Result<String, FieldError> {
    let length = raw.chars().count();
    if !(PASSWORD_MIN..=PASSWORD_MAX).contains(&length) {
        return Err(FieldError::new(
            "password",
            Problem::PasswordLength {
                min: PASSWORD_MIN,
                max: PASSWORD_MAX,
            },
        ));
    }
    Ok(raw.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: [Role; 3] = [Role::Student, Role::Family, Role::Committee];

    #[test]
    fn usernames_are_lower_cased_and_limited_to_a_safe_alphabet() {
        assert_eq!(parse_username(" Maya.R ").expect("valid"), "maya.r");
        assert!(parse_username("ab").is_err());
        assert!(parse_username("maya r").is_err());
        assert!(parse_username("<script>").is_err());
    }

    #[test]
    fn roles_outside_the_allowed_list_are_refused_by_name() {
        assert_eq!(parse_role("Family", &PEOPLE).expect("valid"), Role::Family);
        let error = parse_role("admin", &PEOPLE).expect_err("not allowed");
        assert!(
            error.message.contains("student, family, committee"),
            "{error}"
        );
    }

    #[test]
    fn passwords_need_ten_characters() {
        assert!(parse_password("short").is_err());
        assert!(parse_password("long enough!").is_ok());
    }
}

use super::*;

/// Bytes 0, 1, 2, …: symbol values 0…16, so the code is the alphabet's
/// first 17 symbols and its check symbol.
fn counting_code() -> VoterCode {
    let mut next = 0u8;
    VoterCode::generate(|| {
        next += 1;
        next - 1
    })
}

fn symbols(code: &VoterCode) -> Vec<u8> {
    code.to_string().bytes().filter(|&b| b != b'-').collect()
}

fn parse(bytes: &[u8]) -> Result<VoterCode, CodeError> {
    String::from_utf8(bytes.to_vec()).expect("ascii").parse()
}

#[test]
fn a_code_is_shown_in_three_groups_and_read_back_however_it_is_typed() {
    let code = counting_code();
    assert_eq!(code.to_string(), "234567-89ABCD-EFGHJ8");
    for typed in [
        "234567-89ABCD-EFGHJ8",
        "23456789abcdefghj8",
        " 2345 6789 abcd efgh j8 ",
    ] {
        assert_eq!(typed.parse::<VoterCode>(), Ok(code.clone()), "{typed:?}");
    }
}

#[test]
fn the_digest_matches_a_value_computed_apart() {
    // Python: hashlib.sha256(b"pebble voter code v1" + b"\0" +
    //   (7).to_bytes(8, "big") + b"23456789ABCDEFGHJ8").hexdigest()
    let digest = counting_code().digest(7);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        "459526f27cffd15a48482a6f83c49340207848f4b2336afeb61f4477ddf7280d"
    );
    assert_ne!(counting_code().digest(8), digest, "one code, two cycles");
}

#[test]
fn every_single_mistyped_symbol_is_caught() {
    let mut random = 0x9e37_79b9u32;
    for _ in 0..20 {
        let code = VoterCode::generate(|| {
            random = random.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (random >> 24) as u8
        });
        let good = symbols(&code);
        assert_eq!(parse(&good), Ok(code));
        for at in 0..SYMBOLS {
            for &other in ALPHABET.iter().filter(|&&s| s != good[at]) {
                let mut typo = good.clone();
                typo[at] = other;
                assert_eq!(parse(&typo), Err(CodeError::Typo), "{at} {other}");
            }
        }
    }
}

#[test]
fn every_swap_of_two_different_neighbours_is_caught() {
    let good = symbols(&counting_code());
    for at in 0..SYMBOLS - 1 {
        let mut swapped = good.clone();
        swapped.swap(at, at + 1);
        if swapped != good {
            assert_eq!(parse(&swapped), Err(CodeError::Typo), "at {at}");
        }
    }
}

#[test]
fn characters_that_read_like_others_and_wrong_lengths_are_named() {
    let good = counting_code().to_string();
    for look_alike in ['0', '1', 'O', 'I', 'L', 'U', 'Z', 'é'] {
        let typed = good.replacen('2', &look_alike.to_string(), 1);
        let expected = CodeError::Character(look_alike.to_ascii_uppercase());
        assert_eq!(typed.parse::<VoterCode>(), Err(expected));
    }
    assert_eq!("".parse::<VoterCode>(), Err(CodeError::Length(0)));
    assert_eq!(
        format!("{good}2").parse::<VoterCode>(),
        Err(CodeError::Length(19))
    );
    assert_eq!(
        CodeError::Typo.to_string(),
        "this code has a typo: check it letter by letter"
    );
}

#[test]
fn bytes_that_would_skew_the_symbols_are_skipped() {
    // 232…255 would make the first eight symbols likelier; they are
    // drawn again.
    let mut bytes = [255u8, 232, 28].into_iter().chain(std::iter::repeat(0));
    let code = VoterCode::generate(|| bytes.next().unwrap_or(0));
    assert_eq!(symbols(&code)[0], b'Y', "28 is the last symbol");
}

#[test]
fn every_symbol_can_be_drawn_and_a_code_never_shows_in_debug_output() {
    let mut next = 0u8;
    let mut seen = [false; 29];
    for _ in 0..20 {
        let code = VoterCode::generate(|| {
            next = next.wrapping_add(7);
            next
        });
        for s in symbols(&code) {
            seen[value_of(s).expect("a symbol") as usize] = true;
        }
        assert_eq!(format!("{code:?}"), "VoterCode(…)");
    }
    assert!(seen.iter().all(|&s| s));
}

#[test]
fn a_group_name_is_trimmed_and_bounded() {
    assert_eq!(
        " Class 7B "
            .parse::<GroupName>()
            .map(|g| g.as_str().to_owned()),
        Ok("Class 7B".to_owned())
    );
    assert!("  ".parse::<GroupName>().is_err());
    assert!("a\tb".parse::<GroupName>().is_err());
    assert!("é".repeat(80).parse::<GroupName>().is_ok());
    assert!("é".repeat(81).parse::<GroupName>().is_err());
}

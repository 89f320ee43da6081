//! The fast reader and the general reader agree: on every text the fast one reads, the
//! general one reads the same response; and the fast one does read the plain files it
//! is there for (otherwise it would only cost time).

mod common;

use common::*;
use netwerkregie::response::{read_fast, read_general};
use netwerkregie::Response;
use proptest::prelude::*;

fn examples() -> Vec<String> {
    files(&examples_dir())
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// The fast reader's answer must be the general reader's.
fn agree(text: &str) {
    let i = instrument();
    if let Some(fast) = read_fast(text, i) {
        match read_general(text, i) {
            Ok(general) => assert_eq!(fast, general, "the readers differ on\n{text}"),
            Err(e) => {
                panic!("the fast reader accepted what the general one refuses ({e}):\n{text}")
            }
        }
    }
}

#[test]
fn the_fast_reader_reads_the_examples_and_their_compact_form() {
    let i = instrument();
    for text in examples() {
        let fast = read_fast(&text, i).expect("a plain example is the fast reader's");
        assert_eq!(Ok(fast.clone()), read_general(&text, i));
        let compact = fast.to_json(i);
        assert_eq!(read_fast(&compact, i), Some(fast));
    }
}

#[test]
fn texts_with_escapes_and_unknown_fields_read_alike() {
    let i = instrument();
    let base = &examples()[0];
    for (from, to) in [
        ("\"Anna\"", "\"An\\u006ea \\\"A\\\" \\ud83d\\ude00 \\n\""),
        (
            "{",
            "{\"x-meta\": {\"a\": [1, -2.5e3, true, null, {\"b\": \"c\"}]},",
        ),
        ("\"answers\": {", "\"answers\": {   "),
        (
            "\"organisation\"",
            "\"x\": 0.1000000000000000055511151231257827, \"organisation\"",
        ),
    ] {
        let text = base.replacen(from, to, 1);
        assert_ne!(&text, base, "{from}");
        assert!(read_fast(&text, i).is_some(), "the fast reader reads {to}");
        agree(&text);
    }
}

#[test]
fn keys_in_any_order_or_left_out_read_alike() {
    // The fast reader compares the keys it expects next in place; any other order,
    // a key left out, or a key that only starts like the expected one must read the
    // same.
    let i = instrument();
    for text in examples() {
        let fast = read_fast(&text, i).expect("a plain example is the fast reader's");
        // serde_json's map sorts the keys: every object in another order.
        let sorted: serde_json::Value = serde_json::from_str(&text).expect("json");
        let sorted = sorted.to_string();
        assert_ne!(sorted, text);
        assert_eq!(read_fast(&sorted, i), Some(fast.clone()), "{sorted}");
        agree(&sorted);
    }
    let base = &examples()[0];
    for (from, to) in [
        ("\"alias\"", "\"\\u0061lias\""),
        ("\"alias\"", "\"alia\": 1, \"aliasx\": 2, \"alias\""),
        ("\"answers\": {", "\"answers\": {\"opgave-samen\": 2, "),
    ] {
        let text = base.replacen(from, to, 1);
        assert_ne!(&text, base, "{from}");
        agree(&text);
    }
    for (from, to) in [
        // The same key twice, once as expected and once escaped.
        ("\"alias\"", "\"alias\": \"x\", \"\\u0061lias\""),
        ("\"answers\": {", "\"answers\": {\"opgave-eigen\": 2, "),
    ] {
        let text = base.replacen(from, to, 1);
        assert_ne!(&text, base, "{from}");
        assert!(
            read_fast(&text, i).is_none(),
            "{to} is the general reader's"
        );
    }
}

#[test]
fn what_the_fast_reader_leaves_to_the_general_one() {
    let i = instrument();
    let base = &examples()[0];
    for (from, to) in [
        ("\"opgave-eigen\": 4", "\"opgave-eigen\": 4.0"),
        ("\"opgave-eigen\": 4", "\"opgave-eigen\": 7"),
        (
            "\"opgave-eigen\": 4",
            "\"opgave-eigen\": 4, \"opgave-eigen\": 4",
        ),
        ("\"version\": 2", "\"version\": 1"),
        ("\"Anna\"", "\"\\ud83d\""),
        ("\"alias\"", "\"alias\": \"x\", \"alias\""),
        ("\"importance\": {", "\"importance\": {\"liefde\": 3,"),
        ("\"instrument\": {", "\"instrument\": {\"from\": \"1\","),
    ] {
        let text = base.replacen(from, to, 1);
        assert_ne!(&text, base, "{from}");
        assert!(
            read_fast(&text, i).is_none(),
            "{to} is the general reader's"
        );
        // Whatever the general reader makes of it is what a user gets.
        let _ = Response::from_json(&text, i);
    }
}

/// Bits of JSON to splice into a response: values, keys, broken syntax.
fn snippet() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        (0u8..9).prop_map(|d| d.to_string()),
        Just("3.0".to_owned()),
        Just("-1".to_owned()),
        Just("1e400".to_owned()),
        Just("18446744073709551616".to_owned()),
        Just("\"\\u00e9\\n\"".to_owned()),
        Just("\"\\ud800\"".to_owned()),
        Just("\"\u{1}\"".to_owned()),
        Just("{}".to_owned()),
        Just("[1, {\"a\": []}]".to_owned()),
        Just("{\"a\": 1, \"a\": 2}".to_owned()),
        Just(",".to_owned()),
        Just("}".to_owned()),
        Just(" ".to_owned()),
        Just("\"x\": 1,".to_owned()),
        "[a-z-]{1,12}".prop_map(|s| format!("\"{s}\"")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Any splice into an example: the two readers never disagree.
    #[test]
    fn the_readers_agree_on_spliced_examples(
        which in 0usize..5,
        at in 0.0f64..1.0,
        cut in 0usize..8,
        piece in snippet(),
    ) {
        let texts = examples();
        let text = &texts[which];
        let mut i = ((text.len() as f64) * at) as usize;
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        let mut j = (i + cut).min(text.len());
        while !text.is_char_boundary(j) {
            j += 1;
        }
        let spliced = format!("{}{piece}{}", &text[..i], &text[j..]);
        agree(&spliced);
    }

    /// Values changed in place, in the compact form the CLI reads most.
    #[test]
    fn the_readers_agree_on_changed_values(which in 0usize..5, nth in 0usize..120, piece in snippet()) {
        let i = instrument();
        let compact = read_general(&examples()[which], i).expect("valid").to_json(i);
        // The n-th value position: after a colon.
        let colons: Vec<usize> = compact.match_indices(':').map(|(k, _)| k + 1).collect();
        let at = colons[nth % colons.len()];
        let end = compact[at..]
            .find([',', '}'])
            .map_or(compact.len(), |k| at + k);
        let changed = format!("{}{piece}{}", &compact[..at], &compact[end..]);
        agree(&changed);
    }
}

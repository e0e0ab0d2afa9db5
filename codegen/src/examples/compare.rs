//! Compares an example with what the generated types wrote back: as JSON, property order
//! ignored, and every scalar as its text: a timestamp, GUID, duration, time or base64 string
//! must come back as it was sent, not only as the same value (signatures, caches and diffs
//! see text), and a number as the same number (`1` is not `1.0`).

use serde_json::Value;

/// The first place where `written` means something other than `original`.
pub fn first_difference(original: &Value, written: &Value, path: &str) -> Option<String> {
    match (original, written) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                match b.get(key) {
                    Some(w) => {
                        if let Some(d) = first_difference(value, w, &format!("{path}.{key}")) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{path}.{key} was lost")),
                }
            }
            b.keys()
                .find(|k| !a.contains_key(*k))
                .map(|k| format!("{path}.{k} was added"))
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!(
                    "{path} had {} items, written back {}",
                    a.len(),
                    b.len()
                ));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (x, y))| first_difference(x, y, &format!("{path}[{i}]")))
        }
        (Value::String(a), Value::String(b)) => {
            (a != b).then(|| format!("{path}: {a:?} written back as {b:?}"))
        }
        (a, b) if a == b => None,
        (a, b) => Some(format!("{path}: {a} written back as {b}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalars_compare_as_their_text() {
        let original = json!({"a": 1, "t": "2021-05-27T21:23:41.9085453Z", "x": [1.5]});
        let written = json!({"x": [1.5], "t": "2021-05-27T21:23:41.9085453Z", "a": 1});
        assert_eq!(first_difference(&original, &written, "$"), None);
        for (sent, back) in [
            (
                json!("2021-05-27T21:23:41.9085453Z"),
                json!("2021-05-27T21:23:41.908545300Z"),
            ),
            (
                json!("ABB33D04-3A2C-4D78-996F-9EEEF55EF119"),
                json!("abb33d04-3a2c-4d78-996f-9eeef55ef119"),
            ),
            (json!("PT60M"), json!("PT1H")),
            (json!("aGk"), json!("aGk=")),
            (json!(1), json!(1.0)),
        ] {
            assert!(
                first_difference(&json!({"v": sent}), &json!({"v": back}), "$").is_some(),
                "{sent} and {back} are other text"
            );
        }
    }

    #[test]
    fn losses_and_changes_are_found() {
        assert_eq!(
            first_difference(&json!({"a": null}), &json!({}), "$").as_deref(),
            Some("$.a was lost")
        );
        assert_eq!(
            first_difference(&json!({"a": "x"}), &json!({"a": "y"}), "$").as_deref(),
            Some("$.a: \"x\" written back as \"y\"")
        );
    }
}

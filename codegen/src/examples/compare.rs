//! Compares an example with what the generated types wrote back: as JSON values, property
//! order ignored, numbers as numbers, and strings that the types normalise (timestamps,
//! GUIDs, durations, base64, times) as the values they denote.

use serde_json::Value;

// The runtime the generated code uses, so durations compare exactly as the generated types
// read them.
use graph_docs_runtime::Duration;

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
        (Value::Number(a), Value::Number(b)) => {
            let same = a == b || a.as_f64().zip(b.as_f64()).is_some_and(|(x, y)| x == y);
            (!same).then(|| format!("{path}: {a} written back as {b}"))
        }
        (Value::String(a), Value::String(b)) => {
            (!same_meaning(a, b)).then(|| format!("{path}: {a:?} written back as {b:?}"))
        }
        (a, b) if a == b => None,
        (a, b) => Some(format!("{path}: {a} written back as {b}")),
    }
}

/// Two spellings of one value.
fn same_meaning(a: &str, b: &str) -> bool {
    use base64::Engine as _;
    if a == b {
        return true;
    }
    if let (Ok(x), Ok(y)) = (
        chrono::DateTime::parse_from_rfc3339(a),
        chrono::DateTime::parse_from_rfc3339(b),
    ) {
        return x == y;
    }
    if let (Ok(x), Ok(y)) = (uuid::Uuid::parse_str(a), uuid::Uuid::parse_str(b)) {
        return x == y;
    }
    if let (Ok(x), Ok(y)) = (
        a.parse::<chrono::NaiveTime>(),
        b.parse::<chrono::NaiveTime>(),
    ) {
        return x == y;
    }
    if let (Ok(x), Ok(y)) = (a.parse::<Duration>(), b.parse::<Duration>()) {
        return x == y
            || x.to_time_delta()
                .is_some_and(|d| Some(d) == y.to_time_delta());
    }
    let decode = |s: &str| {
        base64::engine::general_purpose::STANDARD
            .decode(s)
            .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(s))
            .ok()
    };
    matches!((decode(a), decode(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equal_in_meaning() {
        let original = json!({"a": 1, "t": "2021-05-27T21:23:41.9085453Z", "g": "ABB33D04-3A2C-4D78-996F-9EEEF55EF119", "d": "PT60M", "x": [1.0]});
        let written = json!({"x": [1], "d": "PT1H", "g": "abb33d04-3a2c-4d78-996f-9eeef55ef119", "t": "2021-05-27T21:23:41.908545300+00:00", "a": 1.0});
        assert_eq!(first_difference(&original, &written, "$"), None);
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

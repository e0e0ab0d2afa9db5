//! Paths and their values: a generated operation's template filled in and percent-encoded,
//! the arguments of a function call (`cell(row=5,column=6)`), and the text each kind of value
//! takes in a URL.

use std::fmt;

/// A value that goes into a path or a query: a key, a function's argument. Implemented for
/// text, numbers, `bool`, the date and time types (ISO 8601, as OData writes them), UUIDs and
/// the generated enums (their wire value); `Option` leaves an optional argument out.
pub trait PathValue {
    /// The value as it is written in a URL, before encoding.
    fn text(&self) -> String;

    /// Whether there is a value at all: `None` is left out of a function call.
    fn is_present(&self) -> bool {
        true
    }
}

impl<T: PathValue + ?Sized> PathValue for &T {
    fn text(&self) -> String {
        (**self).text()
    }

    fn is_present(&self) -> bool {
        (**self).is_present()
    }
}

impl<T: PathValue> PathValue for Option<T> {
    fn text(&self) -> String {
        self.as_ref().map(PathValue::text).unwrap_or_default()
    }

    fn is_present(&self) -> bool {
        self.as_ref().is_some_and(PathValue::is_present)
    }
}

macro_rules! displayed {
    ($($t:ty),*) => {$(
        impl PathValue for $t {
            fn text(&self) -> String {
                self.to_string()
            }
        }
    )*};
}

displayed!(
    str,
    String,
    std::borrow::Cow<'_, str>,
    bool,
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    usize,
    f32,
    f64,
    uuid::Uuid,
    crate::Duration
);

impl<Tz: chrono::TimeZone> PathValue for chrono::DateTime<Tz>
where
    Tz::Offset: fmt::Display,
{
    /// `2021-07-16T09:30:00Z`, `2021-07-16T09:30:00+02:00`.
    fn text(&self) -> String {
        self.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
    }
}

impl PathValue for chrono::NaiveDate {
    fn text(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
}

impl PathValue for chrono::NaiveTime {
    fn text(&self) -> String {
        self.format("%H:%M:%S%.f").to_string()
    }
}

/// Writes the `render` of a generated `...Path` enum: the template of each variant, its values
/// filled in. `paths!(MessagesPath<'_> { Me => "/me/messages", Users { user_id } =>
/// "/users/{}/messages" })`.
#[macro_export]
macro_rules! paths {
    ($name:ident $(<$lt:lifetime>)? { $($variant:ident $({ $($field:ident),* $(,)? })? => $template:literal),* $(,)? }) => {
        impl $name $(<$lt>)? {
            /// The path, its values filled in and encoded.
            #[inline]
            pub fn render(&self) -> ::std::string::String {
                match self {
                    $(Self::$variant $({ $($field),* })? => {
                        $crate::render($template, &[$($($field as &dyn $crate::PathValue),*)?])
                    })*
                }
            }
        }
    };
}

/// Fills a path template with `values`, in order: `{}` takes a value as one segment
/// (`/` encoded), `{+}` a value that may hold `/` (an item path: `root:/{+}:`); a value between
/// quotes (`'{}'`) has its quotes doubled, as OData literals have.
pub fn render(template: &str, values: &[&dyn PathValue]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * values.len());
    let mut values = values.iter();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let close = after.find('}').unwrap_or(after.len() - 1);
        let keeps_slashes = after[1..close].starts_with('+');
        let quoted = before.ends_with('\'');
        if let Some(value) = values.next() {
            let mut text = value.text();
            if quoted {
                text = text.replace('\'', "''");
            }
            encode_into(&mut out, &text, if keeps_slashes { PATH } else { SEGMENT });
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// One argument of a function call the path does not write: `row=5`, `period='D7'`.
#[derive(Clone, Copy)]
pub struct Argument<'a> {
    name: &'a str,
    value: &'a dyn PathValue,
    quoted: bool,
}

impl<'a> Argument<'a> {
    /// Written as it is: numbers, `true`, GUIDs.
    pub fn bare(name: &'a str, value: &'a dyn PathValue) -> Self {
        Argument {
            name,
            value,
            quoted: false,
        }
    }

    /// Written between single quotes, as the docs write text, enum values, dates and times.
    pub fn quoted(name: &'a str, value: &'a dyn PathValue) -> Self {
        Argument {
            name,
            value,
            quoted: true,
        }
    }
}

impl fmt::Debug for Argument<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Argument")
            .field("name", &self.name)
            .field("value", &self.value.text())
            .field("quoted", &self.quoted)
            .finish()
    }
}

/// Adds `arguments` to the function call `path` ends with: `.../cell` becomes
/// `.../cell(row=5,column=6)`, `.../f(a=1)` becomes `.../f(a=1,b=2)`; an argument without a
/// value (`None`) is left out.
pub fn call(path: String, arguments: &[Argument<'_>]) -> String {
    let mut written = String::new();
    for argument in arguments.iter().filter(|a| a.value.is_present()) {
        if !written.is_empty() {
            written.push(',');
        }
        written.push_str(argument.name);
        written.push('=');
        let text = argument.value.text();
        if argument.quoted {
            written.push('\'');
            encode_into(&mut written, &text.replace('\'', "''"), SEGMENT);
            written.push('\'');
        } else {
            encode_into(&mut written, &text, SEGMENT);
        }
    }
    match path.strip_suffix(')') {
        Some(open) if written.is_empty() => format!("{open})"),
        Some(open) if open.ends_with('(') => format!("{open}{written})"),
        Some(open) => format!("{open},{written})"),
        None if written.is_empty() => path,
        None => format!("{path}({written})"),
    }
}

/// Which characters pass unencoded.
type Allowed = fn(char) -> bool;

/// A path segment (RFC 3986 `pchar`): Graph's ids (`19:abc@thread.v2`) stay readable.
const SEGMENT: Allowed = |c| c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c);

/// Several segments: a path, `/` kept.
const PATH: Allowed = |c| SEGMENT(c) || c == '/';

/// A query name or value: `&`, `=`, `+` and `#` encoded, OData's `$`, `,`, `(`, `'` kept.
pub(crate) const QUERY: Allowed = |c| c.is_ascii_alphanumeric() || "-._~!$'()*,;:@/?".contains(c);

pub(crate) fn encode_into(out: &mut String, text: &str, allowed: Allowed) {
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if allowed(c) {
            out.push(c);
        } else {
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
}

/// Undoes the percent-encoding of a path or query component, for comparing URLs as values.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_take_their_values_encoded() {
        assert_eq!(
            render("/chats/{}/operations/{}", &[&"19:abc@thread.v2", &"a/b c"]),
            "/chats/19:abc@thread.v2/operations/a%2Fb%20c"
        );
        // An item path keeps its slashes.
        assert_eq!(
            render(
                "/drives/{}/root:/{+}:/content",
                &[&"b!x", &"Docs/Q1 plan.docx"]
            ),
            "/drives/b!x/root:/Docs/Q1%20plan.docx:/content"
        );
        // A quoted literal doubles its quotes; numbers go in as written.
        assert_eq!(
            render("/reports/getX(period='{}')/y({})", &[&"D7'", &7]),
            "/reports/getX(period='D7''')/y(7)"
        );
    }

    #[test]
    fn function_arguments_join_the_call() {
        let (row, column, width): (i32, i32, Option<u32>) = (5, 6, None);
        let args = [
            Argument::bare("row", &row),
            Argument::bare("column", &column),
            Argument::bare("width", &width),
        ];
        assert_eq!(
            call("/x/range/cell".into(), &args),
            "/x/range/cell(row=5,column=6)"
        );
        assert_eq!(call("/x/f()".into(), &args[..1]), "/x/f(row=5)");
        assert_eq!(call("/x/f(a=1)".into(), &args[1..]), "/x/f(a=1,column=6)");
        assert_eq!(call("/x/f".into(), &args[2..]), "/x/f");
        let period = "D7'";
        assert_eq!(
            call(
                "/reports/getX".into(),
                &[Argument::quoted("period", &period)]
            ),
            "/reports/getX(period='D7''')"
        );
    }

    #[test]
    fn dates_and_times_are_written_as_odata_writes_them() {
        let at = chrono::DateTime::parse_from_rfc3339("2021-07-16T09:30:00+02:00").unwrap();
        assert_eq!(at.text(), "2021-07-16T09:30:00+02:00");
        assert_eq!(
            at.with_timezone(&chrono::Utc).text(),
            "2021-07-16T07:30:00Z"
        );
        let day = chrono::NaiveDate::from_ymd_opt(2018, 3, 5).unwrap();
        assert_eq!(day.text(), "2018-03-05");
        assert_eq!(Some(7).text(), "7");
        assert!(!None::<i32>.is_present());
    }
}

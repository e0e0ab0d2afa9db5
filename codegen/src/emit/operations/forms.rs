//! The ways an operation's path is written, as the generated code renders them: the template
//! for the runtime's `render`, the names of its values, the variant names of a `...Path` enum.

use super::super::ident::{self, Scope};
use crate::parse::path::{around_placeholder, placeholder, Segment, Template};
use crate::schema::operations::{Operation, OperationPath};
use crate::schema::TypeRef;

/// One way an operation's path is written, as the generated code renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathForm {
    /// For the runtime's `render`: `/users/{}/messages`, `{+}` for an item path.
    pub render: String,
    /// The template as the page writes it.
    pub written: String,
    /// The placeholders, in order, as written (`id | userPrincipalName` as `id`).
    pub placeholders: Vec<String>,
    /// The names of the path's literal segments: `["users", "messages"]`.
    literals: Vec<String>,
    /// The names of the arguments its calls write: `["startDateTime", "endDateTime"]`.
    pub arguments: Vec<String>,
}

/// The ways `operation` is sent, one per distinct rendering, in documentation order; and the
/// query options its paths require (`calendarView?startDateTime={x}`), by name: those every
/// path writes. One some paths leave out (`events/delta` and `events/delta?startDateTime=`
/// on one page) is optional, added with `query_option` as `$select` is.
pub fn path_forms(operation: &Operation) -> (Vec<PathForm>, Vec<String>) {
    let mut forms: Vec<PathForm> = Vec::new();
    let mut query: Option<Vec<String>> = None;
    for path in &operation.paths {
        let form = path_form(path);
        let written: Vec<String> = query_pairs(&path.template)
            .into_iter()
            .filter(|(name, value)| !name.starts_with('$') && placeholder(value).is_some())
            .map(|(name, _)| name)
            .collect();
        query = Some(match query {
            None => written.into_iter().fold(Vec::new(), |mut all, name| {
                if !all.contains(&name) {
                    all.push(name);
                }
                all
            }),
            Some(so_far) => so_far
                .into_iter()
                .filter(|name| written.iter().any(|w| w.eq_ignore_ascii_case(name)))
                .collect(),
        });
        if !forms.iter().any(|f| f.render == form.render) {
            forms.push(form);
        }
    }
    (forms, query.unwrap_or_default())
}

pub fn path_form(path: &OperationPath) -> PathForm {
    let mut render = String::new();
    let mut placeholders = Vec::new();
    let mut literals = Vec::new();
    let mut arguments = Vec::new();
    let take = |value: &str, placeholders: &mut Vec<String>| -> Option<()> {
        placeholders.push(placeholder(value)?.split('|').next()?.trim().to_string());
        Some(())
    };
    let last = path.template.segments.last().unwrap_or(&Segment::Value);
    let path_text = path
        .written
        .split('?')
        .next()
        .unwrap_or_default()
        .trim_end();
    for segment in &path.template.segments {
        if !matches!(segment, Segment::Addressed { .. }) {
            render.push('/');
        }
        match segment {
            Segment::Name { name } => {
                render.push_str(name);
                literals.push(name.clone());
            }
            Segment::Key { params } => {
                render.push_str("{}");
                placeholders.push(params[0].clone());
            }
            Segment::Call { name, args } => {
                render.push_str(name);
                render.push('(');
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        render.push(',');
                    }
                    if !arg.name.is_empty() {
                        render.push_str(&arg.name);
                        render.push('=');
                        arguments.push(arg.name.clone());
                    }
                    match (
                        take(&arg.value, &mut placeholders),
                        around_placeholder(&arg.value),
                    ) {
                        (Some(()), Some((before, after))) => {
                            render.push_str(before.trim());
                            render.push_str("{}");
                            render.push_str(after.trim());
                        }
                        _ => render.push_str(&arg.value),
                    }
                }
                render.push(')');
                literals.push(name.clone());
            }
            Segment::Cast { name } => {
                render.push_str(name);
                literals.push(name.rsplit('.').next().unwrap_or(name).to_string());
            }
            Segment::Addressed { path: item } => {
                render.push_str(":/");
                match take(item, &mut placeholders) {
                    Some(()) => render.push_str("{+}"),
                    None => render.push_str(item),
                }
                // `/sites/{hostname}:/{path}` ends the path without the closing colon.
                if !std::ptr::eq(segment, last) || path_text.ends_with(':') {
                    render.push(':');
                }
            }
            Segment::Value => render.push_str("$value"),
            Segment::Ref => render.push_str("$ref"),
            Segment::Count => render.push_str("$count"),
        }
    }
    let written = path
        .written
        .split_once(' ')
        .map_or(path.written.as_str(), |(_, p)| p)
        .to_string();
    PathForm {
        render,
        written,
        placeholders,
        literals,
        arguments,
    }
}

/// `a=1&b={x}` -> `[("a", "1"), ("b", "{x}")]`.
pub fn query_pairs(template: &Template) -> Vec<(String, String)> {
    template
        .query
        .as_deref()
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            Some((name.trim().to_string(), value.trim().to_string()))
        })
        .collect()
}

/// Whether some form has values: the enum then borrows them.
pub fn has_fields(forms: &[PathForm]) -> bool {
    forms.iter().any(|f| !f.placeholders.is_empty())
}

/// What an operation addresses, to name its paths' enum: the type its walk ends at (`event`,
/// `events` for a collection), else the function's own name.
pub fn addressed_name(o: &Operation, function: &str) -> String {
    use crate::schema::operations::Step;
    let end = o
        .paths
        .iter()
        .find(|p| p.complete)
        .and_then(|p| p.walk.last());
    let named = |id: &crate::schema::TypeId, collection: bool| {
        let name = id
            .qualified_name()
            .rsplit('.')
            .next()
            .unwrap_or_default()
            .to_string();
        if collection {
            format!("{name}Collection")
        } else {
            name
        }
    };
    match end {
        Some(Step::Root { ty, collection } | Step::Cast { ty, collection }) => {
            named(ty, *collection)
        }
        Some(Step::Item { ty }) => named(ty, false),
        Some(Step::Property {
            ty: TypeRef::Named(id),
            collection,
            ..
        }) => named(id, *collection),
        _ => function.to_string(),
    }
}

/// The names of a form's values: `{chat-id}` -> `chat_id`; a bare `{id}` is named after the
/// segment before it (`users/{id}` -> `user_id`), so that repeated ones read apart.
pub fn field_names(form: &PathForm, scope: &mut Scope) -> Vec<String> {
    let mut out = Vec::new();
    let mut before: Option<&str> = None;
    let segments: Vec<&str> = form.render.split('/').collect();
    let mut at = 0;
    for p in &form.placeholders {
        // The literal segment right before this placeholder's segment.
        while at < segments.len() && !segments[at].contains('{') {
            if !segments[at].is_empty() {
                before = Some(segments[at]);
            }
            at += 1;
        }
        at += 1;
        let generic = matches!(p.to_ascii_lowercase().as_str(), "id" | "key" | "name");
        let candidate = match (generic, before) {
            (true, Some(segment)) => {
                let segment = segment.split('(').next().unwrap_or(segment);
                format!(
                    "{}_{}",
                    ident::snake(&ident::singular(segment)),
                    p.to_ascii_lowercase()
                )
            }
            _ => ident::snake(p),
        };
        out.push(scope.claim(candidate));
    }
    out
}

/// A variant name per form, from the literal segments that tell the forms apart.
pub fn variant_names(forms: &[PathForm]) -> Vec<String> {
    // Literal segments all forms end with say nothing of which is which.
    let mut common = 0;
    'outer: loop {
        let mut last: Option<&str> = None;
        for f in forms {
            let Some(l) = f
                .literals
                .len()
                .checked_sub(common + 1)
                .map(|i| f.literals[i].as_str())
            else {
                break 'outer;
            };
            match last {
                None => last = Some(l),
                Some(x) if x == l => {}
                Some(_) => break 'outer,
            }
        }
        common += 1;
    }
    let mut scope = Scope::default();
    forms
        .iter()
        .map(|f| {
            let kept = &f.literals[..f.literals.len() - common.min(f.literals.len())];
            let words = if kept.is_empty() {
                "Root".to_string()
            } else {
                kept.iter()
                    .map(|w| ident::upper_camel(w, "V"))
                    .collect::<String>()
            };
            scope.claim(words)
        })
        .collect()
}

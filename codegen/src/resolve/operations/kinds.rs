//! What an operation is, from what its page says: whether the last segment of its paths
//! names the operation itself (an action or a function) rather than a property, and its kind
//! (read, list, create, action, function, ...) once its paths are walked.
//!
//! The page says it by a call segment (`filterByCurrentUser(on='reviewer')`), by the name its
//! title gives (`# user: delta`), by "this function returns" or "This OData function", or by
//! a Function parameters table; a `POST` says it by creating nothing (no object answered, or
//! a body whose rows are not that object's properties). Those that name the operation itself
//! keep their kind even where the walk through the model breaks early.
//!
//! A `POST` creates when it is answered `201 Created` with an object whose properties its
//! Request body rows are, or whose body sentence links the object (whatever its table's
//! header says); or when it is sent to a path another page `GET`s as a collection of what it
//! answers (`POST /appCatalogs/teamsApps`, answered `200` with one teamsApp: a zip upload).

use std::collections::{HashMap, HashSet};

use crate::diagnostics::Location;
use crate::parse::api::{ApiSection, Method};
use crate::parse::path::{Segment, Template};
use crate::schema::operations::{OperationKind, Response, Step};
use crate::schema::{Primitive, TypeDef, TypeId, TypeRef};

use super::super::index::TypeIndex;
use super::drafts::{Class, Draft};
use super::last_name;

/// What a plain `GET` answers with a collection of: the type it lists.
pub fn listed<'r>(d: &Draft<'_>, response: &'r Response) -> Option<&'r TypeId> {
    if d.method != Method::Get || d.class != Class::Plain {
        return None;
    }
    response
        .body
        .as_ref()
        .filter(|b| b.collection)
        .and_then(|b| b.ty.named())
}

/// The paths `GET` requests list (a collection answered), by version and spelling (names in
/// lower case, keys as `{}`): what they list and where.
pub struct Lists(HashMap<(String, Vec<String>), (TypeId, Location)>);

impl Lists {
    pub fn new(drafts: &[Draft<'_>], responses: &[Response]) -> Lists {
        let mut out = HashMap::new();
        for (d, r) in drafts.iter().zip(responses) {
            let Some(ty) = listed(d, r) else {
                continue;
            };
            for line in d.lines.iter().filter(|l| l.template.query.is_none()) {
                out.entry((d.version.clone(), spelling(&line.template)))
                    .or_insert_with(|| (ty.clone(), Location::new(&d.page.path, line.line)));
            }
        }
        Lists(out)
    }

    /// What another page lists at `template`.
    pub fn at(&self, version: &str, template: &Template) -> Option<&(TypeId, Location)> {
        self.0.get(&(version.to_string(), spelling(template)))
    }
}

/// `/users/{id}/widgets` -> `users`, `{}`, `widgets`.
fn spelling(template: &Template) -> Vec<String> {
    template
        .segments
        .iter()
        .map(|s| match s {
            Segment::Key { .. } => "{}".to_string(),
            Segment::Name { name } => name.to_ascii_lowercase(),
            other => format!("{other:?}"),
        })
        .collect()
}

/// How the page says its last segment is the operation itself, whatever the model holds:
/// `None` when it does not.
pub fn names_itself(d: &Draft<'_>) -> Option<&'static str> {
    let template = &d.lines[0].template;
    if matches!(template.segments.last(), Some(Segment::Call { .. })) {
        return Some("its call segment");
    }
    if d.bound_name
        .as_deref()
        .zip(last_name(template))
        .is_some_and(|(b, l)| b.eq_ignore_ascii_case(l))
    {
        return Some("its title");
    }
    if d.method == Method::Get && says_function(d) {
        return Some("\"this function\" in its text");
    }
    if d.method == Method::Get && has_parameter_table(d, ApiSection::FunctionParameters) {
        return Some("its Function parameters table");
    }
    None
}

/// "If successful, this function returns ...", "This OData function has some default
/// behaviors": the page speaks of itself as a function ("Unlike the **recent** OData
/// function" speaks of another, "this functionality" of nothing).
fn says_function(d: &Draft<'_>) -> bool {
    let texts = d
        .page
        .description
        .iter()
        .map(String::as_str)
        .chain(d.api.response.iter().map(|p| p.content.text.as_str()))
        .chain(d.api.request_body.iter().map(|p| p.content.text.as_str()));
    texts.into_iter().any(|t| {
        let lower = t.to_ascii_lowercase();
        ["this function", "this odata function"]
            .iter()
            .any(|phrase| {
                lower.match_indices(phrase).any(|(i, _)| {
                    !lower[i + phrase.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                })
            })
    })
}

fn has_parameter_table(d: &Draft<'_>, section: ApiSection) -> bool {
    d.api.tables.iter().any(|t| {
        t.section == section
            && t.header.first().is_some_and(|h| {
                h.trim()
                    .trim_matches('*')
                    .to_ascii_lowercase()
                    .starts_with("parameter")
            })
    })
}

/// What the page says of the last segment of its paths, before they are walked.
#[derive(Debug, Clone, PartialEq)]
pub enum Ending {
    /// It names the operation itself (an action or a function) when it is no property: the
    /// page says so (see [`names_itself`]), or a `POST` creates nothing: no object answered,
    /// or a body whose fields are not that object's (`createLink` takes `type` and `scope`
    /// and returns a [permission]).
    Operation,
    /// A `POST` that creates; `strong` when the page says so outright (answered `201 Created`
    /// with the object its body rows or sentence describe, or sent to what another page
    /// lists), with why when another page tells.
    Creates { strong: bool, why: Option<String> },
    /// Anything else: a read, an update, a delete.
    Other,
}

impl Ending {
    pub fn bound(&self) -> bool {
        *self == Ending::Operation
    }
}

/// What the page says of its last segment (see [`Ending`]).
pub fn ending(
    d: &Draft<'_>,
    response: &Response,
    types: &[TypeDef],
    index: &TypeIndex,
    lists: &Lists,
) -> Ending {
    if names_itself(d).is_some() {
        return Ending::Operation;
    }
    if d.method != Method::Post {
        return Ending::Other;
    }
    let Some(t) = response.body.as_ref().and_then(|b| b.ty.named()) else {
        return Ending::Operation;
    };
    let fields = body_fields_belong_to(d, types, t.index());
    // "Provide the new [offerShiftRequest](..) object in the request body".
    let sends_it = d.api.request_body.iter().any(|p| {
        p.content
            .links
            .iter()
            .any(|l| index.by_link(&d.version, &l.dest) == Some(t))
    });
    // A create returns what it creates (`201 Created`, though some pages say `200`) and
    // takes that object's properties, whatever the header of its table says.
    if response.status == Some(201) && (fields == Some(true) || sends_it) {
        return Ending::Creates {
            strong: true,
            why: None,
        };
    }
    let created =
        fields == Some(true) || (fields.is_none() && (response.status == Some(201) || sends_it));
    if created && !has_parameter_table(d, ApiSection::RequestBody) {
        return Ending::Creates {
            strong: false,
            why: None,
        };
    }
    // Sent to what another page lists as a collection of what it answers.
    if let Some((_, at)) = d
        .lines
        .iter()
        .find_map(|l| lists.at(&d.version, &l.template))
        .filter(|(listed, _)| listed == t)
    {
        return Ending::Creates {
            strong: true,
            why: Some(format!(
                "it is sent to what {at} lists as a collection of {t}, and answered with one"
            )),
        };
    }
    Ending::Operation
}

/// Whether most rows of the page's Request body tables name properties of `ty` (or of a
/// type derived from it): what a create sends. (Most, not all: the pages of a type whose
/// base is undocumented list the base's properties too.) `None` without such rows.
pub fn body_fields_belong_to(d: &Draft<'_>, types: &[TypeDef], ty: usize) -> Option<bool> {
    let mut names: HashSet<String> = HashSet::new();
    let mut family = vec![ty];
    let mut at = types[ty].base_type.as_ref().map(TypeId::index);
    while let Some(b) = at.filter(|b| !family.contains(b)) {
        family.push(b);
        at = types[b].base_type.as_ref().map(TypeId::index);
    }
    family.extend(
        types
            .iter()
            .enumerate()
            .filter(|(_, t)| t.base_type.as_ref().is_some_and(|b| b.index() == ty))
            .map(|(i, _)| i),
    );
    for &t in &family {
        names.extend(
            types[t]
                .properties
                .iter()
                .map(|p| p.name.to_ascii_lowercase()),
        );
    }
    let rows: Vec<String> = d
        .api
        .tables
        .iter()
        .filter(|t| t.section == ApiSection::RequestBody)
        .flat_map(|t| &t.rows)
        .filter_map(|r| r.cells.first())
        .map(|c| c.text.replace(['*', '`'], "").trim().to_ascii_lowercase())
        .filter(|n| !n.is_empty())
        .collect();
    let known = rows.iter().filter(|n| names.contains(*n)).count();
    (!rows.is_empty()).then_some(known * 2 >= rows.len())
}

/// The kind of an operation from where its walk ended (`end`, `complete` when it reached the
/// end of the path).
pub fn kind(
    d: &Draft<'_>,
    end: Option<&Step>,
    complete: bool,
    response: &Response,
    target: Option<&(TypeRef, bool)>,
) -> OperationKind {
    use OperationKind::*;
    // The walk broke before the operation's own segment: the page still says what it is.
    let bound = matches!(end, Some(Step::Bound { .. })) || (!complete && names_itself(d).is_some());
    let stream = target.is_some_and(|(ty, _)| ty.is(Primitive::Stream));
    match (d.class, d.method) {
        (Class::Value, Method::Get) => ReadContent,
        (Class::Value, _) => WriteContent,
        (Class::Ref, Method::Get) => ReadReference,
        (Class::Ref, Method::Delete) => RemoveReference,
        (Class::Ref, _) => AddReference,
        (Class::Count, _) => Count,
        (Class::Plain, Method::Get) if bound => Function,
        (Class::Plain, Method::Get) if stream => ReadContent,
        (Class::Plain, Method::Get) => {
            let many = target.is_some_and(|(_, c)| *c)
                || response.body.as_ref().is_some_and(|p| p.collection);
            if many {
                List
            } else {
                Read
            }
        }
        (Class::Plain, Method::Post) if bound => Action,
        (Class::Plain, Method::Post) if target.is_some_and(|(_, c)| *c) => Create,
        (Class::Plain, Method::Post) if stream => WriteContent,
        (Class::Plain, Method::Post) => Action,
        (Class::Plain, Method::Patch) => Update,
        (Class::Plain, Method::Put) if stream => WriteContent,
        (Class::Plain, Method::Put) => Replace,
        (Class::Plain, Method::Delete) => Delete,
    }
}

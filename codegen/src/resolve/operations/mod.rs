//! The API pages -> operations: each documented request, its paths walked through the
//! model, its parameters, body and response typed.
//!
//! A path segment no resource page documents, whose type the request itself tells
//! (`GET /users/{id}/joinedTeams` returns a collection of [team]), is a navigation property
//! the docs state only there: it is added to the type, with a note saying where from, and
//! the paths are walked again.

mod body;
mod drafts;
mod kinds;
mod methods;
mod parameters;
mod response;
mod roots;
mod tables;
mod walk;

use std::collections::HashSet;

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::api::Method;
use crate::parse::path::{Segment, Template};
use crate::schema::operations::{
    Operation, OperationKind, OperationPath, Parameter, ParameterPlace, Payload, Response, Step,
};
use crate::schema::{Implied, Primitive, Property, TypeDef, TypeId, TypeKind, TypeRef};

use super::definitions::DEFAULT_NAMESPACE;
use super::index::TypeIndex;
use super::type_cells::Cells;
use drafts::{Class, Draft};
use walk::{Composed, Model, Walked};

/// Most rounds of walking: each round may add navigation properties that longer paths walk
/// through in the next.
const ROUNDS: usize = 4;

/// Reads every operation of `pages`; adds to `types` the navigation properties only request
/// paths document and a type per action's parameters. `types[i]` has the id `i`, bases
/// linked.
pub fn resolve(
    pages: &[crate::parse::Page],
    types: &mut Vec<TypeDef>,
    index: &mut TypeIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Operation> {
    let drafts = drafts::drafts(pages);
    let responses: Vec<Response> = drafts
        .iter()
        .map(|d| response::read(d, index, diagnostics))
        .collect();
    let roots = roots::collect(&drafts, &responses, pages, types, index, diagnostics);
    let lists = kinds::Lists::new(&drafts, &responses);
    let endings: Vec<kinds::Ending> = drafts
        .iter()
        .zip(&responses)
        .map(|(d, r)| kinds::ending(d, r, types, index, &lists))
        .collect();
    let ends_bound: Vec<bool> = endings.iter().map(kinds::Ending::bound).collect();
    // A `POST` whose last segment follows a collection without a key is an action bound to
    // it, unless the page says outright that it creates.
    let post_binds: Vec<bool> = drafts
        .iter()
        .zip(&endings)
        .map(|(d, e)| {
            d.method == Method::Post && !matches!(e, kinds::Ending::Creates { strong: true, .. })
        })
        .collect();

    let rows = methods::MethodRows::new(pages);
    let mut composed = Composed::new();
    let mut walks: Vec<Vec<Walked>> = Vec::new();
    for _ in 0..ROUNDS {
        let model = Model::new(types, &roots, &composed);
        walks = drafts
            .iter()
            .zip(ends_bound.iter().zip(&post_binds))
            .map(|(d, (&bound, &post))| {
                d.lines
                    .iter()
                    .map(|l| model.walk(&d.version, &l.template, bound, post))
                    .collect()
            })
            .collect();
        let mut changed = false;
        // Functions that end a documented path can stand inside longer ones.
        for ((d, walked), response) in drafts.iter().zip(&walks).zip(&responses) {
            if d.method != Method::Get {
                continue;
            }
            let (Some(payload), Some(Step::Bound { binding, .. })) = (
                &response.body,
                walked
                    .iter()
                    .find(|w| w.broke.is_none())
                    .and_then(|w| w.steps.last()),
            ) else {
                continue;
            };
            let Some(name) = last_name(&d.lines[0].template) else {
                continue;
            };
            let key = (binding.index(), name.to_ascii_lowercase());
            if let std::collections::hash_map::Entry::Vacant(slot) = composed.entry(key) {
                slot.insert((payload.ty.clone(), payload.collection));
                changed = true;
            }
        }
        for nav in implied_navigation(
            &drafts,
            &walks,
            &responses,
            &ends_bound,
            types,
            &rows,
            index,
        ) {
            let t = &mut types[nav.owner];
            if t.properties
                .iter()
                .any(|p| p.name.eq_ignore_ascii_case(&nav.name))
            {
                continue;
            }
            diagnostics.push(Diagnostic::note(
                "navigation-from-path",
                nav.source.clone(),
                format!(
                    "{}.{} is documented only by the request path {:?}, which {}; read as a navigation property of type {}{}",
                    t.name,
                    nav.name,
                    nav.written,
                    nav.evidence,
                    if nav.collection { "collection of " } else { "" },
                    nav.ty
                ),
            ));
            if let Some((answered, row)) = &nav.row {
                diagnostics.push(Diagnostic::note(
                    "navigation-type-from-methods",
                    nav.source.clone(),
                    format!(
                        "{}.{}: the request {:?} answers with {}, but the owner's Methods row at {} returns {:?}; read as of the row's type",
                        t.name,
                        nav.name,
                        nav.written,
                        answered.qualified_name(),
                        row.source,
                        row.written
                    ),
                ));
            }
            t.properties.push(Property {
                name: nav.name,
                ty: nav.ty,
                collection: nav.collection,
                written: nav.written,
                representation_only: false,
                navigation: true,
                nullable: None,
                read_only: false,
                unresolved: None,
                description: None,
                source: nav.source,
                also_documented: Vec::new(),
            });
            changed = true;
        }
        // `/chats/{id}/messages/{id}` where the page writes `messages` as one
        // [chatMessage]: the path keys into it, so it is a collection.
        let keyable = walk::keyable(types);
        for (owner, name, at, written) in keyed_singles(&drafts, &walks) {
            // Only collections of entities are keyed (see the walk).
            let keyed_type = types[owner]
                .properties
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(&name))
                .and_then(|p| p.ty.named().map(TypeId::index));
            if !keyed_type.is_some_and(|k| keyable[k]) {
                continue;
            }
            let t = &mut types[owner];
            let owner_name = t.name.clone();
            let Some(p) = t
                .properties
                .iter_mut()
                .find(|p| p.name.eq_ignore_ascii_case(&name))
            else {
                continue;
            };
            if p.collection {
                continue;
            }
            diagnostics.push(Diagnostic::note(
                "collection-from-path",
                p.source.clone(),
                format!(
                    "{owner_name}.{} is written {:?}, one value, but the request path {written:?} ({at}) addresses an item of it by key; read as a collection",
                    p.name, p.written
                ),
            ));
            p.collection = true;
            changed = true;
        }
        // `printer.md`'s `connectors | [printConnector]`, one value, where its Methods row
        // "List connectors" returns "printConnector collection" from the page that `GET`s
        // it and answers with a collection of printConnector.
        for listed in listed_collections(&drafts, &walks, &responses, types, &rows, index) {
            let t = &mut types[listed.owner];
            let owner_name = t.name.clone();
            let Some(p) = t
                .properties
                .iter_mut()
                .find(|p| p.name.eq_ignore_ascii_case(&listed.name) && !p.collection)
            else {
                continue;
            };
            diagnostics.push(Diagnostic::note(
                "collection-from-methods",
                p.source.clone(),
                format!(
                    "{owner_name}.{} is written {:?}, one value, but the Methods row at {} returns {:?} from the page that sends {:?} ({}), which answers with a collection; read as a collection",
                    p.name, p.written, listed.row.source, listed.row.written, listed.written, listed.at
                ),
            ));
            p.collection = true;
            changed = true;
        }
        if !changed {
            break;
        }
    }

    drafts
        .iter()
        .zip(walks)
        .zip(responses)
        .zip(ends_bound.iter().zip(&endings))
        .map(|(((d, walked), response), (&bound, ending))| {
            if let kinds::Ending::Creates { why: Some(why), .. } = ending {
                diagnostics.push(Diagnostic::note(
                    "operation-create",
                    d.source(),
                    format!("{:?} is read as a create: {why}", d.lines[0].written),
                ));
            }
            build(d, walked, response, bound, types, index, diagnostics)
        })
        .collect()
}

/// The name of the last segment: `sendMail`, `reminderView(...)` -> `reminderView`.
pub(super) fn last_name(template: &Template) -> Option<&str> {
    match template.segments.last()? {
        Segment::Name { name } | Segment::Call { name, .. } => Some(name),
        _ => None,
    }
}

/// A navigation property only a request path documents.
struct ImpliedNavigation {
    owner: usize,
    name: String,
    ty: TypeRef,
    collection: bool,
    written: String,
    source: Location,
    evidence: String,
    /// The type the request answers with, where the owner's Methods row linking its page
    /// names another, which `ty` is.
    row: Option<(TypeId, methods::Returned)>,
}

/// Segments the walks broke on that name no property, where the request says what the
/// segment holds (its response, or what it creates); else, in the middle of a path, where
/// the segment is named like a documented type (`/users/{id}/authentication/methods`: the
/// type `authentication`), a guess the note says is one. Where the owner's Methods row that
/// links the request's page names another type than the request's answer, the row's type
/// is the navigation's (`user.md:72` "[List joinedTeams](../api/user-list-joinedteams.md) |
/// [team](team.md) collection" while that page answers with "a collection of [group]"),
/// with a note.
fn implied_navigation(
    drafts: &[Draft<'_>],
    walks: &[Vec<Walked>],
    responses: &[Response],
    ends_bound: &[bool],
    types: &[TypeDef],
    rows: &methods::MethodRows<'_>,
    index: &TypeIndex,
) -> Vec<ImpliedNavigation> {
    let mut out: Vec<ImpliedNavigation> = Vec::new();
    // Names other requests use as actions or functions of the type are no properties.
    let mut seen: HashSet<(usize, String)> = drafts
        .iter()
        .zip(walks)
        .flat_map(|(d, walked)| d.lines.iter().zip(walked))
        .filter_map(|(line, w)| match w.steps.last() {
            Some(Step::Bound { binding, .. }) if w.broke.is_none() => Some((
                binding.index(),
                last_name(&line.template)?.to_ascii_lowercase(),
            )),
            _ => None,
        })
        .collect();
    for (((d, walked), response), &bound) in drafts.iter().zip(walks).zip(responses).zip(ends_bound)
    {
        if d.class != Class::Plain {
            continue;
        }
        let target = response
            .body
            .as_ref()
            .and_then(|p| p.ty.named().map(|id| (id, p.collection)));
        for (line, w) in d.lines.iter().zip(walked) {
            let Some(b) = &w.broke else {
                continue;
            };
            let Some((owner, false)) = &b.on else {
                continue;
            };
            let segments = &line.template.segments;
            let Some(Segment::Name { name }) = segments.get(b.segment) else {
                continue;
            };
            let rest = &segments[b.segment + 1..];
            let keyed = matches!(rest.first(), Some(Segment::Key { .. }));
            // `?$filter=...`, `?$top=...`: OData filters and pages collections only.
            let filtered = line.template.query.as_deref().and_then(collection_option);
            let told = match (d.method, rest, target) {
                // GET .../joinedTeams -> a collection of team, or one object.
                (Method::Get, [], Some((ty, collection))) if !bound => match filtered {
                    Some(option) if !collection => Some((
                        ty.clone(),
                        true,
                        format!("returns it filtered by `{option}`, which only a collection takes"),
                    )),
                    _ => Some((ty.clone(), collection, "returns it".to_string())),
                },
                // GET .../items/{id} -> one item of a collection.
                (Method::Get, [Segment::Key { .. }], Some((ty, false))) => Some((
                    ty.clone(),
                    true,
                    "returns one item of it by key".to_string(),
                )),
                // POST .../members -> 201 Created: a member added to a collection.
                (Method::Post, [], Some((ty, false))) if !bound && response.status == Some(201) => {
                    Some((ty.clone(), true, "creates an item of it".to_string()))
                }
                // PUT /groups/{id}/team -> one team: the object put there.
                (Method::Put, [], Some((ty, false))) if !bound => Some((
                    ty.clone(),
                    false,
                    "puts one object there and answers with it".to_string(),
                )),
                _ => None,
            };
            // The owner's page says what its request returns, in the owner's words.
            let told = told.map(|(ty, collection, evidence)| {
                match rows.returned(&d.page.path, &types[owner.index()], types, index) {
                    Some(row) if row.ty != ty => {
                        (row.ty.clone(), collection, evidence, Some((ty, row)))
                    }
                    _ => (ty, collection, evidence, None),
                }
            });
            let told = told.or_else(|| {
                if rest.is_empty() {
                    return None;
                }
                let (t, collection) = named_like(types, owner.index(), name, keyed)?;
                Some((
                    TypeId::new(t, &types[t].qualified_name()),
                    collection,
                    format!(
                        "continues through it; guessed to be the {} named like it",
                        if collection {
                            "collection of the type"
                        } else {
                            "type"
                        }
                    ),
                    None,
                ))
            });
            let Some((ty, collection, evidence, row)) = told else {
                continue;
            };
            let valid = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !valid || !seen.insert((owner.index(), name.to_ascii_lowercase())) {
                continue;
            }
            out.push(ImpliedNavigation {
                owner: owner.index(),
                name: name.clone(),
                ty: TypeRef::Named(ty),
                collection,
                written: line.written.clone(),
                source: Location::new(&d.page.path, line.line),
                evidence,
                row,
            });
        }
    }
    out
}

/// The first query option of `query` that only a collection takes (`$filter`, `$top`,
/// `$skip`, `$orderby`, `$search`, `$count`).
fn collection_option(query: &str) -> Option<&str> {
    query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .map(str::trim)
        .find(|name| {
            ["$filter", "$top", "$skip", "$orderby", "$search", "$count"]
                .iter()
                .any(|o| name.eq_ignore_ascii_case(o))
        })
}

/// A property read as one value that a request `GET`s, answered with a collection of its
/// type, while the owner's Methods row linking that page returns "`T` collection".
struct ListedCollection {
    owner: usize,
    name: String,
    row: methods::Returned,
    written: String,
    at: Location,
}

fn listed_collections(
    drafts: &[Draft<'_>],
    walks: &[Vec<Walked>],
    responses: &[Response],
    types: &[TypeDef],
    rows: &methods::MethodRows<'_>,
    index: &TypeIndex,
) -> Vec<ListedCollection> {
    let mut out = Vec::new();
    for ((d, walked), response) in drafts.iter().zip(walks).zip(responses) {
        let Some(answered) = kinds::listed(d, response) else {
            continue;
        };
        for (line, w) in d.lines.iter().zip(walked) {
            let (
                None,
                Some(Step::Property {
                    owner,
                    ty,
                    collection: false,
                }),
                Some(Segment::Name { name }),
            ) = (&w.broke, w.steps.last(), line.template.segments.last())
            else {
                continue;
            };
            if ty.named() != Some(answered) {
                continue;
            }
            let Some(row) = rows.returned(&d.page.path, &types[owner.index()], types, index) else {
                continue;
            };
            if row.collection && row.ty == *answered {
                out.push(ListedCollection {
                    owner: owner.index(),
                    name: name.clone(),
                    row,
                    written: line.written.clone(),
                    at: Location::new(&d.page.path, line.line),
                });
            }
        }
    }
    out
}

/// Properties read as one value that some request path keys into: (owner, name, where,
/// the request line).
fn keyed_singles(
    drafts: &[Draft<'_>],
    walks: &[Vec<Walked>],
) -> Vec<(usize, String, Location, String)> {
    let mut out = Vec::new();
    for (d, walked) in drafts.iter().zip(walks) {
        for (line, w) in d.lines.iter().zip(walked) {
            let (
                Some(b),
                Some(Step::Property {
                    owner,
                    collection: false,
                    ..
                }),
            ) = (&w.broke, w.steps.last())
            else {
                continue;
            };
            let segments = &line.template.segments;
            let (Some(Segment::Key { .. }), Some(Segment::Name { name })) = (
                segments.get(b.segment),
                b.segment.checked_sub(1).and_then(|i| segments.get(i)),
            ) else {
                continue;
            };
            out.push((
                owner.index(),
                name.clone(),
                Location::new(&d.page.path, line.line),
                line.written.clone(),
            ));
        }
    }
    out
}

/// A structured type named `name` (a single value), or, before a key, named like the
/// singular of `name` (a collection); first with the owner's name before it
/// (`workbook.application` -> `workbookApplication`, `user.teamwork` -> `userTeamwork`).
fn named_like(types: &[TypeDef], owner: usize, name: &str, keyed: bool) -> Option<(usize, bool)> {
    let version = &types[owner].version;
    let find = |n: &str| {
        let prefixed = format!("{}{n}", types[owner].name);
        let named = |candidate: &str| {
            types.iter().position(|t| {
                t.version == *version
                    && t.kind != TypeKind::Enum
                    && t.name.eq_ignore_ascii_case(candidate)
            })
        };
        named(&prefixed).or_else(|| named(n))
    };
    if keyed {
        roots::singular(name)
            .iter()
            .find_map(|s| find(s))
            .map(|t| (t, true))
    } else {
        find(name).map(|t| (t, false))
    }
}

/// One operation, from its draft and its walked paths.
fn build(
    d: &Draft<'_>,
    walked: Vec<Walked>,
    mut response: Response,
    ends_bound: bool,
    types: &mut Vec<TypeDef>,
    index: &mut TypeIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> Operation {
    let mut paths = Vec::with_capacity(d.lines.len());
    for ((line, w), &implied) in d.lines.iter().zip(walked).zip(&d.implied) {
        let source = Location::new(&d.page.path, line.line);
        if let Some(b) = &w.broke {
            diagnostics.push(Diagnostic::warning(
                "operation-path",
                source.clone(),
                format!(
                    "{:?} cannot be walked through the model at segment {}: {}",
                    line.written,
                    b.segment + 1,
                    b.why
                ),
            ));
        }
        paths.push(OperationPath {
            written: line.written.clone(),
            template: line.template.clone(),
            source,
            heading: line.heading.clone(),
            complete: w.broke.is_none(),
            walk: w.steps,
            implied,
        });
    }
    let reference = paths
        .iter()
        .find(|p| p.complete)
        .or_else(|| paths.first())
        .expect("a draft has a request line");
    let end = reference.walk.last().cloned();
    // Where a walk that broke stopped is not what the request addresses: it types no body.
    let target = end.as_ref().filter(|_| reference.complete).and_then(target);
    let kind = kinds::kind(
        d,
        end.as_ref(),
        reference.complete,
        &response,
        target.as_ref(),
    );
    // What the page does not say but the walk read: a `POST` after a collection without a
    // key, naming nothing of it (`/followedSites/add`).
    if let (
        Some(Step::Bound {
            binding,
            collection: true,
        }),
        false,
    ) = (&end, ends_bound)
    {
        diagnostics.push(Diagnostic::note(
            "operation-bound-to-collection",
            reference.source.clone(),
            format!(
                "{:?}: `{}` follows a collection of {binding} without a key and names nothing of it; read as an action bound to the collection",
                reference.written,
                last_name(&reference.template).unwrap_or_default()
            ),
        ));
    }
    if !reference.complete && !matches!(end, Some(Step::Bound { .. })) {
        if let Some(why) = kinds::names_itself(d)
            .filter(|_| matches!(kind, OperationKind::Function | OperationKind::Action))
        {
            diagnostics.push(Diagnostic::note(
                "operation-kind-from-page",
                reference.source.clone(),
                format!(
                    "{:?} cannot be walked to its end, but {why} says the last segment is the operation itself: read as {}",
                    reference.written,
                    if kind == OperationKind::Function { "a function" } else { "an action" }
                ),
            ));
        }
    }

    let namespace = d
        .page
        .namespace
        .clone()
        .unwrap_or_else(|| DEFAULT_NAMESPACE.to_string());
    let area = d
        .page
        .front("ms.prod")
        .or_else(|| d.page.front("ms.subservice"))
        .map(str::to_string);
    let read = match kind {
        OperationKind::Action | OperationKind::Function => {
            let cells = Cells {
                index,
                version: &d.version,
                namespace: &namespace,
            };
            parameters::parameters(
                d,
                kind == OperationKind::Action,
                &paths,
                &cells,
                types,
                diagnostics,
            )
        }
        _ => parameters::Read::default(),
    };
    let parameters = read.parameters;
    let mut query_options = d.api.query_options.clone();
    for option in read.query_options {
        if !query_options.contains(&option) {
            query_options.push(option);
        }
    }

    let item = target.as_ref().map(|(ty, _)| Payload {
        ty: ty.clone(),
        collection: false,
    });
    // What the page says the body holds ("supply a JSON representation of [x]"), over what
    // the walk addresses.
    let stated = body::stated(d, index, types, diagnostics);
    let request_body = match kind {
        // A create, update or replace sends what its path addresses, or a type derived from
        // it; a walk that reached its end knows that type better than a sentence naming
        // another ("supply a JSON representation of the [registrationEnforcement] object"
        // for a PATCH of the policy that holds it).
        OperationKind::Create | OperationKind::Update | OperationKind::Replace => {
            match (stated, &item) {
                // A walk to a primitive property (`POST /me/responsibilities`, a String
                // collection of `user`) addresses nothing one creates: the sentence knows better.
                (Some(s), Some(i))
                    if reference.complete
                        && matches!(i.ty, TypeRef::Named(_))
                        && !body::is_or_derives(types, &s.ty, &i.ty) =>
                {
                    diagnostics.push(Diagnostic::note(
                        "request-body-other",
                        reference.source.clone(),
                        format!(
                            "the Request body section names {}, but {:?} addresses {}, which it does not derive from: the body is read as {}",
                            s.ty, reference.written, i.ty, i.ty
                        ),
                    ));
                    item.clone()
                }
                (Some(s), _) => Some(s),
                (None, Some(i)) => Some(i.clone()),
                // A walk that broke: what the response gives back is what was sent ("an
                // updated [agreement] object"), else the body is read as it comes.
                (None, None) => response_named(&response)
                    .inspect(|p| note_body_guess(d, &reference.source, p, diagnostics))
                    .or_else(|| untyped_body(d, &reference.source, diagnostics)),
            }
        }
        OperationKind::WriteContent => Some(Payload {
            ty: TypeRef::Primitive(Primitive::Stream),
            collection: false,
        }),
        OperationKind::Action | OperationKind::Function
            if parameters.iter().any(|p| p.place == ParameterPlace::Body) =>
        {
            Some(Payload {
                ty: TypeRef::Named(body_type(d, &parameters, &namespace, &area, types, index)),
                collection: false,
            })
        }
        OperationKind::Action => stated.or_else(|| untyped_body(d, &reference.source, diagnostics)),
        _ => None,
    };
    if response.body.is_none() && response.status != Some(204) && !response::says_no_body(&response)
    {
        response.body = match kind {
            OperationKind::Create | OperationKind::Read => item,
            OperationKind::List => target.map(|(ty, _)| Payload {
                ty,
                collection: true,
            }),
            OperationKind::ReadContent => Some(Payload {
                ty: TypeRef::Primitive(Primitive::Stream),
                collection: false,
            }),
            OperationKind::Count => Some(Payload {
                ty: TypeRef::Primitive(Primitive::Int32),
                collection: false,
            }),
            _ => None,
        };
        // "... and a **companies** object in the response body": a body comes, of a type no
        // page here defines; read whole, as JSON, rather than as nothing.
        if response.body.is_none() && response::says_a_body(&response) {
            if let Some(written) = &response.written {
                diagnostics.push(Diagnostic::note(
                    "response-untyped",
                    written.source.clone(),
                    format!(
                        "{:?} says a body comes but names no type the docs define; read as raw JSON",
                        written.text
                    ),
                ));
            }
            response.body = Some(Payload {
                ty: TypeRef::Primitive(Primitive::Untyped),
                collection: false,
            });
        }
    }

    Operation {
        version: d.version.clone(),
        name: d.name.clone(),
        kind,
        method: d.method,
        paths,
        parameters,
        request_body,
        response,
        query_options,
        headers: tables::headers(d),
        permissions: tables::permissions(d),
        title: d
            .page
            .title
            .as_ref()
            .map(|t| t.text.clone())
            .unwrap_or_default(),
        description: d.page.description.clone(),
        area,
        source: d.source(),
    }
}

/// The type a walk ends on, and whether a collection of it.
fn target(step: &Step) -> Option<(TypeRef, bool)> {
    match step {
        Step::Root { ty, collection } | Step::Cast { ty, collection } => {
            Some((TypeRef::Named(ty.clone()), *collection))
        }
        Step::Property { ty, collection, .. } | Step::Composed { ty, collection } => {
            Some((ty.clone(), *collection))
        }
        Step::Item { ty } => Some((TypeRef::Named(ty.clone()), false)),
        Step::Bound { .. } | Step::Special => None,
    }
}

/// The named type a response sends back, if one: for a create or update whose path cannot
/// be walked, what it returns is what it was sent.
fn response_named(response: &Response) -> Option<Payload> {
    response
        .body
        .clone()
        .filter(|p| matches!(p.ty, TypeRef::Named(_)) && !p.collection)
}

fn note_body_guess(
    d: &Draft<'_>,
    at: &Location,
    body: &Payload,
    diagnostics: &mut Vec<Diagnostic>,
) {
    diagnostics.push(Diagnostic::note(
        "request-body-from-response",
        at.clone(),
        format!(
            "{}: the path cannot be walked and the Request body section names no type; the body is read as the {} the response returns",
            d.name, body.ty
        ),
    ));
}

/// A body the Request body section describes, of no type it names: sent as raw JSON (or
/// bytes, when it says so) rather than not at all.
fn untyped_body(
    d: &Draft<'_>,
    at: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Payload> {
    if !body::documents_a_body(d) {
        return None;
    }
    if body::says_binary(d) {
        return Some(Payload {
            ty: TypeRef::Primitive(Primitive::Stream),
            collection: false,
        });
    }
    diagnostics.push(Diagnostic::note(
        "request-body-untyped",
        at.clone(),
        format!(
            "{}: the Request body section describes a body but names no type the docs define; sent as raw JSON",
            d.name
        ),
    ));
    Some(Payload {
        ty: TypeRef::Primitive(Primitive::Untyped),
        collection: false,
    })
}

/// The type of an action's request body: its parameters as properties, read and written like
/// every model.
fn body_type(
    d: &Draft<'_>,
    parameters: &[Parameter],
    namespace: &str,
    area: &Option<String>,
    types: &mut Vec<TypeDef>,
    index: &mut TypeIndex,
) -> TypeId {
    let mut name = format!("{}Body", d.name);
    let mut n = 2;
    while index.contains(&d.version, &format!("{namespace}.{name}")) {
        name = format!("{}Body{n}", d.name);
        n += 1;
    }
    let id = index.insert(&d.version, &format!("{namespace}.{name}"), None);
    debug_assert_eq!(id.index(), types.len(), "ids follow the types");
    let action = last_name(&d.lines[0].template).unwrap_or(&d.name);
    types.push(TypeDef {
        name,
        namespace: namespace.to_string(),
        version: d.version.clone(),
        kind: TypeKind::Complex,
        base_type: None,
        base_written: None,
        is_abstract: false,
        open_type: false,
        media_entity: false,
        key: None,
        addressed: None,
        singleton: None,
        implied: Some(Implied::ActionBody {
            operation: d.name.clone(),
        }),
        source: parameters[0].written.source.clone(),
        other_parts: Vec::new(),
        description: Some(format!(
            "The request body of the `{action}` action ({}): its parameters.",
            d.lines[0].written
        )),
        area: area.clone(),
        properties: parameters
            .iter()
            .filter(|p| p.place == ParameterPlace::Body)
            .map(|p| Property {
                name: p.name.clone(),
                ty: p.ty.clone(),
                collection: p.collection,
                written: p.written.text.clone(),
                representation_only: false,
                navigation: false,
                nullable: None,
                read_only: false,
                unresolved: p.unresolved.clone(),
                description: p.description.clone(),
                source: p.written.source.clone(),
                also_documented: Vec::new(),
            })
            .collect(),
        members: Vec::new(),
        inline_for: Vec::new(),
    });
    id
}

/// Whether a sentence of the docs says one of `phrases` (lower case, "not" spelled out): the
/// case and "n't" do not matter ("Doesn't return anything", "does not return anything").
fn says_one_of(text: &str, phrases: &[&str]) -> bool {
    let lower = text.to_ascii_lowercase().replace("n't", " not");
    phrases.iter().any(|phrase| lower.contains(phrase))
}

//! The first segments of request paths: entity sets and singletons. The docs list them
//! nowhere; the requests on them say what they hold: `GET /users` returns a collection of
//! [user], so `users` is an entity set of `user`; `GET /me` returns a [user], so `me` is a
//! singleton; `GET /chats/{chat-id}` returns a [chat]. Where no request says, the name is
//! matched to a type (`/print` -> `print`, `/teamwork` -> `teamwork`), and a note says it was
//! guessed.

use std::collections::{HashMap, HashSet};

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::api::Method;
use crate::parse::path::Segment;
use crate::schema::operations::Response;
use crate::schema::{Implied, TypeDef, TypeId, TypeKind, Written};

use super::super::definitions::DEFAULT_NAMESPACE;
use super::super::index::TypeIndex;
use super::drafts::{Class, Draft};
use super::walk::{entity_like, Root, Roots};

struct Evidence {
    ty: usize,
    collection: bool,
    source: Location,
    written: String,
}

/// The roots, and for each one told by a request, that request (entity evidence).
pub fn collect(
    drafts: &[Draft<'_>],
    responses: &[Response],
    pages: &[crate::parse::Page],
    types: &mut Vec<TypeDef>,
    index: &mut TypeIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> Roots {
    let mut evidence: HashMap<(String, String), Vec<Evidence>> = HashMap::new();
    let mut named: Vec<(String, String, Location)> = Vec::new();
    // Roots some path keys into (`/chats/{chat-id}`): sets, not singletons.
    let mut keyed_roots: HashSet<(String, String)> = HashSet::new();
    // Roots some path goes on from with a name (`/tenantRelationships/managedTenants`).
    let mut named_into: HashSet<(String, String)> = HashSet::new();
    for (d, response) in drafts.iter().zip(responses) {
        let body = response
            .body
            .as_ref()
            .and_then(|p| p.ty.named().map(|id| (id.index(), p.collection)));
        for line in &d.lines {
            let segments = &line.template.segments;
            let (root, keyed) = match segments.first() {
                Some(Segment::Name { name }) => (name, false),
                Some(Segment::Call { name, args })
                    if args.len() == 1 && args[0].name.is_empty() =>
                {
                    (name, true)
                }
                _ => continue,
            };
            let key = (d.version.clone(), root.to_ascii_lowercase());
            if keyed || matches!(segments.get(1), Some(Segment::Key { .. })) {
                keyed_roots.insert(key.clone());
            }
            if !keyed && matches!(segments.get(1), Some(Segment::Name { .. })) {
                named_into.insert(key.clone());
            }
            named.push((
                key.0.clone(),
                root.clone(),
                Location::new(&d.page.path, line.line),
            ));
            // A query string (`?$expand=manager`) changes what comes back.
            let plain = d.class == Class::Plain && line.template.query.is_none();
            let told = match (segments.len(), &segments.get(1), body) {
                // GET /users -> user collection; GET /me -> user.
                (1, _, Some((ty, collection))) if plain && d.method == Method::Get && !keyed => {
                    Some((ty, collection))
                }
                // GET /users('{id}').
                (1, _, Some((ty, false))) if plain && d.method == Method::Get => Some((ty, true)),
                // POST /users -> 201 Created and a user.
                (1, _, Some((ty, false)))
                    if plain && d.method == Method::Post && response.status == Some(201) =>
                {
                    Some((ty, true))
                }
                // GET /chats/{chat-id} -> chat.
                (2, Some(Segment::Key { .. }), Some((ty, false)))
                    if plain && d.method == Method::Get && !keyed =>
                {
                    Some((ty, true))
                }
                _ => None,
            };
            if let Some((ty, collection)) = told {
                evidence.entry(key).or_default().push(Evidence {
                    ty,
                    collection,
                    source: Location::new(&d.page.path, line.line),
                    written: line.written.clone(),
                });
            }
        }
    }

    let mut roots = Roots::new();
    for (key, found) in &evidence {
        let Some(chosen) = most_general(types, found) else {
            continue;
        };
        let e = &found[chosen];
        let t = &mut types[e.ty];
        // Only entities sit in entity sets and singletons: the request addresses the type.
        let evidence = Some(Written {
            text: e.written.clone(),
            source: e.source.clone(),
        });
        if t.kind != TypeKind::Enum {
            if e.collection && t.addressed.is_none() {
                t.addressed = evidence;
            } else if !e.collection && t.singleton.is_none() {
                t.singleton = evidence;
            }
        }
        roots.insert(
            key.clone(),
            Root {
                ty: TypeId::new(e.ty, &types[e.ty].qualified_name()),
                collection: e.collection,
            },
        );
    }

    // Roots no request tells: by the type an API page's title binds its action or function
    // to, when the request sends it to the root itself (`# searchEntity: query` on `POST
    // /search/query`); a type no page documents is named as the title names it
    // (`cloudCommunications: getPresencesByUserId`).
    for (key, owner, at) in from_titles(drafts) {
        if roots.contains_key(&key) {
            continue;
        }
        let documented = types.iter().position(|t| {
            t.version == key.0 && t.kind != TypeKind::Enum && t.name.eq_ignore_ascii_case(&owner)
        });
        // A root keyed somewhere (`/users/{id}`), or named as the plural of the type, is a
        // set of it.
        let collection = keyed_roots.contains(&key)
            || singular(&key.1)
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&owner));
        let written = named
            .iter()
            .find(|(v, w, _)| *v == key.0 && w.eq_ignore_ascii_case(&key.1))
            .map_or_else(|| key.1.clone(), |(_, w, _)| w.clone());
        let ty = match documented {
            Some(t) => {
                let evidence = Some(Written {
                    text: format!("/{written}"),
                    source: at.clone(),
                });
                if collection && types[t].addressed.is_none() {
                    types[t].addressed = evidence;
                } else if !collection && types[t].singleton.is_none() {
                    types[t].singleton = evidence;
                }
                TypeId::new(t, &types[t].qualified_name())
            }
            None if collection => continue,
            None => container(&key.0, &written, &owner, &at, types, index),
        };
        diagnostics.push(Diagnostic::note(
            "root-from-title",
            at,
            format!(
                "no request says what `/{written}` holds; the page's title binds its action or function on `/{written}` to {owner}, so it is {} {ty}{}",
                if collection { "an entity set of" } else { "a singleton of" },
                if documented.is_some() { "" } else { ", a type no page documents" }
            ),
        ));
        roots.insert(key, Root { ty, collection });
    }

    // Roots no request tells: by the resource page whose Methods table lists requests on
    // them (`print.md`: "List printers" -> `GET /print/printers`).
    for (key, t) in from_methods(drafts, responses, pages, types) {
        if roots.contains_key(&key) {
            continue;
        }
        let at = named
            .iter()
            .find(|(v, w, _)| (v, w.to_ascii_lowercase()) == (&key.0, key.1.clone()))
            .map(|(_, _, at)| at.clone());
        let ty = TypeId::new(t, &types[t].qualified_name());
        if let Some(at) = at {
            diagnostics.push(Diagnostic::note(
                "root-from-methods",
                at,
                format!(
                    "no request says what `/{}` holds; the Methods table of {} lists requests on it, so it is a singleton of {ty}",
                    key.1,
                    types[t].source
                ),
            ));
        }
        if types[t].singleton.is_none() {
            types[t].singleton = Some(Written {
                text: format!("/{}", key.1),
                source: types[t].source.clone(),
            });
        }
        roots.insert(
            key,
            Root {
                ty,
                collection: false,
            },
        );
    }

    // Else by name, among the types that can stand there: entities.
    named.sort_by(|a, b| a.2.cmp(&b.2));
    for (version, written, at) in named {
        let key = (version.clone(), written.to_ascii_lowercase());
        if roots.contains_key(&key) {
            continue;
        }
        let named_exactly = |name: &str| {
            types.iter().position(|t| {
                t.version == version
                    && t.kind != TypeKind::Enum
                    && t.name.eq_ignore_ascii_case(name)
            })
        };
        // A type merely named like the segment must show it is an entity (`identity` is a
        // complex type, not what `/identity` holds); one named for a root says so itself.
        let by_name = |name: &str| named_exactly(name).filter(|&t| entity_like(types, t));
        // `/print` -> `print`, `/auditLogs` -> `auditLogRoot`, `/users` -> `user` (a set).
        let guess = by_name(&written)
            .or_else(|| named_exactly(&format!("{written}Root")))
            .map(|t| (t, false))
            .or_else(|| {
                singular(&written)
                    .into_iter()
                    .find_map(|s| named_exactly(&format!("{s}Root")))
                    .map(|t| (t, false))
            })
            .or_else(|| {
                // `/users` -> a set of `user`; but a root the paths go on from by name and
                // never key into holds one (`/tenantRelationships/managedTenants`).
                let set = keyed_roots.contains(&key) || !named_into.contains(&key);
                singular(&written)
                    .into_iter()
                    .find_map(|s| by_name(&s))
                    .map(|t| (t, set))
            });
        let Some((t, collection)) = guess else {
            // A set of a type no page names can be given no type of its own.
            if keyed_roots.contains(&key) {
                continue;
            }
            let ty = container(&version, &written, &written, &at, types, index);
            diagnostics.push(Diagnostic::note(
                "root-type-implied",
                at,
                format!(
                    "no page documents a type for `/{written}`; it is read as a singleton of a type {ty} of its own, whose navigation properties are those its request paths document"
                ),
            ));
            roots.insert(
                key,
                Root {
                    ty,
                    collection: false,
                },
            );
            continue;
        };
        let ty = TypeId::new(t, &types[t].qualified_name());
        diagnostics.push(Diagnostic::note(
            "root-from-name",
            at,
            format!(
                "no request says what `/{written}` holds; read as {} {} by its name",
                if collection {
                    "an entity set of"
                } else {
                    "a singleton"
                },
                ty
            ),
        ));
        roots.insert(key, Root { ty, collection });
    }
    roots
}

/// A type for a root no page documents (`/policies`, `/education`): named `name` (the
/// segment, or what a page's title calls it), or that and `Root` when a type of that name
/// exists already.
fn container(
    version: &str,
    written: &str,
    name: &str,
    at: &Location,
    types: &mut Vec<TypeDef>,
    index: &mut TypeIndex,
) -> TypeId {
    let namespace = DEFAULT_NAMESPACE;
    let mut name = name.to_string();
    if index.contains(version, &format!("{namespace}.{name}")) {
        name.push_str("Root");
    }
    while index.contains(version, &format!("{namespace}.{name}")) {
        name.push('_');
    }
    let id = index.insert(version, &format!("{namespace}.{name}"), None);
    debug_assert_eq!(id.index(), types.len(), "ids follow the types");
    types.push(TypeDef {
        name,
        namespace: namespace.to_string(),
        version: version.to_string(),
        kind: TypeKind::Entity,
        base_type: None,
        base_written: None,
        is_abstract: false,
        open_type: false,
        media_entity: false,
        key: None,
        addressed: None,
        singleton: Some(Written {
            text: format!("/{written}"),
            source: at.clone(),
        }),
        implied: Some(Implied::Root {
            path: format!("/{written}"),
        }),
        source: at.clone(),
        other_parts: Vec::new(),
        description: Some(format!(
            "What `/{written}` holds. No page documents its type; its navigation properties are those the request paths under `/{written}` document."
        )),
        area: None,
        properties: Vec::new(),
        members: Vec::new(),
        inline_for: Vec::new(),
    });
    id
}

/// Roots an API page's title names the type of: `# searchEntity: query` over `POST
/// /search/query` (the bound segment right after the root). For each root, the owner most
/// titles give, and the first request line that says so.
fn from_titles(drafts: &[Draft<'_>]) -> Vec<((String, String), String, Location)> {
    let mut found: Vec<((String, String), String, Location)> = Vec::new();
    for d in drafts {
        let (Some(owner), Some(name)) = (&d.bound_owner, &d.bound_name) else {
            continue;
        };
        for line in &d.lines {
            let [Segment::Name { name: root }, last] = line.template.segments.as_slice() else {
                continue;
            };
            let bound = match last {
                Segment::Name { name } | Segment::Call { name, .. } => name,
                _ => continue,
            };
            if bound.eq_ignore_ascii_case(name) {
                found.push((
                    (d.version.clone(), root.to_ascii_lowercase()),
                    owner.clone(),
                    Location::new(&d.page.path, line.line),
                ));
            }
        }
    }
    found.sort_by(|a, b| a.2.cmp(&b.2));
    let mut out: Vec<((String, String), String, Location)> = Vec::new();
    for (key, owner, at) in &found {
        if out.iter().any(|(k, _, _)| k == key) {
            continue;
        }
        // The owner most titles on this root give; ties to the first.
        let count = |o: &str| {
            found
                .iter()
                .filter(|(k, w, _)| k == key && w.eq_ignore_ascii_case(o))
                .count()
        };
        let best = found
            .iter()
            .filter(|(k, _, _)| k == key)
            .max_by_key(|(_, w, a)| (count(w), std::cmp::Reverse(a.clone())))
            .map_or(owner, |(_, w, _)| w);
        out.push((key.clone(), best.clone(), at.clone()));
    }
    out
}

/// Roots a resource page's Methods table leads to: its rows link to API pages whose requests
/// go from the root through a property of the page's type to something else (`GET
/// /print/printers` from `print.md`: `print` is the page's type).
fn from_methods(
    drafts: &[Draft<'_>],
    responses: &[Response],
    pages: &[crate::parse::Page],
    types: &[TypeDef],
) -> Vec<((String, String), usize)> {
    let mut by_stem: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, d) in drafts.iter().enumerate() {
        if let Some(stem) = crate::parse::type_ref::link_stem(&d.page.path) {
            by_stem
                .entry((d.version.clone(), stem.to_ascii_lowercase()))
                .or_default()
                .push(i);
        }
    }
    let page_of: HashMap<&str, &crate::parse::Page> =
        pages.iter().map(|p| (p.path.as_str(), p)).collect();
    let mut votes: HashMap<(String, String), HashMap<usize, usize>> = HashMap::new();
    for (t, ty) in types.iter().enumerate() {
        if ty.kind == TypeKind::Enum {
            continue;
        }
        let Some(page) = page_of.get(ty.source.file.as_str()) else {
            continue;
        };
        let has_property = |name: &str| {
            let mut at = Some(t);
            let mut seen = Vec::new();
            while let Some(i) = at.filter(|i| !seen.contains(i)) {
                seen.push(i);
                if types[i]
                    .properties
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(name))
                {
                    return true;
                }
                at = types[i].base_type.as_ref().map(TypeId::index);
            }
            false
        };
        for row in &page.methods {
            let Some(stem) = row
                .method
                .link
                .as_deref()
                .and_then(crate::parse::type_ref::link_stem)
            else {
                continue;
            };
            for &i in by_stem
                .get(&(ty.version.clone(), stem.to_ascii_lowercase()))
                .into_iter()
                .flatten()
            {
                let other = responses[i]
                    .body
                    .as_ref()
                    .and_then(|p| p.ty.named())
                    .is_some_and(|r| r.index() != t);
                for line in &drafts[i].lines {
                    // `/print/printers`: a root, then a property of the page's type.
                    let root = match line.template.segments.as_slice() {
                        [Segment::Name { name: root }, Segment::Name { name: property }]
                        | [Segment::Name { name: root }, Segment::Name { name: property }, Segment::Key { .. }]
                            if has_property(property) =>
                        {
                            Some(root)
                        }
                        _ => None,
                    };
                    if let (true, Some(name)) = (other, root) {
                        *votes
                            .entry((ty.version.clone(), name.to_ascii_lowercase()))
                            .or_default()
                            .entry(t)
                            .or_default() += 1;
                    }
                }
            }
        }
    }
    let mut out: Vec<((String, String), usize)> = votes
        .into_iter()
        .filter_map(|(key, v)| {
            v.into_iter()
                .max_by_key(|&(t, n)| (n, std::cmp::Reverse(t)))
                .map(|(t, _)| (key, t))
        })
        .collect();
    out.sort();
    out
}

/// The evidence naming the type named most often; ties go to the most general (the others
/// derive from it), then to the first.
fn most_general(types: &[TypeDef], found: &[Evidence]) -> Option<usize> {
    let ancestors = |t: usize| {
        let mut out = vec![t];
        while let Some(b) = types[*out.last().expect("non-empty")]
            .base_type
            .as_ref()
            .map(TypeId::index)
        {
            if out.contains(&b) {
                break;
            }
            out.push(b);
        }
        out
    };
    (0..found.len()).max_by_key(|&i| {
        let covers = found
            .iter()
            .filter(|e| ancestors(e.ty).contains(&found[i].ty))
            .count();
        let same = found.iter().filter(|e| e.ty == found[i].ty).count();
        (same, covers, std::cmp::Reverse(i))
    })
}

/// `users` -> `user`, `policies` -> `policy`, `addresses` -> `address`.
pub fn singular(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(stem) = word.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es") {
        out.push(stem.to_string());
    }
    if let Some(stem) = word.strip_suffix('s') {
        out.push(stem.to_string());
    }
    out
}

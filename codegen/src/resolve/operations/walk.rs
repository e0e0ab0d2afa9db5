//! Walking a request path through the model: from its root (an entity set or a singleton)
//! through keys, navigation and structural properties, casts and functions, to the bound
//! action or function it may end with.

use std::collections::HashMap;

use super::super::entities::ENTITY;
use crate::parse::path::{Segment, Template};
use crate::schema::operations::Step;
use crate::schema::{TypeDef, TypeId, TypeKind, TypeRef};

/// The first segment of a path: what it is, by version and lowercase name.
#[derive(Debug, Clone, PartialEq)]
pub struct Root {
    pub ty: TypeId,
    pub collection: bool,
}

pub type Roots = HashMap<(String, String), Root>;

/// Functions that can stand in the middle of a path (`range(address='A1')/format`): by
/// the type they are bound to and their lowercase name, what they return.
pub type Composed = HashMap<(usize, String), (TypeRef, bool)>;

/// Everything a walk looks at.
pub struct Model<'t> {
    pub types: &'t [TypeDef],
    pub roots: &'t Roots,
    pub composed: &'t Composed,
    /// (version, lowercase qualified name) -> type.
    pub by_name: HashMap<(String, String), usize>,
    /// Per type, the types derived from it.
    pub derived: Vec<Vec<usize>>,
    /// Per type, whether a path may key into it (see [`keyable`]).
    pub keyable: Vec<bool>,
}

/// Whether a type shows a sign of being an entity: a key, a request or Methods row that
/// addresses it, on it or a base. (Before the types are classified: what a path may key.)
pub fn entity_like(types: &[TypeDef], t: usize) -> bool {
    let mut at = Some(t);
    let mut seen = Vec::new();
    while let Some(i) = at.filter(|i| !seen.contains(i)) {
        seen.push(i);
        let ty = &types[i];
        if ty.key.is_some()
            || ty.addressed.is_some()
            || ty.singleton.is_some()
            || ty.qualified_name() == ENTITY
        {
            return true;
        }
        at = ty.base_type.as_ref().map(TypeId::index);
    }
    false
}

/// Per type, whether a path may key into it: a sign of being an entity (see
/// [`entity_like`]), or a navigation property that targets it or a base (only entities are
/// navigation targets: `appRoleAssignment` is one only so, and
/// `/servicePrincipals/{id}/appRoleAssignedTo/{id}` keys into it).
pub fn keyable(types: &[TypeDef]) -> Vec<bool> {
    let mut targeted = vec![false; types.len()];
    for p in types
        .iter()
        .flat_map(|t| &t.properties)
        .filter(|p| p.navigation)
    {
        if let Some(id) = p.ty.named() {
            targeted[id.index()] = true;
        }
    }
    (0..types.len())
        .map(|t| {
            let mut at = Some(t);
            let mut seen = Vec::new();
            while let Some(i) = at.filter(|i| !seen.contains(i)) {
                if targeted[i] {
                    return true;
                }
                seen.push(i);
                at = types[i].base_type.as_ref().map(TypeId::index);
            }
            entity_like(types, t)
        })
        .collect()
}

/// Where a walk stopped short, and on what.
#[derive(Debug, Clone)]
pub struct Break {
    /// The segment it stopped at.
    pub segment: usize,
    /// The type it stood on there, and whether a collection of it.
    pub on: Option<(TypeId, bool)>,
    pub why: String,
}

#[derive(Debug, Clone)]
pub struct Walked {
    pub steps: Vec<Step>,
    pub broke: Option<Break>,
}

impl<'t> Model<'t> {
    pub fn new(types: &'t [TypeDef], roots: &'t Roots, composed: &'t Composed) -> Model<'t> {
        let by_name = types
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    (t.version.clone(), t.qualified_name().to_ascii_lowercase()),
                    i,
                )
            })
            .collect();
        let mut derived = vec![Vec::new(); types.len()];
        for (i, t) in types.iter().enumerate() {
            let mut at = t.base_type.as_ref().map(TypeId::index);
            let mut seen = vec![i];
            while let Some(b) = at.filter(|b| !seen.contains(b)) {
                derived[b].push(i);
                seen.push(b);
                at = types[b].base_type.as_ref().map(TypeId::index);
            }
        }
        let keyable = keyable(types);
        Model {
            types,
            roots,
            composed,
            by_name,
            derived,
            keyable,
        }
    }

    fn id(&self, i: usize) -> TypeId {
        TypeId::new(i, &self.types[i].qualified_name())
    }

    /// A property of `ty` or its bases, by name in any case; else of a type derived from
    /// it (paths sometimes leave out the cast).
    fn property(&self, ty: usize, name: &str) -> Option<(usize, TypeRef, bool)> {
        let own = |t: usize| {
            let mut at = Some(t);
            let mut seen = Vec::new();
            while let Some(i) = at.filter(|i| !seen.contains(i)) {
                seen.push(i);
                if let Some(p) = self.types[i]
                    .properties
                    .iter()
                    .find(|p| p.name.eq_ignore_ascii_case(name))
                {
                    return Some((i, p.ty.clone(), p.collection));
                }
                at = self.types[i].base_type.as_ref().map(TypeId::index);
            }
            None
        };
        own(ty).or_else(|| self.derived[ty].iter().find_map(|&d| own(d)))
    }

    /// Walks `template`; `ends_bound` says the last segment names the operation itself (an
    /// action or a function) when it is no property. A `POST` (`post`) whose last segment
    /// follows a collection without a key, and names nothing the walk knows there, sends an
    /// action bound to the collection (`/followedSites/add`): a create would name the
    /// collection itself.
    pub fn walk(&self, version: &str, template: &Template, ends_bound: bool, post: bool) -> Walked {
        let segments = &template.segments;
        let mut steps = Vec::new();
        // Where the walk stands: a type, and whether a collection of it.
        let mut at: Option<(TypeRef, bool)> = None;
        let broke = |segment: usize, at: &Option<(TypeRef, bool)>, why: String| {
            let on = match at {
                Some((TypeRef::Named(id), c)) => Some((id.clone(), *c)),
                _ => None,
            };
            Some(Break { segment, on, why })
        };
        for (i, segment) in segments.iter().enumerate() {
            let last = i + 1 == segments.len();
            if i == 0 {
                let (name, key) = match segment {
                    Segment::Name { name } => (name.as_str(), false),
                    // `users('{id}')`.
                    Segment::Call { name, args } if args.len() == 1 && args[0].name.is_empty() => {
                        (name.as_str(), true)
                    }
                    _ => {
                        return Walked {
                            steps,
                            broke: broke(
                                0,
                                &None,
                                "the path starts with no entity set or singleton".into(),
                            ),
                        }
                    }
                };
                let Some(root) = self
                    .roots
                    .get(&(version.to_string(), name.to_ascii_lowercase()))
                else {
                    return Walked {
                        steps,
                        broke: broke(
                            0,
                            &None,
                            format!("`{name}` is no entity set or singleton the docs document"),
                        ),
                    };
                };
                steps.push(Step::Root {
                    ty: root.ty.clone(),
                    collection: root.collection,
                });
                at = Some((TypeRef::Named(root.ty.clone()), root.collection));
                if key {
                    steps.push(Step::Item {
                        ty: root.ty.clone(),
                    });
                    at = Some((TypeRef::Named(root.ty.clone()), false));
                }
                continue;
            }
            let Some((here, collection)) = at.clone() else {
                break;
            };
            let named = here.named().map(TypeId::index);
            match segment {
                // `/branding/{property name}`, `/apiConnectorConfiguration/{step}`: after a
                // single value, what looks like a key is a property the caller names (only
                // entities are keyed), of no type the path can tell.
                Segment::Key { params }
                    if !collection
                        && (params
                            .iter()
                            .any(|p| p.to_ascii_lowercase().contains("property"))
                            || named.is_some_and(|t| !self.keyable[t])) =>
                {
                    steps.push(Step::Special);
                    at = Some((TypeRef::Primitive(crate::schema::Primitive::Untyped), false));
                }
                Segment::Key { .. } | Segment::Addressed { .. } => {
                    let Some(t) = named else {
                        return Walked {
                            steps,
                            broke: broke(i, &at, format!("a key after a value of {here}")),
                        };
                    };
                    if !collection && matches!(segment, Segment::Key { .. }) {
                        return Walked {
                            steps,
                            broke: broke(
                                i,
                                &at,
                                format!("a key after a single {}", self.types[t].name),
                            ),
                        };
                    }
                    steps.push(Step::Item { ty: self.id(t) });
                    at = Some((here, false));
                }
                Segment::Name { name } => {
                    let Some(t) = named.filter(|&t| self.types[t].kind != TypeKind::Enum) else {
                        return Walked {
                            steps,
                            broke: broke(i, &at, format!("`{name}` after a value of {here}")),
                        };
                    };
                    if !collection {
                        if let Some((owner, ty, c)) = self.property(t, name) {
                            steps.push(Step::Property {
                                owner: self.id(owner),
                                ty: ty.clone(),
                                collection: c,
                            });
                            at = Some((ty, c));
                            continue;
                        }
                    }
                    if last && (ends_bound || (post && collection)) {
                        steps.push(Step::Bound {
                            binding: self.id(t),
                            collection,
                        });
                        continue;
                    }
                    if let Some((ty, c)) = self.composed.get(&(t, name.to_ascii_lowercase())) {
                        steps.push(Step::Composed {
                            ty: ty.clone(),
                            collection: *c,
                        });
                        at = Some((ty.clone(), *c));
                        continue;
                    }
                    let why = if collection {
                        format!("`{name}` follows a collection of {} without a key, and is no action or function of it", self.types[t].name)
                    } else {
                        format!(
                            "`{name}` is no property of {}",
                            self.types[t].qualified_name()
                        )
                    };
                    return Walked {
                        steps,
                        broke: broke(i, &at, why),
                    };
                }
                Segment::Call { name, args } => {
                    let Some(t) = named else {
                        return Walked {
                            steps,
                            broke: broke(i, &at, format!("`{name}(...)` after a value of {here}")),
                        };
                    };
                    // `items('{id}')`: a property and a key in parentheses.
                    if args.len() == 1 && args[0].name.is_empty() && !collection {
                        if let Some((owner, ty, true)) = self.property(t, name) {
                            steps.push(Step::Property {
                                owner: self.id(owner),
                                ty: ty.clone(),
                                collection: true,
                            });
                            if let Some(id) = ty.named() {
                                steps.push(Step::Item { ty: id.clone() });
                            }
                            at = Some((ty, false));
                            continue;
                        }
                    }
                    if last {
                        steps.push(Step::Bound {
                            binding: self.id(t),
                            collection,
                        });
                        continue;
                    }
                    match self.composed.get(&(t, name.to_ascii_lowercase())) {
                        Some((ty, c)) => {
                            steps.push(Step::Composed {
                                ty: ty.clone(),
                                collection: *c,
                            });
                            at = Some((ty.clone(), *c));
                        }
                        None => {
                            return Walked {
                                steps,
                                broke: broke(i, &at, format!("`{name}(...)` is a function of {} whose result no page documents", self.types[t].name)),
                            }
                        }
                    }
                }
                Segment::Cast { name } => {
                    let Some(&cast) = self
                        .by_name
                        .get(&(version.to_string(), name.to_ascii_lowercase()))
                    else {
                        return Walked {
                            steps,
                            broke: broke(
                                i,
                                &at,
                                format!("cast to `{name}`, which no page of {version} defines"),
                            ),
                        };
                    };
                    let related = named.is_some_and(|t| {
                        t == cast
                            || self.derived[t].contains(&cast)
                            || self.derived[cast].contains(&t)
                    });
                    if !related {
                        return Walked {
                            steps,
                            broke: broke(
                                i,
                                &at,
                                format!("cast to `{name}`, which does not derive from {here}"),
                            ),
                        };
                    }
                    steps.push(Step::Cast {
                        ty: self.id(cast),
                        collection,
                    });
                    at = Some((TypeRef::Named(self.id(cast)), collection));
                }
                Segment::Value | Segment::Ref | Segment::Count => {
                    if !last {
                        return Walked {
                            steps,
                            broke: broke(i, &at, "`$value`, `$ref` and `$count` end a path".into()),
                        };
                    }
                    steps.push(Step::Special);
                }
            }
        }
        Walked { steps, broke: None }
    }
}

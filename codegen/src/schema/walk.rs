//! Building a schema and walking it: the index of names, base chains, inherited properties,
//! closures.

use std::collections::HashMap;

use super::operations::{Operation, Step};
use super::{Property, Schema, TypeDef, TypeId, TypeRef};
use crate::diagnostics::Diagnostic;

impl Schema {
    /// A schema of `types` and `operations`, whose references must already point into
    /// `types`.
    pub fn new(
        types: Vec<TypeDef>,
        operations: Vec<Operation>,
        diagnostics: Vec<Diagnostic>,
    ) -> Schema {
        let ids = types
            .iter()
            .enumerate()
            .map(|(i, t)| TypeId::new(i, &t.qualified_name()))
            .collect();
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
        Schema {
            types,
            operations,
            diagnostics,
            ids,
            by_name,
        }
    }

    /// The id of the type at `index`.
    pub fn id(&self, index: usize) -> &TypeId {
        &self.ids[index]
    }

    /// Every type's id, in order.
    pub fn ids(&self) -> &[TypeId] {
        &self.ids
    }

    /// The versions the schema has types of, in order.
    pub fn versions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.types.iter().map(|t| t.version.as_str()).collect();
        out.dedup();
        out
    }

    pub fn get(&self, id: &TypeId) -> &TypeDef {
        &self.types[id.index()]
    }

    /// A type of `version` by a name from outside the model: qualified, any case, with or
    /// without the `#` of an `@odata.type`.
    pub fn find(&self, version: &str, qualified: &str) -> Option<&TypeId> {
        let key = (
            version.to_string(),
            qualified
                .trim()
                .trim_start_matches('#')
                .to_ascii_lowercase(),
        );
        self.by_name.get(&key).map(|&i| &self.ids[i])
    }

    /// The base types of `id`, nearest first (resolve breaks inheritance cycles).
    pub fn bases(&self, id: &TypeId) -> Vec<&TypeId> {
        let mut chain: Vec<&TypeId> = Vec::new();
        let mut at = id;
        while let Some(base) = &self.get(at).base_type {
            if base == id || chain.contains(&base) {
                break;
            }
            chain.push(base);
            at = base;
        }
        chain
    }

    /// All properties of a type, base types' first; a property redefined lower down keeps its
    /// place and takes the derived definition.
    pub fn all_properties(&self, id: &TypeId) -> Vec<&Property> {
        let mut chain = self.bases(id);
        chain.reverse();
        chain.push(id);
        let mut out: Vec<&Property> = Vec::new();
        // Hashed: a type may have tens of thousands of properties.
        let mut at: HashMap<&str, usize> = HashMap::new();
        for t in chain {
            for p in &self.get(t).properties {
                match at.get(p.name.as_str()) {
                    Some(&i) => out[i] = p,
                    None => {
                        at.insert(&p.name, out.len());
                        out.push(p);
                    }
                }
            }
        }
        out
    }

    /// The types `roots` and `operations` (indices into `operations`) need: themselves, their
    /// base types, and the types of their properties, bodies, responses and parameters,
    /// transitively; with `operations`, every operation the kept types serve: one that returns,
    /// takes or addresses a kept type and names no other in its body, response or parameters.
    /// A path that crosses types not kept loses its walk. Diagnostics are kept whole.
    pub fn closure(&self, roots: &[TypeId], operations: &[usize]) -> Schema {
        let mut keep = vec![false; self.types.len()];
        let mut stack: Vec<&TypeId> = roots.iter().collect();
        for &o in operations {
            stack.extend(payload_types(&self.operations[o]));
        }
        while let Some(id) = stack.pop() {
            if std::mem::replace(&mut keep[id.index()], true) {
                continue;
            }
            let t = self.get(id);
            let needed = t
                .base_type
                .iter()
                .chain(t.properties.iter().filter_map(|p| p.ty.named()));
            stack.extend(needed.filter(|n| !keep[n.index()]));
        }
        let types = self
            .types
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(t, _)| t.clone())
            .collect();
        let kept = |id: &TypeId| keep[id.index()];
        let mut kept_operations: Vec<Operation> = self
            .operations
            .iter()
            .enumerate()
            .filter(|(i, o)| {
                operations.contains(i)
                    || (payload_types(o).all(kept)
                        && payload_types(o).chain(addressed_types(o)).any(kept))
            })
            .map(|(_, o)| o.clone())
            .collect();
        for path in kept_operations.iter_mut().flat_map(|o| o.paths.iter_mut()) {
            if !path.walk.iter().flat_map(step_types).all(kept) {
                path.walk.clear();
                path.complete = false;
            }
        }
        let position = positions(&keep);
        let mut types: Vec<TypeDef> = types;
        relink(&mut types, &mut kept_operations, |id| position[id.index()]);
        Schema::new(types, kept_operations, self.diagnostics.clone())
    }
}

/// The types an operation's body, response and parameters name.
fn payload_types(o: &Operation) -> impl Iterator<Item = &TypeId> {
    o.request_body
        .iter()
        .chain(o.response.body.iter())
        .map(|p| &p.ty)
        .chain(o.parameters.iter().map(|p| &p.ty))
        .filter_map(TypeRef::named)
}

/// The types an operation's paths end at.
fn addressed_types(o: &Operation) -> impl Iterator<Item = &TypeId> {
    o.paths
        .iter()
        .filter_map(|p| p.walk.last())
        .flat_map(|step| step_types(step).last())
}

fn step_types(step: &Step) -> impl Iterator<Item = &TypeId> {
    let (first, second): (Option<&TypeId>, Option<&TypeRef>) = match step {
        Step::Root { ty, .. } | Step::Item { ty } | Step::Cast { ty, .. } => (Some(ty), None),
        Step::Bound { binding, .. } => (Some(binding), None),
        Step::Property { owner, ty, .. } => (Some(owner), Some(ty)),
        Step::Composed { ty, .. } => (None, Some(ty)),
        Step::Special => (None, None),
    };
    first.into_iter().chain(second.and_then(TypeRef::named))
}

/// For each kept position, its position among the kept.
fn positions(keep: &[bool]) -> Vec<Option<usize>> {
    let mut next = 0;
    keep.iter()
        .map(|&k| {
            k.then(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

/// Points every reference of `types` and `operations` at the position `moved` gives the type
/// it named (whose definition sits there now). A reference to a type that is gone is a bug
/// of the caller.
pub(crate) fn relink(
    types: &mut [TypeDef],
    operations: &mut [Operation],
    moved: impl Fn(&TypeId) -> Option<usize>,
) {
    let names: Vec<String> = types.iter().map(TypeDef::qualified_name).collect();
    let to = |id: &mut TypeId| {
        let i = moved(id).unwrap_or_else(|| panic!("{id:?} refers to a type that was removed"));
        *id = TypeId::new(i, &names[i]);
    };
    let to_ref = |r: &mut TypeRef| {
        if let TypeRef::Named(id) = r {
            to(id);
        }
    };
    for t in types.iter_mut() {
        if let Some(base) = &mut t.base_type {
            to(base);
        }
        for p in &mut t.properties {
            to_ref(&mut p.ty);
        }
    }
    for o in operations.iter_mut() {
        for p in &mut o.parameters {
            to_ref(&mut p.ty);
        }
        for payload in o.request_body.iter_mut().chain(o.response.body.iter_mut()) {
            to_ref(&mut payload.ty);
        }
        for step in o.paths.iter_mut().flat_map(|p| p.walk.iter_mut()) {
            match step {
                Step::Root { ty, .. } | Step::Item { ty } | Step::Cast { ty, .. } => to(ty),
                Step::Bound { binding, .. } => to(binding),
                Step::Property { owner, ty, .. } => {
                    to(owner);
                    to_ref(ty);
                }
                Step::Composed { ty, .. } => to_ref(ty),
                Step::Special => {}
            }
        }
    }
}

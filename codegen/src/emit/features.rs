//! Cargo features by product area (the pages' `ms.prod`): each type compiles only with its
//! area's feature, and each feature enables the areas its types refer to.

use std::collections::{BTreeMap, BTreeSet};

use crate::schema::{Schema, TypeId, TypeKind};

/// The feature that holds types with no area.
pub const GENERAL: &str = "general";

/// `ms.prod: "Microsoft-Teams"` -> `microsoft-teams`.
pub fn feature_name(area: Option<&str>) -> String {
    let name: String = area
        .unwrap_or(GENERAL)
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let name = name.trim_matches('-').to_string();
    if name.is_empty() || name == "default" || name == "full" {
        GENERAL.to_string()
    } else {
        name
    }
}

#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Per type: its feature.
    pub of_type: Vec<String>,
    /// Per feature: the other features its types need.
    pub needs: BTreeMap<String, BTreeSet<String>>,
}

impl Features {
    pub fn new(schema: &Schema) -> Features {
        let of_type: Vec<String> = schema
            .types
            .iter()
            .map(|t| feature_name(t.area.as_deref()))
            .collect();
        let mut needs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (i, t) in schema.types.iter().enumerate() {
            let own = &of_type[i];
            let entry = needs.entry(own.clone()).or_default();
            if t.kind == TypeKind::Enum {
                continue;
            }
            // References to entities (navigation, in OData terms) of another area are compiled
            // only with that area (see `StructContext::navigation_cfg`), so they add no
            // dependency: otherwise every area would pull in nearly all others through
            // `user`, `drive`, `group`...
            let used = schema
                .all_properties(schema.id(i))
                .into_iter()
                .filter(|p| !p.navigation)
                .filter_map(|p| p.ty.named().map(TypeId::index))
                .filter(|&to| schema.types[to].kind != TypeKind::Entity);
            for to in used {
                if &of_type[to] != own {
                    entry.insert(of_type[to].clone());
                }
            }
        }
        // An area of requests only (no type of its own) is a feature too; a request is compiled
        // with its area and the areas of the types it takes and returns (see
        // `OperationsContext::cfg`), which adds no dependency between areas.
        for o in &schema.operations {
            needs.entry(feature_name(o.area.as_deref())).or_default();
        }
        Features { of_type, needs }
    }
}

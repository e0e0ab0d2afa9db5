//! Keys that only a JSON representation documents. A derived type's representation often
//! repeats its base type's properties with sample values (`"averageInboundJitter":
//! "String (ISO 8601 duration)"`, `"inboundPacketLossRateInPercentage": 10`): those are the
//! base's properties, inherited with the base's documented types, not new ones guessed from
//! samples. The rest are properties in their own right, typed from their values, and said so.

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::schema::TypeDef;

/// `types[i]` has the id `i`.
pub fn inherit_or_report(types: &mut [TypeDef], diagnostics: &mut Vec<Diagnostic>) {
    for i in 0..types.len() {
        // The properties every base type documents, nearest first.
        let mut inherited: HashMap<String, String> = HashMap::new();
        for base in super::bases::ancestors(types, i) {
            for p in types[base]
                .properties
                .iter()
                .filter(|p| !p.representation_only)
            {
                inherited
                    .entry(p.name.clone())
                    .or_insert_with(|| types[base].name.clone());
            }
        }
        let name = types[i].name.clone();
        types[i].properties.retain(|p| {
            if !p.representation_only {
                return true;
            }
            match inherited.get(&p.name) {
                Some(base) => {
                    diagnostics.push(Diagnostic::note(
                        "property-inherited",
                        p.source.clone(),
                        format!(
                            "property {:?} of {name}'s JSON representation is documented by its base type {base}; it is inherited with that type, not retyped from the sample {:?}",
                            p.name, p.written
                        ),
                    ));
                    false
                }
                None => {
                    diagnostics.push(Diagnostic::warning(
                        "property-not-in-table",
                        p.source.clone(),
                        format!(
                            "property {:?} is in the JSON representation but in no Properties or Relationships table; typed {} from its JSON value {:?}",
                            p.name,
                            p.ty.csdl_name(),
                            p.written
                        ),
                    ));
                    true
                }
            }
        });
    }
}

//! What a resource page's Methods table says of the requests it links: the row `[List
//! connectors](../api/printer-list-connectors.md) | [printConnector](printconnector.md)
//! collection` says, in the words of the owner's page, what that API page's request returns.

use std::collections::HashMap;

use crate::diagnostics::Location;
use crate::parse::type_ref::link_stem;
use crate::parse::{MethodRow, Page};
use crate::schema::{TypeDef, TypeId, TypeKind};

use super::super::index::TypeIndex;

/// The Methods rows of every resource page, by the API page they link.
pub struct MethodRows<'p> {
    /// (version, lowercase API page stem) -> (resource page, row).
    by_api: HashMap<(String, String), Vec<(&'p str, &'p MethodRow)>>,
}

/// What a Methods row says a request returns.
#[derive(Debug, Clone)]
pub struct Returned {
    pub ty: TypeId,
    pub collection: bool,
    /// The Return type cell as written.
    pub written: String,
    pub source: Location,
}

impl<'p> MethodRows<'p> {
    pub fn new(pages: &'p [Page]) -> MethodRows<'p> {
        let mut by_api: HashMap<(String, String), Vec<(&'p str, &'p MethodRow)>> = HashMap::new();
        for page in pages {
            let Some(version) = &page.version else {
                continue;
            };
            for row in &page.methods {
                let Some(stem) = row.method.link.as_deref().and_then(link_stem) else {
                    continue;
                };
                by_api
                    .entry((version.clone(), stem.to_ascii_lowercase()))
                    .or_default()
                    .push((page.path.as_str(), row));
            }
        }
        MethodRows { by_api }
    }

    /// The type a row of `owner`'s pages (the page that speaks for it and its other parts)
    /// that links the API page `api_page` says it returns: the first such row whose Return
    /// type cell names a structured type of the doc set.
    pub fn returned(
        &self,
        api_page: &str,
        owner: &TypeDef,
        types: &[TypeDef],
        index: &TypeIndex,
    ) -> Option<Returned> {
        let stem = link_stem(api_page)?;
        let rows = self
            .by_api
            .get(&(owner.version.clone(), stem.to_ascii_lowercase()))?;
        let owner_pages: Vec<&str> = std::iter::once(&owner.source)
            .chain(&owner.other_parts)
            .map(|l| l.file.as_str())
            .collect();
        rows.iter()
            .filter(|(page, _)| owner_pages.contains(page))
            .find_map(|(page, row)| {
                let returns = row.returns.as_ref()?;
                let ty = match returns.link.as_deref() {
                    Some(link) => index.by_link(&owner.version, link),
                    None => {
                        let first = returns
                            .text
                            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                            .find(|w| !w.is_empty())?;
                        index.by_name(&owner.version, first, &owner.namespace)
                    }
                }?;
                if types
                    .get(ty.index())
                    .is_none_or(|t| t.kind == TypeKind::Enum)
                {
                    return None;
                }
                let collection = returns
                    .text
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case("collection"));
                Some(Returned {
                    ty: ty.clone(),
                    collection,
                    written: returns.text.clone(),
                    source: Location::new(*page, returns.line),
                })
            })
    }
}

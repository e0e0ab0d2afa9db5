//! Finding a type from how a page refers to it: qualified name, bare name, or link. Each
//! type gets its [`TypeId`] here, when its first page is indexed; every reference resolve
//! makes is one of these ids.

use std::collections::HashMap;

use crate::parse::type_ref::link_stem;
use crate::schema::TypeId;

/// Which types exist, per version, and under which names and pages they can be found.
#[derive(Debug, Default)]
pub struct TypeIndex {
    /// (version, lowercase qualified name) -> the type.
    qualified: HashMap<(String, String), TypeId>,
    /// (version, lowercase bare name) -> the types of that name.
    bare: HashMap<(String, String), Vec<TypeId>>,
    /// (version, lowercase page file stem) -> the type of the page.
    pages: HashMap<(String, String), TypeId>,
}

impl TypeIndex {
    /// The id of a type, new or already indexed (by another of its pages); `page_stem` names
    /// the page if it is this type's page.
    pub fn insert(&mut self, version: &str, qualified: &str, page_stem: Option<&str>) -> TypeId {
        let lower = qualified.to_ascii_lowercase();
        let next = self.qualified.len();
        let id = self
            .qualified
            .entry((version.to_string(), lower.clone()))
            .or_insert_with(|| TypeId::new(next, qualified))
            .clone();
        let bare = lower.rsplit('.').next().unwrap_or(&lower).to_string();
        let entry = self.bare.entry((version.to_string(), bare)).or_default();
        if !entry.contains(&id) {
            entry.push(id.clone());
        }
        if let Some(stem) = page_stem {
            self.pages
                .entry((version.to_string(), stem.to_ascii_lowercase()))
                .or_insert_with(|| id.clone());
        }
        id
    }

    /// How many types are indexed: the next id.
    pub fn len(&self) -> usize {
        self.qualified.len()
    }

    pub fn contains(&self, version: &str, qualified: &str) -> bool {
        self.canonical(version, qualified).is_some()
    }

    /// The type of a qualified name, in any case.
    pub fn canonical(&self, version: &str, qualified: &str) -> Option<&TypeId> {
        self.qualified
            .get(&(version.to_string(), qualified.to_ascii_lowercase()))
    }

    /// A name as written (`microsoft.graph.x`, `#microsoft.graph.x`, `x`), looked up first in
    /// `namespace`, then in `microsoft.graph`, then anywhere if that is unambiguous.
    pub fn by_name(&self, version: &str, name: &str, namespace: &str) -> Option<&TypeId> {
        let name = name.trim().trim_start_matches('#');
        if name.contains('.') {
            if let Some(q) = self.canonical(version, name) {
                return Some(q);
            }
            // `graph.x` or a wrong namespace: fall back on the last segment.
            let bare = name.rsplit('.').next()?;
            return self.by_bare(version, bare, namespace);
        }
        self.by_bare(version, name, namespace)
    }

    fn by_bare(&self, version: &str, bare: &str, namespace: &str) -> Option<&TypeId> {
        for ns in [namespace, "microsoft.graph"] {
            if let Some(q) = self.canonical(version, &format!("{ns}.{bare}")) {
                return Some(q);
            }
        }
        match self
            .bare
            .get(&(version.to_string(), bare.to_ascii_lowercase()))
            .map(Vec::as_slice)
        {
            Some([only]) => Some(only),
            _ => None,
        }
    }

    /// The type defined by the page a link points to (`../resources/x.md#y`), if that page is
    /// in the set. Links to another version's pages (`/graph/api/resources/x?view=graph-rest-1.0`)
    /// still resolve within `version`: types do not cross versions.
    pub fn by_link(&self, version: &str, dest: &str) -> Option<&TypeId> {
        let stem = link_stem(dest)?;
        self.pages
            .get(&(version.to_string(), stem.to_ascii_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_name_and_link() {
        let mut index = TypeIndex::default();
        let info = index.insert("beta", "microsoft.graph.resultInfo", Some("resultinfo"));
        let session = index.insert(
            "beta",
            "microsoft.graph.callRecords.session",
            Some("callrecords-session"),
        );
        // A second page of a type gets the same id.
        assert_eq!(
            index.insert("beta", "microsoft.graph.ResultInfo", None),
            info
        );
        assert_eq!(index.len(), 2);
        assert_eq!(
            index
                .by_name("beta", "ResultInfo", "microsoft.graph")
                .map(TypeId::qualified_name),
            Some("microsoft.graph.resultInfo")
        );
        assert_eq!(
            index.by_name("beta", "#microsoft.graph.resultInfo", "x"),
            Some(&info)
        );
        assert_eq!(
            index.by_name("beta", "session", "microsoft.graph"),
            Some(&session)
        );
        assert_eq!(
            index.by_link("beta", "../resources/ResultInfo.md#x"),
            Some(&info)
        );
        assert_eq!(index.by_link("v1.0", "resultinfo.md"), None);
        assert_eq!(index.by_name("beta", "nothing", "microsoft.graph"), None);
    }
}

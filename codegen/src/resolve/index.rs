//! Finding a type from how a page refers to it: qualified name, bare name, or link.

use std::collections::HashMap;

use crate::parse::type_ref::link_stem;

/// Which types exist, per version, and under which names and pages they can be found.
#[derive(Debug, Default)]
pub struct TypeIndex {
    /// (version, lowercase qualified name) -> canonical qualified name.
    qualified: HashMap<(String, String), String>,
    /// (version, lowercase bare name) -> canonical qualified names.
    bare: HashMap<(String, String), Vec<String>>,
    /// (version, lowercase page file stem) -> canonical qualified name of the page's type.
    pages: HashMap<(String, String), String>,
}

impl TypeIndex {
    pub fn insert(&mut self, version: &str, qualified: &str, page_stem: Option<&str>) {
        let lower = qualified.to_ascii_lowercase();
        self.qualified
            .insert((version.to_string(), lower.clone()), qualified.to_string());
        let bare = lower.rsplit('.').next().unwrap_or(&lower).to_string();
        let entry = self.bare.entry((version.to_string(), bare)).or_default();
        if !entry.iter().any(|q| q == qualified) {
            entry.push(qualified.to_string());
        }
        if let Some(stem) = page_stem {
            self.pages
                .entry((version.to_string(), stem.to_ascii_lowercase()))
                .or_insert_with(|| qualified.to_string());
        }
    }

    pub fn contains(&self, version: &str, qualified: &str) -> bool {
        self.qualified
            .contains_key(&(version.to_string(), qualified.to_ascii_lowercase()))
    }

    /// The canonical spelling of a qualified name.
    pub fn canonical(&self, version: &str, qualified: &str) -> Option<&str> {
        self.qualified
            .get(&(version.to_string(), qualified.to_ascii_lowercase()))
            .map(String::as_str)
    }

    /// A name as written (`microsoft.graph.x`, `#microsoft.graph.x`, `x`), looked up first in
    /// `namespace`, then in `microsoft.graph`, then anywhere if that is unambiguous.
    pub fn by_name(&self, version: &str, name: &str, namespace: &str) -> Option<&str> {
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

    fn by_bare(&self, version: &str, bare: &str, namespace: &str) -> Option<&str> {
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
    pub fn by_link(&self, version: &str, dest: &str) -> Option<&str> {
        let stem = link_stem(dest)?;
        self.pages
            .get(&(version.to_string(), stem.to_ascii_lowercase()))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_name_and_link() {
        let mut index = TypeIndex::default();
        index.insert("beta", "microsoft.graph.resultInfo", Some("resultinfo"));
        index.insert(
            "beta",
            "microsoft.graph.callRecords.session",
            Some("callrecords-session"),
        );
        assert_eq!(
            index.by_name("beta", "ResultInfo", "microsoft.graph"),
            Some("microsoft.graph.resultInfo")
        );
        assert_eq!(
            index.by_name("beta", "#microsoft.graph.resultInfo", "x"),
            Some("microsoft.graph.resultInfo")
        );
        assert_eq!(
            index.by_name("beta", "session", "microsoft.graph"),
            Some("microsoft.graph.callRecords.session")
        );
        assert_eq!(
            index.by_link("beta", "../resources/ResultInfo.md#x"),
            Some("microsoft.graph.resultInfo")
        );
        assert_eq!(index.by_link("v1.0", "resultinfo.md"), None);
        assert_eq!(index.by_name("beta", "nothing", "microsoft.graph"), None);
    }
}

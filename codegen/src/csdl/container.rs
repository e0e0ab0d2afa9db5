//! The entity container of a CSDL document: its entity sets and singletons, where request
//! paths start (`/users` a collection of user, `/me` one user).
//!
//! Action and function imports (unbound operations called from the root) are not read: the
//! Graph documents have none.

use super::read::{Csdl, Lines, Names};

/// An entity set or a singleton.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsdlRoot {
    pub name: String,
    /// The qualified name of its entity type, aliases resolved.
    pub type_name: String,
    /// An entity set (a collection, addressed by key); else a singleton.
    pub collection: bool,
    pub line: usize,
}

impl Csdl {
    /// The entity set or singleton named `name`, in any case.
    pub fn root(&self, name: &str) -> Option<&CsdlRoot> {
        self.roots.get(&name.to_ascii_lowercase())
    }
}

/// The entity sets and singletons of an `EntityContainer` element, in document order.
pub(super) fn read(container: roxmltree::Node, names: &Names, lines: &Lines) -> Vec<CsdlRoot> {
    container
        .children()
        .filter_map(|c| {
            let (attribute, collection) = match c.tag_name().name() {
                "EntitySet" => ("EntityType", true),
                "Singleton" => ("Type", false),
                _ => return None,
            };
            Some(CsdlRoot {
                name: c.attribute("Name")?.to_string(),
                type_name: names.resolve(c.attribute(attribute)?),
                collection,
                line: lines.of(c),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::csdl::read;

    #[test]
    fn reads_entity_sets_and_singletons_with_their_types() {
        let doc = r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="user" />
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="graph.user">
          <NavigationPropertyBinding Path="manager" Target="users" />
        </EntitySet>
        <Singleton Name="me" Type="microsoft.graph.user" />
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#;
        let csdl = read("metadata.xml", doc).unwrap();
        assert_eq!(csdl.container_line, 5);
        let users = csdl.root("Users").unwrap();
        assert_eq!(users.type_name, "microsoft.graph.user");
        assert!(users.collection);
        assert_eq!(users.line, 6);
        let me = &csdl.roots["me"];
        assert_eq!(me.type_name, "microsoft.graph.user");
        assert!(!me.collection);
    }
}

//! Reading a CSDL document (`$metadata`) as OData CSDL XML defines it: schemas with their
//! namespaces and aliases, entity, complex and enum types, base types, structural and
//! navigation properties, `Collection(...)`.

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Location};

/// The types of a CSDL document, by lowercase qualified name.
#[derive(Debug, Clone, Default)]
pub struct Csdl {
    /// How diagnostics name the document.
    pub file: String,
    pub types: BTreeMap<String, CsdlType>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsdlKind {
    Entity,
    Complex,
    Enum,
}

#[derive(Debug, Clone)]
pub struct CsdlType {
    /// Qualified name, aliases resolved: `microsoft.graph.user`.
    pub name: String,
    pub kind: CsdlKind,
    /// Qualified name of the base type, aliases resolved.
    pub base: Option<String>,
    /// Own properties, structural and navigation, in document order.
    pub properties: Vec<CsdlProperty>,
    pub members: Vec<String>,
    /// `OpenType="true"`: instances may carry properties the type does not declare.
    pub open: bool,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct CsdlProperty {
    pub name: String,
    /// `Edm.String` or a qualified name, aliases resolved.
    pub type_name: String,
    pub collection: bool,
    pub navigation: bool,
    pub line: usize,
}

impl Csdl {
    pub fn get(&self, qualified: &str) -> Option<&CsdlType> {
        self.types.get(&qualified.to_ascii_lowercase())
    }

    /// Own and inherited properties of a type, base types' first; a redefined property keeps
    /// its place and takes the derived definition.
    pub fn all_properties<'a>(&'a self, t: &'a CsdlType) -> Vec<&'a CsdlProperty> {
        let mut chain = vec![t];
        while let Some(base) = chain.last().and_then(|t| t.base.as_deref()) {
            match self.get(base) {
                Some(b) if !chain.iter().any(|c| c.name == b.name) => chain.push(b),
                _ => break,
            }
        }
        let mut out: Vec<&CsdlProperty> = Vec::new();
        for t in chain.into_iter().rev() {
            for p in &t.properties {
                match out.iter_mut().find(|q| q.name == p.name) {
                    Some(slot) => *slot = p,
                    None => out.push(p),
                }
            }
        }
        out
    }
}

/// Reads a CSDL document; `file` is how diagnostics name it.
pub fn read(file: &str, text: &str) -> Result<Csdl, Diagnostic> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        Diagnostic::error(
            "csdl-invalid",
            Location::new(file, pos.row as usize),
            format!("CSDL document is not well-formed XML: {e}"),
        )
    })?;
    // Line starts, found once: roxmltree's own position lookup scans from the start each time.
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |node: roxmltree::Node| line_starts.partition_point(|&s| s <= node.range().start);
    let schemas: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("Schema"))
        .collect();
    if schemas.is_empty() {
        return Err(Diagnostic::error(
            "csdl-invalid",
            Location::new(file, 1),
            "no <Schema> element: expected a CSDL document (edmx:Edmx / DataServices / Schema)",
        ));
    }
    // Alias -> namespace, for every schema of the document: a reference may use the alias of
    // another schema.
    let aliases: Vec<(String, String)> = schemas
        .iter()
        .filter_map(|s| {
            let ns = s.attribute("Namespace")?;
            Some((
                s.attribute("Alias").unwrap_or(ns).to_string(),
                ns.to_string(),
            ))
        })
        .collect();
    let resolve = |name: &str| -> String {
        for (alias, ns) in &aliases {
            if let Some(rest) = name.strip_prefix(alias.as_str()) {
                if rest.starts_with('.') && !rest[1..].contains('.') {
                    return format!("{ns}{rest}");
                }
            }
        }
        name.to_string()
    };
    let mut csdl = Csdl {
        file: file.to_string(),
        types: BTreeMap::new(),
    };
    for schema in schemas {
        let Some(namespace) = schema.attribute("Namespace") else {
            continue;
        };
        for node in schema.children().filter(roxmltree::Node::is_element) {
            let kind = match node.tag_name().name() {
                "EntityType" => CsdlKind::Entity,
                "ComplexType" => CsdlKind::Complex,
                "EnumType" => CsdlKind::Enum,
                _ => continue,
            };
            let Some(name) = node.attribute("Name") else {
                continue;
            };
            let properties = node
                .children()
                .filter(|c| c.has_tag_name("Property") || c.has_tag_name("NavigationProperty"))
                .filter_map(|c| {
                    let (inner, collection) = split_collection(c.attribute("Type")?);
                    Some(CsdlProperty {
                        name: c.attribute("Name")?.to_string(),
                        type_name: resolve(inner),
                        collection,
                        navigation: c.has_tag_name("NavigationProperty"),
                        line: line_of(c),
                    })
                })
                .collect();
            let members = node
                .children()
                .filter(|c| c.has_tag_name("Member"))
                .filter_map(|c| c.attribute("Name").map(str::to_string))
                .collect();
            let qualified = format!("{namespace}.{name}");
            csdl.types.insert(
                qualified.to_ascii_lowercase(),
                CsdlType {
                    name: qualified,
                    kind,
                    base: node.attribute("BaseType").map(&resolve),
                    properties,
                    members,
                    open: node.attribute("OpenType") == Some("true"),
                    line: line_of(node),
                },
            );
        }
    }
    Ok(csdl)
}

/// `Collection(graph.x)` -> (`graph.x`, true).
fn split_collection(type_name: &str) -> (&str, bool) {
    match type_name
        .strip_prefix("Collection(")
        .and_then(|r| r.strip_suffix(')'))
    {
        Some(inner) => (inner.trim(), true),
        None => (type_name.trim(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="color">
        <Member Name="red" Value="0" />
        <Member Name="blue" Value="1" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="shape" BaseType="graph.entity">
        <Property Name="color" Type="graph.color" />
        <Property Name="tags" Type="Collection(Edm.String)" />
        <NavigationProperty Name="owner" Type="microsoft.graph.callRecords.session" />
      </EntityType>
    </Schema>
    <Schema Namespace="microsoft.graph.callRecords" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="session" BaseType="graph.entity">
        <Property Name="shapes" Type="Collection(graph.shape)" />
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#;

    #[test]
    fn reads_types_aliases_inheritance_and_collections() {
        let csdl = read("metadata.xml", DOC).unwrap();
        let shape = csdl.get("microsoft.graph.SHAPE").unwrap();
        assert_eq!(shape.kind, CsdlKind::Entity);
        assert_eq!(shape.base.as_deref(), Some("microsoft.graph.entity"));
        assert_eq!(shape.line, 13);
        let all: Vec<(&str, &str, bool, bool)> = csdl
            .all_properties(shape)
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.type_name.as_str(),
                    p.collection,
                    p.navigation,
                )
            })
            .collect();
        assert_eq!(
            all,
            [
                ("id", "Edm.String", false, false),
                ("color", "microsoft.graph.color", false, false),
                ("tags", "Edm.String", true, false),
                ("owner", "microsoft.graph.callRecords.session", false, true),
            ]
        );
        let session = csdl.get("microsoft.graph.callRecords.session").unwrap();
        assert_eq!(session.properties[0].type_name, "microsoft.graph.shape");
        assert_eq!(
            csdl.get("microsoft.graph.color").unwrap().members,
            ["red", "blue"]
        );
    }

    #[test]
    fn malformed_documents_are_diagnostics() {
        let e = read("m.xml", "<Schema><unclosed></Schema>").unwrap_err();
        assert_eq!(e.code, "csdl-invalid");
        let e = read("m.xml", "<root/>").unwrap_err();
        assert!(e.message.contains("no <Schema>"), "{}", e.message);
    }
}

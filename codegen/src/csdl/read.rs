//! Reading a CSDL document (`$metadata`) as OData CSDL XML defines it: schemas with their
//! namespaces and aliases, entity, complex and enum types, base types, structural and
//! navigation properties, `Collection(...)`; the entity container and the actions and
//! functions are read by [`container`](super::container) and [`actions`](super::actions).

use std::collections::BTreeMap;

use super::actions::{self, CsdlOperation};
use super::container::{self, CsdlRoot};
use crate::diagnostics::{Diagnostic, Location};

/// The types of a CSDL document, by lowercase qualified name; where request paths start;
/// its actions and functions.
#[derive(Debug, Clone, Default)]
pub struct Csdl {
    /// How diagnostics name the document.
    pub file: String,
    pub types: BTreeMap<String, CsdlType>,
    /// The entity container's entity sets and singletons, by lowercase name.
    pub roots: BTreeMap<String, CsdlRoot>,
    /// The line of the entity container (0 without one).
    pub container_line: usize,
    /// Every action and function, overloads included, in document order.
    pub operations: Vec<CsdlOperation>,
    /// Lowercase name -> positions in `operations`.
    pub(super) operations_by_name: BTreeMap<String, Vec<usize>>,
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

    /// `ty` and its base types, nearest first, as qualified names (`ty` alone when the
    /// document does not define it).
    pub fn type_chain(&self, ty: &str) -> Vec<String> {
        let mut chain = vec![ty.to_string()];
        let mut at = self.get(ty);
        while let Some(base) = at.and_then(|t| t.base.as_deref()) {
            if chain.iter().any(|c| c.eq_ignore_ascii_case(base)) {
                break;
            }
            chain.push(base.to_string());
            at = self.get(base);
        }
        chain
    }

    /// Whether `ty` is `ancestor` or derives from it.
    pub fn derives_from(&self, ty: &str, ancestor: &str) -> bool {
        self.type_chain(ty)
            .iter()
            .any(|t| t.eq_ignore_ascii_case(ancestor))
    }

    /// The nearest type both `a` and `b` are or derive from.
    pub fn common_base(&self, a: &str, b: &str) -> Option<String> {
        self.type_chain(a)
            .into_iter()
            .find(|t| self.derives_from(b, t))
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
    let lines = Lines::new(text);
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
    let names = Names::new(&schemas);
    let mut csdl = Csdl {
        file: file.to_string(),
        ..Csdl::default()
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
                "EntityContainer" => {
                    csdl.container_line = lines.of(node);
                    for root in container::read(node, &names, &lines) {
                        csdl.roots.insert(root.name.to_ascii_lowercase(), root);
                    }
                    continue;
                }
                "Action" | "Function" => {
                    csdl.operations
                        .extend(actions::read(node, namespace, &names, &lines));
                    continue;
                }
                _ => continue,
            };
            if let Some(t) = read_type(node, namespace, kind, &names, &lines) {
                csdl.types.insert(t.name.to_ascii_lowercase(), t);
            }
        }
    }
    for (i, o) in csdl.operations.iter().enumerate() {
        csdl.operations_by_name
            .entry(o.name.to_ascii_lowercase())
            .or_default()
            .push(i);
    }
    Ok(csdl)
}

/// An entity, complex or enum type of `namespace`.
fn read_type(
    node: roxmltree::Node,
    namespace: &str,
    kind: CsdlKind,
    names: &Names,
    lines: &Lines,
) -> Option<CsdlType> {
    let name = node.attribute("Name")?;
    let properties = node
        .children()
        .filter(|c| c.has_tag_name("Property") || c.has_tag_name("NavigationProperty"))
        .filter_map(|c| {
            let (type_name, collection) = names.type_use(c.attribute("Type")?);
            Some(CsdlProperty {
                name: c.attribute("Name")?.to_string(),
                type_name,
                collection,
                navigation: c.has_tag_name("NavigationProperty"),
                line: lines.of(c),
            })
        })
        .collect();
    let members = node
        .children()
        .filter(|c| c.has_tag_name("Member"))
        .filter_map(|c| c.attribute("Name").map(str::to_string))
        .collect();
    Some(CsdlType {
        name: format!("{namespace}.{name}"),
        kind,
        base: node.attribute("BaseType").map(|b| names.resolve(b)),
        properties,
        members,
        open: node.attribute("OpenType") == Some("true"),
        line: lines.of(node),
    })
}

/// Where each line of the document starts, found once: roxmltree's own position lookup scans
/// from the start each time.
pub(super) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        Lines {
            starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        }
    }

    /// The 1-based line an element starts on.
    pub(super) fn of(&self, node: roxmltree::Node) -> usize {
        self.starts.partition_point(|&s| s <= node.range().start)
    }
}

/// The aliases of every schema of the document (a reference may use the alias of another
/// schema), to write each reference with its namespace.
pub(super) struct Names {
    /// (alias or namespace, namespace).
    aliases: Vec<(String, String)>,
}

impl Names {
    fn new(schemas: &[roxmltree::Node]) -> Names {
        let aliases = schemas
            .iter()
            .filter_map(|s| {
                let ns = s.attribute("Namespace")?;
                Some((
                    s.attribute("Alias").unwrap_or(ns).to_string(),
                    ns.to_string(),
                ))
            })
            .collect();
        Names { aliases }
    }

    /// `graph.user` -> `microsoft.graph.user`; other names as they are.
    pub(super) fn resolve(&self, name: &str) -> String {
        let name = name.trim();
        for (alias, ns) in &self.aliases {
            if let Some(rest) = name.strip_prefix(alias.as_str()) {
                if rest.starts_with('.') && !rest[1..].contains('.') {
                    return format!("{ns}{rest}");
                }
            }
        }
        name.to_string()
    }

    /// A type as written in a `Type` attribute: `Collection(graph.x)` -> (`microsoft.graph.x`,
    /// true).
    pub(super) fn type_use(&self, written: &str) -> (String, bool) {
        let (inner, collection) = split_collection(written);
        (self.resolve(inner), collection)
    }
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

//! The actions and functions of a CSDL document: name, whether bound and to what (the first
//! parameter of a bound one), the other parameters, the return type. Overloads (one name
//! bound to several types, or with several parameter lists) are all kept.

use super::read::{Csdl, Lines, Names};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsdlOperationKind {
    Action,
    Function,
}

/// A type where it is used: a parameter's, a return type, a binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsdlTypeUse {
    /// `Edm.String` or a qualified name, aliases resolved.
    pub type_name: String,
    pub collection: bool,
}

/// An `Action` or `Function` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsdlOperation {
    pub name: String,
    pub namespace: String,
    pub kind: CsdlOperationKind,
    /// `IsBound="true"`: the first parameter is the binding parameter.
    pub bound: bool,
    /// The type of the binding parameter, for a bound one.
    pub binding: Option<CsdlTypeUse>,
    /// The parameters other than the binding one, in document order.
    pub parameters: Vec<CsdlParameter>,
    pub returns: Option<CsdlTypeUse>,
    /// `IsComposable="true"`: a function whose result the path may continue through.
    pub composable: bool,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsdlParameter {
    pub name: String,
    pub ty: CsdlTypeUse,
    /// `Nullable="false"` -> `Some(false)`; absent -> `None` (which CSDL reads as nullable).
    pub nullable: Option<bool>,
    pub line: usize,
}

impl CsdlOperation {
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            CsdlOperationKind::Action => "action",
            CsdlOperationKind::Function => "function",
        }
    }

    /// `microsoft.graph.user` or `Collection(microsoft.graph.user)`; `unbound`.
    pub fn binding_text(&self) -> String {
        match &self.binding {
            Some(b) if b.collection => format!("Collection({})", b.type_name),
            Some(b) => b.type_name.clone(),
            None => "unbound".to_string(),
        }
    }
}

/// An `Action` or `Function` element of `namespace`.
pub(super) fn read(
    node: roxmltree::Node,
    namespace: &str,
    names: &Names,
    lines: &Lines,
) -> Option<CsdlOperation> {
    let kind = match node.tag_name().name() {
        "Action" => CsdlOperationKind::Action,
        "Function" => CsdlOperationKind::Function,
        _ => return None,
    };
    let bound = node.attribute("IsBound") == Some("true");
    let mut parameters: Vec<CsdlParameter> = node
        .children()
        .filter(|c| c.has_tag_name("Parameter"))
        .filter_map(|c| {
            let (type_name, collection) = names.type_use(c.attribute("Type")?);
            Some(CsdlParameter {
                name: c.attribute("Name")?.to_string(),
                ty: CsdlTypeUse {
                    type_name,
                    collection,
                },
                nullable: c.attribute("Nullable").map(|n| n == "true"),
                line: lines.of(c),
            })
        })
        .collect();
    let binding = (bound && !parameters.is_empty()).then(|| parameters.remove(0).ty);
    let returns = node
        .children()
        .find(|c| c.has_tag_name("ReturnType"))
        .and_then(|r| r.attribute("Type"))
        .map(|t| {
            let (type_name, collection) = names.type_use(t);
            CsdlTypeUse {
                type_name,
                collection,
            }
        });
    Some(CsdlOperation {
        name: node.attribute("Name")?.to_string(),
        namespace: namespace.to_string(),
        kind,
        bound,
        binding,
        parameters,
        returns,
        composable: node.attribute("IsComposable") == Some("true"),
        line: lines.of(node),
    })
}

impl Csdl {
    /// Every action and function named `name` (any case), overloads included.
    pub fn operations_named<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a CsdlOperation> {
        self.operations_by_name
            .get(&name.to_ascii_lowercase())
            .into_iter()
            .flatten()
            .map(|&i| &self.operations[i])
    }

    /// The actions and functions named `name` that a value of `ty` (a collection of it when
    /// `collection`) can call: bound to `ty` or to a base type of it, the nearest binding
    /// only (a derived type's overload hides its base's); several when the overloads differ
    /// by parameters.
    pub fn bound_to<'a>(
        &'a self,
        name: &str,
        ty: &str,
        collection: bool,
    ) -> Vec<&'a CsdlOperation> {
        let chain = self.type_chain(ty);
        let candidates: Vec<&CsdlOperation> = self
            .operations_named(name)
            .filter(|o| {
                o.binding
                    .as_ref()
                    .is_some_and(|b| b.collection == collection)
            })
            .collect();
        for t in &chain {
            let here: Vec<&CsdlOperation> = candidates
                .iter()
                .copied()
                .filter(|o| {
                    o.binding
                        .as_ref()
                        .is_some_and(|b| b.type_name.eq_ignore_ascii_case(t))
                })
                .collect();
            if !here.is_empty() {
                return here;
            }
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use crate::csdl::read;

    const DOC: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity"><Key><PropertyRef Name="id" /></Key></EntityType>
      <EntityType Name="shape" BaseType="graph.entity" />
      <EntityType Name="circle" BaseType="graph.shape" />
      <Action Name="paint" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.shape" Nullable="false" />
        <Parameter Name="colours" Type="Collection(Edm.String)" Nullable="false" />
        <ReturnType Type="graph.shape" />
      </Action>
      <Action Name="paint" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.circle" />
      </Action>
      <Function Name="delta" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.shape)" />
        <ReturnType Type="Collection(graph.shape)" />
      </Function>
      <Function Name="area" IsBound="true" IsComposable="true">
        <Parameter Name="bindparameter" Type="graph.shape" />
        <Parameter Name="unit" Type="Edm.String" />
        <ReturnType Type="Edm.Double" />
      </Function>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#;

    #[test]
    fn reads_bindings_parameters_and_return_types() {
        let csdl = read("metadata.xml", DOC).unwrap();
        assert_eq!(csdl.operations.len(), 4);
        let paint = &csdl.operations[0];
        assert_eq!(paint.kind_name(), "action");
        assert_eq!(paint.binding_text(), "microsoft.graph.shape");
        assert_eq!(paint.parameters.len(), 1);
        assert_eq!(paint.parameters[0].name, "colours");
        assert!(paint.parameters[0].ty.collection);
        assert_eq!(paint.parameters[0].nullable, Some(false));
        assert_eq!(paint.line, 8);
        let returns = paint.returns.as_ref().unwrap();
        assert_eq!(returns.type_name, "microsoft.graph.shape");
        let delta = &csdl.operations[2];
        assert_eq!(delta.binding_text(), "Collection(microsoft.graph.shape)");
        assert!(delta.returns.as_ref().unwrap().collection);
        assert!(csdl.operations[3].composable);
        assert_eq!(csdl.operations_named("PAINT").count(), 2);
    }

    #[test]
    fn overloads_resolve_to_the_nearest_binding() {
        let csdl = read("metadata.xml", DOC).unwrap();
        // circle has its own paint; shape's is hidden.
        let on_circle = csdl.bound_to("paint", "microsoft.graph.circle", false);
        assert_eq!(on_circle.len(), 1);
        assert_eq!(on_circle[0].line, 13);
        let on_shape = csdl.bound_to("paint", "microsoft.graph.shape", false);
        assert_eq!(on_shape[0].line, 8);
        // delta is bound to a collection, inherited by a collection of circles only.
        assert!(csdl
            .bound_to("delta", "microsoft.graph.circle", false)
            .is_empty());
        assert_eq!(
            csdl.bound_to("delta", "microsoft.graph.circle", true).len(),
            1
        );
        assert!(csdl
            .bound_to("paint", "microsoft.graph.entity", false)
            .is_empty());
        assert!(csdl.derives_from("microsoft.graph.circle", "microsoft.graph.ENTITY"));
        assert!(!csdl.derives_from("microsoft.graph.entity", "microsoft.graph.shape"));
        assert_eq!(
            csdl.common_base("microsoft.graph.circle", "microsoft.graph.shape")
                .as_deref(),
            Some("microsoft.graph.shape")
        );
    }
}

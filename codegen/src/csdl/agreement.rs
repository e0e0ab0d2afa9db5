//! The figures of a comparison with the CSDL: agreeing cases out of compared ones, per
//! kind of fact (types, properties, request paths, operations).

use serde::Serialize;

/// Agreeing cases out of compared ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub agree: usize,
    pub of: usize,
}

impl Ratio {
    pub(super) fn count(&mut self, agree: bool) {
        self.of += 1;
        self.agree += usize::from(agree);
    }

    /// The share that agrees, in percent (100 when nothing was compared).
    pub fn percent(&self) -> f64 {
        if self.of == 0 {
            100.0
        } else {
            self.agree as f64 * 100.0 / self.of as f64
        }
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.1}% ({} of {})", self.percent(), self.agree, self.of)
    }
}

/// How far the model agrees with the CSDL, and what only one side describes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub version: String,
    /// Entity, complex or enum, over the types both describe.
    pub kind: Ratio,
    /// Over the entity and complex types both describe as such.
    pub base_type: Ratio,
    /// Over the properties (own and inherited) both give a shared type; strict.
    pub property_type: Ratio,
    /// The same, counting a documented enum where the CSDL says `Edm.String` as agreement.
    pub property_type_lenient: Ratio,
    pub collection: Ratio,
    /// The CSDL's properties (own and inherited) of the types both describe that the model
    /// has too.
    pub csdl_properties_present: Ratio,
    pub types_only_in_docs: usize,
    pub types_only_in_csdl: usize,
    pub properties_only_in_docs: usize,
    pub properties_only_in_csdl: usize,
    /// Request paths (every path of every operation) the CSDL walks to their end.
    pub csdl_paths: Ratio,
    /// The same paths walked to their end through the model itself (for information: the
    /// model's own walk, not a comparison).
    pub model_paths: Ratio,
    /// Operations the model reads as actions or functions bound to a type, whose name and
    /// binding type (and kind) the CSDL has.
    pub operations_recognised: Ratio,
    /// Parameters of the actions and functions compared, the binding one aside: named on
    /// both sides, out of all named on either.
    pub parameter_names: Ratio,
    /// Of the parameters named on both sides, those agreeing on type (a documented enum for
    /// `Edm.String` agreeing) and on collection.
    pub parameter_types: Ratio,
    /// Responses of the actions and functions (against their ReturnType) and of the reads,
    /// lists and creates (against where the CSDL's walk of the path ends) agreeing on type
    /// (or a type derived from it) and collection.
    pub responses: Ratio,
}

impl std::fmt::Display for Agreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{} against the CSDL:", self.version)?;
        writeln!(f, "  kind (entity / complex / enum)  {}", self.kind)?;
        writeln!(f, "  base type                       {}", self.base_type)?;
        writeln!(
            f,
            "  property type                   {}; {} counting an enum for Edm.String",
            self.property_type, self.property_type_lenient
        )?;
        writeln!(f, "  collection or single            {}", self.collection)?;
        writeln!(
            f,
            "  the CSDL's properties present   {}",
            self.csdl_properties_present
        )?;
        writeln!(
            f,
            "  described by one side only: types {} docs / {} CSDL; properties of shared types {} docs / {} CSDL",
            self.types_only_in_docs,
            self.types_only_in_csdl,
            self.properties_only_in_docs,
            self.properties_only_in_csdl
        )?;
        writeln!(
            f,
            "  request paths the CSDL walks    {}; the model walks {}",
            self.csdl_paths, self.model_paths
        )?;
        writeln!(
            f,
            "  actions and functions recognised {}",
            self.operations_recognised
        )?;
        writeln!(
            f,
            "  parameters: name                {}; type and collection {}",
            self.parameter_names, self.parameter_types
        )?;
        write!(f, "  responses                       {}", self.responses)
    }
}

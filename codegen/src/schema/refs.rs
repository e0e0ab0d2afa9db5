//! How the model refers to types: a primitive, or a documented type by [`TypeId`].

use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// A documented type: its position in [`Schema::types`](super::Schema::types) and its
/// qualified name (`microsoft.graph.resultInfo`), which is how it prints and serialises.
/// Ids compare by position: they belong to one schema.
#[derive(Clone)]
pub struct TypeId {
    index: u32,
    name: Arc<str>,
}

impl TypeId {
    pub(crate) fn new(index: usize, qualified_name: &str) -> TypeId {
        TypeId {
            index: u32::try_from(index).expect("fewer than 2^32 types"),
            name: Arc::from(qualified_name),
        }
    }

    /// The type's position in its schema's `types`.
    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// `microsoft.graph.resultInfo`.
    pub fn qualified_name(&self) -> &str {
        &self.name
    }
}

impl PartialEq for TypeId {
    fn eq(&self, other: &TypeId) -> bool {
        self.index == other.index
    }
}

impl Eq for TypeId {}

impl Hash for TypeId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl PartialOrd for TypeId {
    fn partial_cmp(&self, other: &TypeId) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TypeId {
    fn cmp(&self, other: &TypeId) -> std::cmp::Ordering {
        self.index.cmp(&other.index)
    }
}

impl fmt::Debug for TypeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.name, self.index)
    }
}

impl fmt::Display for TypeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl Serialize for TypeId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

/// The type of a property (or, later, of a parameter or a response).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef {
    Primitive(Primitive),
    Named(TypeId),
}

impl TypeRef {
    /// How CSDL spells it: `Edm.String`, `microsoft.graph.resultInfo`.
    pub fn csdl_name(&self) -> &str {
        match self {
            TypeRef::Primitive(p) => p.csdl_name(),
            TypeRef::Named(id) => id.qualified_name(),
        }
    }

    pub fn named(&self) -> Option<&TypeId> {
        match self {
            TypeRef::Named(id) => Some(id),
            TypeRef::Primitive(_) => None,
        }
    }

    pub fn primitive(&self) -> Option<Primitive> {
        match self {
            TypeRef::Primitive(p) => Some(*p),
            TypeRef::Named(_) => None,
        }
    }

    pub fn is(&self, primitive: Primitive) -> bool {
        self.primitive() == Some(primitive)
    }
}

impl fmt::Display for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.csdl_name())
    }
}

impl Serialize for TypeRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.csdl_name())
    }
}

/// The primitive types of CSDL that the docs use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Primitive {
    String,
    Boolean,
    Byte,
    SByte,
    Int16,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    DateTimeOffset,
    Date,
    TimeOfDay,
    Duration,
    Guid,
    Binary,
    Stream,
    /// Any JSON: the docs' `Json`, and references the codegen could not resolve.
    Untyped,
}

impl Primitive {
    pub const ALL: [Primitive; 18] = [
        Primitive::String,
        Primitive::Boolean,
        Primitive::Byte,
        Primitive::SByte,
        Primitive::Int16,
        Primitive::Int32,
        Primitive::Int64,
        Primitive::Single,
        Primitive::Double,
        Primitive::Decimal,
        Primitive::DateTimeOffset,
        Primitive::Date,
        Primitive::TimeOfDay,
        Primitive::Duration,
        Primitive::Guid,
        Primitive::Binary,
        Primitive::Stream,
        Primitive::Untyped,
    ];

    /// `Edm.String`, ...
    pub fn csdl_name(self) -> &'static str {
        match self {
            Primitive::String => "Edm.String",
            Primitive::Boolean => "Edm.Boolean",
            Primitive::Byte => "Edm.Byte",
            Primitive::SByte => "Edm.SByte",
            Primitive::Int16 => "Edm.Int16",
            Primitive::Int32 => "Edm.Int32",
            Primitive::Int64 => "Edm.Int64",
            Primitive::Single => "Edm.Single",
            Primitive::Double => "Edm.Double",
            Primitive::Decimal => "Edm.Decimal",
            Primitive::DateTimeOffset => "Edm.DateTimeOffset",
            Primitive::Date => "Edm.Date",
            Primitive::TimeOfDay => "Edm.TimeOfDay",
            Primitive::Duration => "Edm.Duration",
            Primitive::Guid => "Edm.Guid",
            Primitive::Binary => "Edm.Binary",
            Primitive::Stream => "Edm.Stream",
            Primitive::Untyped => "Edm.Untyped",
        }
    }

    pub fn from_csdl(name: &str) -> Option<Primitive> {
        Primitive::ALL.into_iter().find(|p| p.csdl_name() == name)
    }
}

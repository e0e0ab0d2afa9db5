//! One change between two models, as the report gives it: what changed, where, what it does to
//! code and to payloads, and the pages' text on both sides.

use std::fmt;

use serde::Serialize;

use crate::diagnostics::Location;

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    TypeAdded,
    TypeRemoved,
    /// The same type under another name: another case or namespace, or an enum whose uses
    /// now name another enum with the same members (an inline list now documented).
    TypeRenamed,
    /// Entity, complex or enum.
    KindChanged,
    BaseTypeChanged,
    /// Properties of the type now hold an `Any*` enum (a type derives from it), or no longer.
    DerivedTypesChanged,
    PropertyAdded,
    PropertyRemoved,
    PropertyRenamed,
    PropertyRetyped,
    PropertyMadeCollection,
    PropertyMadeSingle,
    MemberAdded,
    MemberRemoved,
    MemberRenamed,
    OperationAdded,
    OperationRemoved,
    OperationRenamed,
    ParameterAdded,
    ParameterRemoved,
    ParameterRetyped,
    ResponseChanged,
}

impl ChangeKind {
    /// `property removed`.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::TypeAdded => "type added",
            ChangeKind::TypeRemoved => "type removed",
            ChangeKind::TypeRenamed => "type renamed",
            ChangeKind::KindChanged => "kind changed",
            ChangeKind::BaseTypeChanged => "base type changed",
            ChangeKind::DerivedTypesChanged => "derived types changed",
            ChangeKind::PropertyAdded => "property added",
            ChangeKind::PropertyRemoved => "property removed",
            ChangeKind::PropertyRenamed => "property renamed",
            ChangeKind::PropertyRetyped => "property retyped",
            ChangeKind::PropertyMadeCollection => "made a collection",
            ChangeKind::PropertyMadeSingle => "made a single value",
            ChangeKind::MemberAdded => "member added",
            ChangeKind::MemberRemoved => "member removed",
            ChangeKind::MemberRenamed => "member renamed",
            ChangeKind::OperationAdded => "operation added",
            ChangeKind::OperationRemoved => "operation removed",
            ChangeKind::OperationRenamed => "operation renamed",
            ChangeKind::ParameterAdded => "parameter added",
            ChangeKind::ParameterRemoved => "parameter removed",
            ChangeKind::ParameterRetyped => "parameter retyped",
            ChangeKind::ResponseChanged => "response changed",
        }
    }

    /// Whether the change is to an operation rather than a type.
    pub fn is_operation(self) -> bool {
        matches!(
            self,
            ChangeKind::OperationAdded
                | ChangeKind::OperationRemoved
                | ChangeKind::OperationRenamed
                | ChangeKind::ParameterAdded
                | ChangeKind::ParameterRemoved
                | ChangeKind::ParameterRetyped
                | ChangeKind::ResponseChanged
        )
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label())
    }
}

/// How far a change reaches, for code (Rust) or for payloads (wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    /// Nothing a user sees changes.
    None,
    /// Code that compiled still compiles; a payload that read still reads, with nothing lost,
    /// though maybe into another place (a new field, a new variant, `Undocumented`).
    Compatible,
    /// Code that compiled may not compile; a payload that read may lose a typed value (it
    /// becomes unfit, or lands in `additional_properties`).
    Breaking,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Level::None => "none",
            Level::Compatible => "compatible",
            Level::Breaking => "breaking",
        })
    }
}

/// One kind of impact, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Impact {
    pub level: Level,
    pub why: String,
}

impl Impact {
    pub fn none(why: impl Into<String>) -> Impact {
        Impact {
            level: Level::None,
            why: why.into(),
        }
    }

    pub fn compatible(why: impl Into<String>) -> Impact {
        Impact {
            level: Level::Compatible,
            why: why.into(),
        }
    }

    pub fn breaking(why: impl Into<String>) -> Impact {
        Impact {
            level: Level::Breaking,
            why: why.into(),
        }
    }
}

/// What one side's pages write, and where. `text` is `None` where they write nothing (the
/// type's page on the side where a property is absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub text: Option<String>,
    pub at: Location,
}

impl Evidence {
    pub fn written(text: impl Into<String>, at: &Location) -> Evidence {
        Evidence {
            text: Some(text.into()),
            at: at.clone(),
        }
    }

    pub fn absent(at: &Location) -> Evidence {
        Evidence {
            text: None,
            at: at.clone(),
        }
    }
}

/// How a rename was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The names differ only in case.
    Case,
    /// The same name in another namespace.
    Namespace,
    /// A property that listed its values inline now names a documented enum with those
    /// members.
    InlineEnumDocumented,
    /// A property's enum has another name (and the same members), the property the same.
    EnumOfProperty,
    /// A property whose type and description stay while its name changes.
    SameTypeAndDescription,
    /// An operation with the same method and request paths under another name.
    SamePaths,
}

/// Whether the schemas of both dates changed the same way (with `--csdl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Origin {
    /// The schemas differ the same way: the API changed.
    Api,
    /// The schemas do not: the old schema said the new thing already, or the new one still
    /// says the old thing, or neither describes it.
    Documentation,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Origin::Api => "API change",
            Origin::Documentation => "documentation change",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub origin: Origin,
    pub why: String,
}

/// One change, reported once, at the type (or operation) that declares it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub version: String,
    /// The product area of the type (front matter `ms.prod`), on the new side when it has one.
    pub area: Option<String>,
    /// The qualified name of the type (the new name when renamed), or the operation's name.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The property, member or parameter, when the change is to one (the new name when
    /// renamed).
    pub name: Option<String>,
    pub kind: ChangeKind,
    /// The old name of what was renamed (a type's qualified name, a property's or member's
    /// name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// How a rename was recognised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// Does code using the generated crate still compile.
    pub rust: Impact,
    /// Does a payload that read before read the same way.
    pub wire: Impact,
    /// The old pages' text and where.
    pub old: Option<Evidence>,
    /// The new pages' text and where.
    pub new: Option<Evidence>,
    /// Types derived from `type` that the change reaches through inheritance (their own
    /// properties are the same for them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inherited_by: Vec<String>,
    /// What else explains the change, when the text at `old` and `new` alone does not (a
    /// type a reference names is documented now, a member list moved into a table).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// With the schemas of both dates: an API change or a documentation change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csdl: Option<Label>,
}

impl Change {
    /// The larger of the two impacts.
    pub fn level(&self) -> Level {
        self.rust.level.max(self.wire.level)
    }

    pub fn is_breaking(&self) -> bool {
        self.level() == Level::Breaking
    }
}

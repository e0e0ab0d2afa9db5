//! The page model: what one markdown page says, before any cross-page resolution.

use std::collections::BTreeMap;

use serde::Serialize;

use super::blocks::Inline;

/// One documentation page, read.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// Path relative to the docs root, with `/` separators: `beta/resources/x.md`.
    pub path: String,
    /// The API version, from the first path component (`beta`, `v1.0`).
    pub version: Option<String>,
    pub front_matter: BTreeMap<String, String>,
    pub title: Option<Title>,
    /// The `Namespace:` line.
    pub namespace: Option<String>,
    /// The prose between the title and the first section.
    pub description: Option<String>,
    /// "Inherits from [x](x.md)" in the prose.
    pub inherits_from: Option<Mention>,
    /// "inherits from base policy type", with no link or type name: `policyBase`, the type
    /// the words most likely mean (a guess, taken only if such a type exists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherits_from_guess: Option<Mention>,
    /// The types the page says derive from its type: "the derived types are [x](x.md), ...",
    /// a `## Derived types` table.
    pub derived: Vec<Mention>,
    /// The line of a sentence saying the page's type is open ("This is an _open type_").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_type_stated: Option<usize>,
    pub tables: Vec<Table>,
    /// Rows of the Methods table: the operations the page lists (`Get x`, `Update x`, ...).
    pub methods: Vec<MethodRow>,
    pub annotated: Vec<AnnotatedBlock>,
    /// On an API page: its requests, parameters, permissions and response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api: Option<super::api::ApiPage>,
}

impl Page {
    pub fn front(&self, key: &str) -> Option<&str> {
        self.front_matter
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TitleKind {
    /// `# x resource type`, `# x complex type`, `# x entity type`, ...
    Type,
    /// `# x enum type`.
    Enum,
    /// Anything else: an API page, an overview.
    Other,
}

#[derive(Debug, Clone, Serialize)]
pub struct Title {
    pub text: String,
    /// The type name the title announces, when it announces one.
    pub type_name: Option<String>,
    pub kind: TitleKind,
    pub line: usize,
}

/// A row of a resource page's Methods table.
#[derive(Debug, Clone, Serialize)]
pub struct MethodRow {
    /// The first cell: `Get x`, `List x`, with the link to the API page.
    pub method: Mention,
    /// The Return type cell, when the table has one: `[x](x.md) collection`, `None`.
    pub returns: Option<Mention>,
}

/// A type named in prose or a cell, by text and maybe by link.
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub text: String,
    pub link: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Section {
    Properties,
    Relationships,
    Members,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub section: Section,
    /// The heading the table sits under.
    pub heading: Option<String>,
    /// The headings of every section that holds the table, outermost first (the last is
    /// `heading`): a table under `#### Example` inside `### Properties of a ... definition`
    /// is within both.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub within: Vec<String>,
    pub line: usize,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub line: usize,
    #[serde(skip)]
    pub cells: Vec<Inline>,
}

/// A block annotation comment and the code block it describes.
#[derive(Debug, Clone, Serialize)]
pub struct AnnotatedBlock {
    pub annotation: Annotation,
    /// Line of the annotation comment.
    pub line: usize,
    pub code: Option<CodeBlock>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CodeBlock {
    pub info: String,
    pub text: String,
    /// Line of the opening fence.
    pub line: usize,
    /// Line of the first line of code.
    pub body_line: usize,
}

/// The keys of a block annotation that the codegen reads. Others stay in `other`.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    pub block_type: Option<String>,
    pub odata_type: Option<String>,
    pub key_property: Option<String>,
    pub optional_properties: Vec<String>,
    pub base_type: Option<String>,
    pub open_type: bool,
    pub is_abstract: bool,
    pub is_media_entity: bool,
    pub is_collection: bool,
    pub collection_property: Option<String>,
    pub truncated: bool,
    pub name: Option<String>,
}

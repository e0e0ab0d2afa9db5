//! One definition -> a [`TypeDef`]: table rows, JSON representation keys, members, base type,
//! each checked against the others.

use std::collections::{HashMap, HashSet};

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::json_repr::{self, Hint, ReprProperty};
use crate::parse::type_ref::link_stem;
use crate::parse::type_ref::{self, description_hints, Spelling, TypeCell};
use crate::parse::{Inline, Mention, Page, Section, Table};
use crate::schema::{Member, Primitive, Property, TypeDef, TypeId, TypeKind, TypeRef};

use super::bases::{Hierarchy, Stated};
use super::definitions::Definition;
use super::either::Either;
use super::index::TypeIndex;
use super::inline_enums::{possible_values, InlineEnum};
use super::type_cells::Cells;

/// Everything a definition yields.
pub struct Built {
    pub def: TypeDef,
    pub inline_enums: Vec<InlineEnum>,
    /// Its base and derived types as written, for resolving once all types are known.
    pub hierarchy: Hierarchy,
    /// Its properties typed "x or y", typed by their common base once bases are known.
    pub either: Vec<Either>,
}

/// Values a property's description lists, and the enum name its type cell gives them when
/// that names a type with no page.
pub struct ListedValues {
    pub members: Vec<String>,
    pub name: Option<String>,
}

pub struct Builder<'a> {
    pub index: &'a TypeIndex,
    pub diagnostics: &'a mut Vec<Diagnostic>,
    /// Properties typed "x or y" in the definition being built.
    pub either: Vec<Either>,
}

impl Builder<'_> {
    pub fn build(&mut self, d: &Definition<'_>) -> Built {
        let page = d.page;
        let at = |line| Location::new(&page.path, line);
        let annotation = d.resource.map(|b| &b.annotation);
        let area = page
            .front("ms.prod")
            .or_else(|| page.front("ms.subservice"))
            .map(str::to_string);
        let mut def = TypeDef {
            name: d.name.clone(),
            namespace: d.namespace.clone(),
            version: d.version.clone(),
            kind: if d.is_enum {
                TypeKind::Enum
            } else {
                TypeKind::Complex
            },
            base_type: None,
            base_written: None,
            addressed: None,
            singleton: None,
            implied: None,
            is_abstract: annotation.is_some_and(|a| a.is_abstract),
            open_type: annotation.is_some_and(|a| a.open_type),
            media_entity: annotation.is_some_and(|a| a.is_media_entity),
            key: annotation.and_then(|a| a.key_property.clone()),
            source: at(d.line),
            other_parts: Vec::new(),
            description: if d.primary {
                page.description.clone()
            } else {
                None
            },
            area: area.clone(),
            properties: Vec::new(),
            members: Vec::new(),
            inline_for: Vec::new(),
        };
        if d.primary {
            def.addressed = addressed(page, &d.name);
            // "This is an _open type_": what the annotation's flag would say.
            if let Some(line) = page.open_type_stated.filter(|_| !def.open_type) {
                def.open_type = true;
                self.diagnostics.push(Diagnostic::note(
                    "open-type-from-prose",
                    at(line),
                    format!(
                        "the page says {} is an open type, though its annotation does not set \"openType\"; read as open",
                        def.name
                    ),
                ));
            }
        }
        let mut inline_enums = Vec::new();
        // Lookups by name are hashed: a page may list tens of thousands of properties.
        let mut seen = HashMap::new();
        let tables: Vec<&Table> = d.tables.iter().map(|&i| &page.tables[i]).collect();

        for table in &tables {
            match table.section {
                Section::Members if d.is_enum => self.members(&page.path, table, &mut def),
                Section::Members => {
                    self.diagnostics.push(Diagnostic::warning(
                        "table-ignored",
                        at(table.line),
                        format!(
                            "Members table on the page of {}, under no `x values` heading: it names no enum, so its members are not used",
                            def.name
                        ),
                    ));
                }
                Section::Properties | Section::Relationships if !d.is_enum => {
                    if let Some((property, heading)) = describes_property(table, &tables) {
                        // `### Properties of a token lifetime policy definition`: the JSON
                        // held in the `definition` string, not properties of the type.
                        for row in &table.rows {
                            self.diagnostics.push(Diagnostic::note(
                                "table-describes-property",
                                at(row.line),
                                format!(
                                    "{:?} is a field of the JSON held in {}.{property} (the table sits under {heading:?}), not a property of {}",
                                    clean_name(cell(&row.cells, 0)),
                                    def.name,
                                    def.name
                                ),
                            ));
                        }
                        continue;
                    }
                    for row in &table.rows {
                        if let Some((property, values)) = self.row(d, table, row) {
                            if let Some(ListedValues { members, name }) = values {
                                let mut inline = self.inline_use(d, &property, members, &area);
                                inline.name = name;
                                inline_enums.push(inline);
                            }
                            self.push_property(&mut def, &mut seen, property);
                        }
                    }
                }
                _ => {
                    self.diagnostics.push(Diagnostic::warning(
                        "table-ignored",
                        at(table.line),
                        format!(
                            "{:?} table on the page of enum {}; expected only a Members table",
                            table.section, def.name
                        ),
                    ));
                }
            }
        }

        if let Some(code) = d.resource.and_then(|b| b.code.as_ref()) {
            let repr = json_repr::representation(&code.text, code.body_line);
            if let Some((line, error)) = &repr.json_error {
                self.diagnostics.push(Diagnostic::warning(
                    "representation-json",
                    at(*line),
                    format!("JSON representation is not valid JSON ({error}); its keys were read by a tolerant scan"),
                ));
            }
            self.merge_representation(d, &mut def, &repr.properties, &mut inline_enums, &area);
        }

        if let Some(a) = annotation {
            for optional in &a.optional_properties {
                if !def
                    .properties
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(optional))
                {
                    self.diagnostics.push(Diagnostic::warning(
                        "optional-property-unknown",
                        at(d.line),
                        format!(
                            "optionalProperties names {optional:?}, which is no property of {}",
                            def.name
                        ),
                    ));
                }
            }
        }
        if d.is_enum && def.members.is_empty() {
            self.diagnostics.push(Diagnostic::warning(
                "enum-without-members",
                at(d.line),
                format!(
                    "enum {} lists no members; expected a Members table",
                    def.name
                ),
            ));
        }

        let stated = |m: &Mention| Stated {
            text: m.text.clone(),
            link: m.link.clone(),
            source: at(m.line),
            guessed: false,
        };
        let own_page = |mentions: Vec<Stated>| if d.primary { mentions } else { Vec::new() };
        let mut base: Vec<Stated> = annotation
            .and_then(|a| a.base_type.clone())
            .map(|text| Stated {
                text,
                link: None,
                source: at(d.line),
                guessed: false,
            })
            .into_iter()
            .chain(own_page(page.inherits_from.iter().map(stated).collect()))
            .collect();
        // "inherits from base policy type": only where nothing names the base outright.
        if base.is_empty() {
            base.extend(own_page(
                page.inherits_from_guess
                    .iter()
                    .map(|m| Stated {
                        guessed: true,
                        ..stated(m)
                    })
                    .collect(),
            ));
        }
        let hierarchy = Hierarchy {
            base,
            derived: own_page(page.derived.iter().map(stated).collect()),
        };
        Built {
            def,
            inline_enums,
            hierarchy,
            either: std::mem::take(&mut self.either),
        }
    }

    fn push_property(
        &mut self,
        def: &mut TypeDef,
        seen: &mut HashMap<String, usize>,
        property: Property,
    ) {
        if let Some(existing) = seen.get(&property.name).map(|&i| &def.properties[i]) {
            self.diagnostics.push(Diagnostic::warning(
                "duplicate-property",
                property.source.clone(),
                format!(
                    "property {:?} is documented twice (first at {}); the first is used",
                    property.name, existing.source
                ),
            ));
            return;
        }
        seen.insert(property.name.clone(), def.properties.len());
        def.properties.push(property);
    }

    fn members(&mut self, path: &str, table: &Table, def: &mut TypeDef) {
        let value_col = column(&table.header, |h| h.starts_with("value"));
        let desc_col = column(&table.header, |h| h.starts_with("descr"));
        let mut seen: HashSet<String> = def.members.iter().map(|m| m.name.clone()).collect();
        for row in &table.rows {
            let name = clean_name(cell(&row.cells, 0));
            if name.is_empty() {
                self.diagnostics.push(Diagnostic::warning(
                    "member-name-missing",
                    Location::new(path, row.line),
                    "Members row has no member name in its first cell",
                ));
                continue;
            }
            let value = value_col.and_then(|c| {
                let text = cell(&row.cells, c).trim().to_string();
                if text.is_empty() {
                    return None;
                }
                let parsed = text.parse::<i64>().ok();
                if parsed.is_none() {
                    self.diagnostics.push(Diagnostic::warning(
                        "member-value",
                        Location::new(path, row.line),
                        format!("member {name:?} has value {text:?}; expected an integer"),
                    ));
                }
                parsed
            });
            let description = desc_col
                .map(|c| cell(&row.cells, c).trim().to_string())
                .filter(|d| !d.is_empty());
            if !seen.insert(name.clone()) {
                self.diagnostics.push(Diagnostic::warning(
                    "duplicate-member",
                    Location::new(path, row.line),
                    format!("member {name:?} is listed twice; the first is used"),
                ));
                continue;
            }
            def.members.push(Member {
                name,
                value,
                description,
                source: Location::new(path, row.line),
                also_documented: Vec::new(),
            });
        }
    }

    /// A Properties or Relationships row -> a property, and the members its description lists.
    fn row(
        &mut self,
        d: &Definition<'_>,
        table: &Table,
        row: &crate::parse::Row,
    ) -> Option<(Property, Option<ListedValues>)> {
        let at = Location::new(&d.page.path, row.line);
        let type_col = column(&table.header, |h| h.starts_with("type"))?;
        let desc_col = column(&table.header, |h| h.starts_with("descr"));
        let name = clean_name(cell(&row.cells, 0));
        // `@microsoft.graph.downloadUrl`: an instance annotation the service adds, not a
        // property of the type; at run time it is kept with the undocumented keys.
        if name.starts_with('@') {
            self.diagnostics.push(Diagnostic::note(
                "instance-annotation",
                at,
                format!(
                    "{name:?} is an instance annotation, not a property of {}; payloads that carry it keep it in additional_properties",
                    d.name
                ),
            ));
            return None;
        }
        if !is_property_name(&name) {
            self.diagnostics.push(Diagnostic::warning(
                "property-name",
                at,
                format!(
                    "{:?} is not a property name; expected a single word such as `createdDateTime`",
                    cell(&row.cells, 0)
                ),
            ));
            return None;
        }
        let empty = Inline::default();
        let type_cell_content = row.cells.get(type_col).unwrap_or(&empty);
        let description = desc_col.and_then(|c| row.cells.get(c));
        let parsed = type_ref::type_cell(type_cell_content);
        let (desc_read_only, nullable) = description
            .map(|c| description_hints(&c.text))
            .unwrap_or((false, None));
        let listed = description.and_then(possible_values);
        let undocumented_enum = match (&parsed.spelling, &listed) {
            (Spelling::Named { name, link }, Some(_))
                if self.lookup(d, name, link.as_deref()).is_none() =>
            {
                Some(match super::definitions::split_qualified(name) {
                    Some((ns, n)) => format!("{ns}.{n}"),
                    None => format!("{}.{name}", d.namespace),
                })
            }
            _ => None,
        };
        let (ty, unresolved) = match &undocumented_enum {
            Some(q) => {
                self.diagnostics.push(Diagnostic::warning(
                    "enum-from-description",
                    at.clone(),
                    format!(
                        "type {:?} has no page of its own; it becomes an enum {q} with the values its description lists",
                        parsed.written
                    ),
                ));
                (TypeRef::Primitive(Primitive::String), None)
            }
            None => self.resolve_cell(d, &parsed, &at),
        };
        let values = listed
            .filter(|_| ty.is(Primitive::String))
            .map(|members| ListedValues {
                members,
                name: undocumented_enum,
            });
        Some((
            Property {
                name,
                ty,
                collection: parsed.collection,
                written: parsed.written.clone(),
                representation_only: false,
                navigation: table.section == Section::Relationships,
                nullable,
                read_only: parsed.read_only || desc_read_only,
                unresolved,
                description: description
                    .map(|c| c.text.clone())
                    .filter(|t| !t.is_empty()),
                source: at,
                also_documented: Vec::new(),
            },
            values,
        ))
    }

    fn cells<'s>(&'s self, d: &'s Definition<'_>) -> Cells<'s> {
        Cells {
            index: self.index,
            version: &d.version,
            namespace: &d.namespace,
        }
    }

    fn lookup(&self, d: &Definition<'_>, name: &str, link: Option<&str>) -> Option<TypeId> {
        self.cells(d).lookup(name, link).cloned()
    }

    fn resolve_cell(
        &mut self,
        d: &Definition<'_>,
        cell: &TypeCell,
        at: &Location,
    ) -> (TypeRef, Option<String>) {
        let cells = Cells {
            index: self.index,
            version: &d.version,
            namespace: &d.namespace,
        };
        let (ty, unresolved, either) = cells.resolve(cell, at, self.diagnostics);
        self.either.extend(either);
        (ty, unresolved)
    }

    fn inline_use(
        &self,
        d: &Definition<'_>,
        property: &Property,
        members: Vec<String>,
        area: &Option<String>,
    ) -> InlineEnum {
        InlineEnum {
            version: d.version.clone(),
            namespace: d.namespace.clone(),
            owner: d.qualified_name(),
            property: property.name.clone(),
            name: None,
            members,
            area: area.clone(),
            source: property.source.clone(),
        }
    }

    /// Cross-checks the table with the JSON representation and adds what only the JSON lists.
    fn merge_representation(
        &mut self,
        d: &Definition<'_>,
        def: &mut TypeDef,
        repr: &[ReprProperty],
        inline_enums: &mut Vec<InlineEnum>,
        area: &Option<String>,
    ) {
        let at = |line| Location::new(&d.page.path, line);
        // Hashed lookups: both lists may be tens of thousands long. First spelling wins.
        let mut exact: HashMap<String, usize> = HashMap::new();
        let mut folded: HashMap<String, usize> = HashMap::new();
        for (i, p) in def.properties.iter().enumerate() {
            exact.entry(p.name.clone()).or_insert(i);
            folded.entry(p.name.to_ascii_lowercase()).or_insert(i);
        }
        let mut listed: HashSet<String> = inline_enums.iter().map(|e| e.property.clone()).collect();
        // An open type whose tables document nothing (`fieldValueSet`, `plannerAssignments`):
        // its JSON representation shows properties a client or a list defines, examples
        // rather than the type's own.
        let examples_only = def.open_type && def.properties.is_empty();
        for key in repr {
            if key.name.starts_with("@odata.") {
                continue;
            }
            if key.name.starts_with('@') {
                self.diagnostics.push(Diagnostic::note(
                    "instance-annotation",
                    at(key.line),
                    format!(
                        "{:?} is an instance annotation, not a property of {}; payloads that carry it keep it in additional_properties",
                        key.name, def.name
                    ),
                ));
                continue;
            }
            if examples_only {
                self.diagnostics.push(Diagnostic::note(
                    "open-type-example",
                    at(key.line),
                    format!(
                        "{:?} in the JSON representation of the open type {}, whose tables document no property, is an example of a dynamic property; kept at run time in additional_properties",
                        key.name, def.name
                    ),
                ));
                continue;
            }
            let table_index = exact
                .get(&key.name)
                .or_else(|| folded.get(&key.name.to_ascii_lowercase()))
                .copied();
            match table_index {
                Some(i) => {
                    let property = &mut def.properties[i];
                    if property.name != key.name {
                        self.diagnostics.push(Diagnostic::warning(
                            "property-name-case",
                            property.source.clone(),
                            format!(
                                "table names {:?}, JSON representation (line {}) names {:?}; the JSON spelling is used as the wire name",
                                property.name, key.line, key.name
                            ),
                        ));
                        property.name = key.name.clone();
                        exact.entry(key.name.clone()).or_insert(i);
                    }
                    self.check_hint(d, property, key);
                    self.specific_primitive(d, property, key);
                    if let Hint::Choices(members) = &key.hint {
                        if property.ty.is(Primitive::String) && listed.insert(property.name.clone())
                        {
                            let property = property.clone();
                            inline_enums.push(self.inline_use(d, &property, members.clone(), area));
                        }
                    }
                }
                None => {
                    if !is_property_name(&key.name) {
                        self.diagnostics.push(Diagnostic::warning(
                            "property-name",
                            at(key.line),
                            format!(
                                "JSON representation key {:?} is not a property name",
                                key.name
                            ),
                        ));
                        continue;
                    }
                    let (ty, unresolved) = self.hint_type(d, key);
                    let property = Property {
                        name: key.name.clone(),
                        ty,
                        collection: key.collection,
                        written: key.raw.clone(),
                        representation_only: true,
                        navigation: false,
                        nullable: None,
                        read_only: false,
                        unresolved,
                        description: None,
                        source: at(key.line),
                        also_documented: Vec::new(),
                    };
                    if let Hint::Choices(members) = &key.hint {
                        if property.ty.is(Primitive::String) {
                            listed.insert(property.name.clone());
                            inline_enums.push(self.inline_use(d, &property, members.clone(), area));
                        }
                    }
                    exact
                        .entry(property.name.clone())
                        .or_insert(def.properties.len());
                    folded
                        .entry(property.name.to_ascii_lowercase())
                        .or_insert(def.properties.len());
                    def.properties.push(property);
                }
            }
        }
        if def.key.is_none() {
            if let Some(key) = repr.iter().find(|k| is_identifier_hint(k)) {
                def.key = Some(key.name.clone());
            }
        }
        let in_json: HashSet<&str> = repr.iter().map(|k| k.name.as_str()).collect();
        let documented_in_json = |p: &Property| in_json.contains(p.name.as_str());
        if !repr.is_empty() {
            for property in def
                .properties
                .iter()
                .filter(|p| !p.navigation && !documented_in_json(p))
            {
                self.diagnostics.push(Diagnostic::note(
                    "property-not-in-json",
                    property.source.clone(),
                    format!(
                        "property {:?} is in the Properties table but not in the JSON representation",
                        property.name
                    ),
                ));
            }
        }
    }

    /// The type a JSON representation value implies, for a key no table documents.
    fn hint_type(&mut self, d: &Definition<'_>, key: &ReprProperty) -> (TypeRef, Option<String>) {
        let primitive = match &key.hint {
            Hint::ODataType(t) => {
                return match self.index.by_name(&d.version, t, &d.namespace) {
                    Some(id) => (TypeRef::Named(id.clone()), None),
                    None => {
                        self.diagnostics.push(Diagnostic::warning(
                            "unresolved-type",
                            Location::new(&d.page.path, key.line),
                            format!("JSON representation type hint {t:?} names no type of this {} doc set; typed as raw JSON", d.version),
                        ));
                        (TypeRef::Primitive(Primitive::Untyped), Some(t.clone()))
                    }
                };
            }
            // `"sharingDetail": "sharingDetail"`: the value names a documented type.
            Hint::Text(t) => match self.index.by_name(&d.version, t, &d.namespace) {
                Some(id) => return (TypeRef::Named(id.clone()), None),
                None => type_ref::representation_primitive(t)
                    .or_else(|| type_ref::primitive(t.split([' ', '(']).next().unwrap_or(t)))
                    .unwrap_or(Primitive::String),
            },
            Hint::Choices(_) => Primitive::String,
            Hint::Integer => Primitive::Int32,
            Hint::Number => Primitive::Double,
            Hint::Boolean => Primitive::Boolean,
            Hint::Null | Hint::Other => Primitive::Untyped,
        };
        (TypeRef::Primitive(primitive), None)
    }

    /// A table's bare `String` where the JSON representation names a more specific
    /// primitive (`"appOwnerOrganizationId": "guid"`, `"progress": "String (double)"`): the
    /// JSON's, as `"String (timestamp)"` types a key no table documents.
    fn specific_primitive(
        &mut self,
        d: &Definition<'_>,
        property: &mut Property,
        key: &ReprProperty,
    ) {
        let Hint::Text(t) = &key.hint else {
            return;
        };
        let written = property
            .written
            .replace(['*', '`'], "")
            .to_ascii_lowercase();
        let bare = written.trim().trim_end_matches(" collection").trim();
        if !property.ty.is(Primitive::String)
            || !matches!(bare, "string" | "edm.string")
            || key.collection != property.collection
        {
            return;
        }
        let Some(specific) = type_ref::more_specific_than_string(t) else {
            return;
        };
        property.ty = TypeRef::Primitive(specific);
        self.diagnostics.push(Diagnostic::note(
            "type-from-json",
            property.source.clone(),
            format!(
                "{:?} is written {:?} here and {t:?} in the JSON representation ({}:{}); typed {} as the JSON says",
                property.name,
                property.written,
                d.page.path,
                key.line,
                property.ty.csdl_name()
            ),
        ));
    }

    fn check_hint(&mut self, d: &Definition<'_>, property: &Property, key: &ReprProperty) {
        let Hint::ODataType(t) = &key.hint else {
            return;
        };
        let hinted = self.index.by_name(&d.version, t, &d.namespace);
        if property.unresolved.is_none() && hinted.is_some_and(|h| property.ty.named() != Some(h)) {
            self.diagnostics.push(Diagnostic::warning(
                "json-hint-mismatch",
                Location::new(&d.page.path, key.line),
                format!(
                    "JSON representation types {:?} as {t:?}, the table as {:?}; the table is used",
                    property.name,
                    property.ty.csdl_name()
                ),
            ));
        }
    }
}

/// For a table anywhere in the section a heading `Properties of a ... <word>` opens (under
/// its subheadings too: `#### Example: definition that uses ...` inside `### Properties of a
/// claims-mapping policy definition`), where `<word>` names a property another table of the
/// page documents: that property, and the heading.
fn describes_property<'t>(table: &'t Table, tables: &[&Table]) -> Option<(String, &'t str)> {
    let headings = table.within.iter().rev().chain(&table.heading);
    let heading = headings
        .map(|h| h.trim())
        .find(|h| h.to_ascii_lowercase().starts_with("properties of"))?;
    let word = heading.rsplit(' ').next()?.trim_matches(['*', '`']);
    let property = tables
        .iter()
        .filter(|t| !std::ptr::eq(**t, table))
        .flat_map(|t| &t.rows)
        .map(|r| clean_name(cell(&r.cells, 0)))
        .find(|name| name.eq_ignore_ascii_case(word))?;
    Some((property, heading))
}

/// The first Methods row that addresses the type itself, which only entities can be: a Get,
/// Update or Delete row, or a List or Create row returning the type. Where the table has a
/// Return type column, the row must return the type (or nothing, for Update and Delete):
/// `bundle.md`'s "Get bundle" returns a `driveItem`, which says nothing of `bundle`.
fn addressed(page: &Page, type_name: &str) -> Option<crate::schema::Written> {
    let own_stem = link_stem(&page.path);
    let returns_self = |returns: &Mention| {
        let linked = returns
            .link
            .as_deref()
            .and_then(link_stem)
            .is_some_and(|s| {
                own_stem
                    .as_deref()
                    .is_some_and(|o| o.eq_ignore_ascii_case(&s))
            });
        let first_word = returns
            .text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .find(|w| !w.is_empty())
            .unwrap_or("");
        linked
            || first_word
                .rsplit('.')
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(type_name))
    };
    let returns_nothing = |returns: &Mention| {
        let t = returns.text.trim().to_ascii_lowercase();
        t.is_empty() || t.starts_with("none") || t.starts_with("no content") || t.contains("204")
    };
    page.methods
        .iter()
        .find(|row| {
            let verb = row
                .method
                .text
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            match (verb.as_str(), &row.returns) {
                ("get" | "update" | "delete", None) => true,
                ("get" | "list" | "create", Some(r)) => returns_self(r),
                ("update" | "delete", Some(r)) => returns_self(r) || returns_nothing(r),
                _ => false,
            }
        })
        .map(|row| crate::schema::Written {
            text: row.method.text.clone(),
            source: Location::new(&page.path, row.method.line),
        })
}

/// `"id": "String (identifier)"`: how JSON representations mark an entity's key.
fn is_identifier_hint(key: &ReprProperty) -> bool {
    key.name == "id"
        && matches!(&key.hint, Hint::Text(t) if t.to_ascii_lowercase().contains("(identifier)"))
}

fn column(header: &[String], matches: impl Fn(&str) -> bool) -> Option<usize> {
    header
        .iter()
        .position(|h| matches(&h.trim().to_ascii_lowercase()))
}

fn cell(cells: &[Inline], i: usize) -> &str {
    cells.get(i).map_or("", |c| c.text.as_str())
}

/// `**id**`, `` `id` ``, `id (deprecated)` -> `id`.
fn clean_name(text: &str) -> String {
    let t = text.replace(['*', '`', '\\'], "");
    let t = t.trim();
    let t = t.split(" (").next().unwrap_or(t);
    t.trim().to_string()
}

/// Wire names: letters, digits, `_`, and the `@` and `.` of annotations.
fn is_property_name(name: &str) -> bool {
    !name.is_empty()
        && !name.contains(char::is_whitespace)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '@' | '.' | '-' | '$'))
}

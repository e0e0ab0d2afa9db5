//! The resolved model of one version against a CSDL document of that version: one diagnostic
//! per disagreement, at the page's `file:line`, and the agreement figures.

use serde::Serialize;

use super::read::{Csdl, CsdlKind, CsdlProperty, CsdlType};
use crate::diagnostics::Diagnostic;
use crate::schema::{Implied, Primitive, Property, Schema, TypeDef, TypeId, TypeKind};

/// Agreeing cases out of compared ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub agree: usize,
    pub of: usize,
}

impl Ratio {
    fn count(&mut self, agree: bool) {
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
        write!(
            f,
            "  described by one side only: types {} docs / {} CSDL; properties of shared types {} docs / {} CSDL",
            self.types_only_in_docs,
            self.types_only_in_csdl,
            self.properties_only_in_docs,
            self.properties_only_in_csdl
        )
    }
}

/// Compares the types of `version` in `schema` with `csdl`.
pub fn compare(schema: &Schema, version: &str, csdl: &Csdl) -> (Agreement, Vec<Diagnostic>) {
    let mut run = Comparison {
        schema,
        version,
        csdl,
        agreement: Agreement {
            version: version.to_string(),
            ..Agreement::default()
        },
        diagnostics: Vec::new(),
    };
    for (i, t) in schema.types.iter().enumerate() {
        // An action's parameters are no type of the CSDL's (they are its Action's
        // Parameters, compared with the operations).
        let parameters = matches!(t.implied, Some(Implied::ActionBody { .. }));
        if t.version != version || parameters {
            continue;
        }
        match csdl.get(&t.qualified_name()) {
            Some(theirs) => run.type_pair(i, theirs),
            None => run.agreement.types_only_in_docs += 1,
        }
    }
    run.agreement.types_only_in_csdl = csdl
        .types
        .values()
        .filter(|c| schema.find(version, &c.name).is_none())
        .count();
    run.unresolved_references();
    (run.agreement, run.diagnostics)
}

struct Comparison<'a> {
    schema: &'a Schema,
    version: &'a str,
    csdl: &'a Csdl,
    agreement: Agreement,
    diagnostics: Vec<Diagnostic>,
}

impl Comparison<'_> {
    fn at_csdl(&self, line: usize) -> String {
        format!("{}:{line}", self.csdl.file)
    }

    fn type_pair(&mut self, i: usize, theirs: &CsdlType) {
        let ours = &self.schema.types[i];
        let kinds_agree = kind_of(ours.kind) == theirs.kind;
        self.agreement.kind.count(kinds_agree);
        if !kinds_agree {
            self.diagnostics.push(Diagnostic::warning(
                "csdl-kind",
                ours.source.clone(),
                format!(
                    "the docs make {} {}; the CSDL ({}) has an {}",
                    ours.name,
                    article(ours.kind),
                    self.at_csdl(theirs.line),
                    kind_name(theirs.kind)
                ),
            ));
        }
        match (ours.kind, theirs.kind) {
            (TypeKind::Enum, CsdlKind::Enum) => self.members(ours, theirs),
            (TypeKind::Entity | TypeKind::Complex, CsdlKind::Entity | CsdlKind::Complex) => {
                self.base(ours, theirs);
                self.properties(i, theirs);
            }
            _ => {}
        }
    }

    fn base(&mut self, ours: &TypeDef, theirs: &CsdlType) {
        let same = match (&ours.base_type, &theirs.base) {
            (Some(a), Some(b)) => a.qualified_name().eq_ignore_ascii_case(b),
            (None, None) => true,
            _ => false,
        };
        self.agreement.base_type.count(same);
        if same {
            return;
        }
        let (at, written) = match &ours.base_written {
            Some(w) => (w.source.clone(), format!("names {:?}", w.text)),
            None if ours.base_type.is_some() => (
                ours.source.clone(),
                "names no base type, and is an entity".to_string(),
            ),
            None => (ours.source.clone(), "names no base type".to_string()),
        };
        let read = ours
            .base_type
            .as_ref()
            .map_or("none", TypeId::qualified_name);
        self.diagnostics.push(Diagnostic::warning(
            "csdl-base-type",
            at,
            format!(
                "base type of {}: the page {written} (read as {read}); the CSDL ({}) says {}",
                ours.name,
                self.at_csdl(theirs.line),
                theirs.base.as_deref().unwrap_or("none")
            ),
        ));
    }

    fn properties(&mut self, i: usize, theirs: &CsdlType) {
        let ours_all = self.schema.all_properties(self.schema.id(i));
        let theirs_all = self.csdl.all_properties(theirs);
        let owner = &self.schema.types[i];
        for p in &ours_all {
            let found = theirs_all.iter().find(|q| q.name == p.name).or_else(|| {
                theirs_all
                    .iter()
                    .find(|q| q.name.eq_ignore_ascii_case(&p.name))
            });
            match found {
                Some(q) => self.property_pair(owner, p, q),
                None => {
                    self.agreement.properties_only_in_docs += 1;
                    self.diagnostics.push(Diagnostic::note(
                        "csdl-property-missing",
                        p.source.clone(),
                        format!(
                            "{}.{} is documented here but the CSDL's {} ({}) has no such property",
                            owner.name,
                            p.name,
                            theirs.name,
                            self.at_csdl(theirs.line)
                        ),
                    ));
                }
            }
        }
        for q in theirs_all {
            let present = ours_all
                .iter()
                .any(|p| p.name.eq_ignore_ascii_case(&q.name));
            self.agreement.csdl_properties_present.count(present);
            if !present {
                self.agreement.properties_only_in_csdl += 1;
                self.diagnostics.push(Diagnostic::note(
                    "csdl-property-missing",
                    owner.source.clone(),
                    format!(
                        "the CSDL gives {} a property {} ({}{}, {}) that the docs do not document",
                        owner.name,
                        q.name,
                        if q.collection { "Collection of " } else { "" },
                        q.type_name,
                        self.at_csdl(q.line)
                    ),
                ));
            }
        }
    }

    fn property_pair(&mut self, owner: &TypeDef, p: &Property, q: &CsdlProperty) {
        // A complex type that declares nothing and derives from nothing (the CSDL's `Json`:
        // CSDL 4.0 has no Edm.Untyped) stands for any JSON value, which is what the docs'
        // `Json` is read as.
        let any_json = |name: &str| {
            self.csdl.get(name).is_some_and(|t| {
                t.kind == CsdlKind::Complex && t.properties.is_empty() && t.base.is_none()
            })
        };
        let strict = p.ty.csdl_name().eq_ignore_ascii_case(&q.type_name)
            || (p.ty.is(Primitive::Untyped) && p.unresolved.is_none() && any_json(&q.type_name));
        let enum_for_string = q.type_name == Primitive::String.csdl_name()
            && p.ty
                .named()
                .is_some_and(|t| self.schema.get(t).kind == TypeKind::Enum);
        self.agreement.property_type.count(strict);
        self.agreement
            .property_type_lenient
            .count(strict || enum_for_string);
        if !strict && !enum_for_string {
            self.diagnostics.push(Diagnostic::warning(
                "csdl-property-type",
                p.source.clone(),
                format!(
                    "type of {}.{}: the page writes {:?} (read as {}); the CSDL ({}) says {}",
                    owner.name,
                    p.name,
                    p.written,
                    p.ty,
                    self.at_csdl(q.line),
                    q.type_name
                ),
            ));
        }
        self.agreement
            .collection
            .count(p.collection == q.collection);
        if p.collection != q.collection {
            let plural = |c: bool| if c { "a collection" } else { "a single value" };
            self.diagnostics.push(Diagnostic::warning(
                "csdl-collection",
                p.source.clone(),
                format!(
                    "{}.{}: the page writes {:?} (read as {}); the CSDL ({}) has {}",
                    owner.name,
                    p.name,
                    p.written,
                    plural(p.collection),
                    self.at_csdl(q.line),
                    plural(q.collection)
                ),
            ));
        }
    }

    fn members(&mut self, ours: &TypeDef, theirs: &CsdlType) {
        for m in &ours.members {
            if !theirs
                .members
                .iter()
                .any(|n| n.eq_ignore_ascii_case(&m.name))
            {
                self.diagnostics.push(Diagnostic::note(
                    "csdl-enum-member",
                    m.source.clone(),
                    format!(
                        "member {} of {} is documented here but not in the CSDL ({})",
                        m.name,
                        ours.name,
                        self.at_csdl(theirs.line)
                    ),
                ));
            }
        }
        for n in &theirs.members {
            if !ours.members.iter().any(|m| m.name.eq_ignore_ascii_case(n)) {
                self.diagnostics.push(Diagnostic::note(
                    "csdl-enum-member",
                    ours.source.clone(),
                    format!(
                        "the CSDL ({}) lists a member {n} of {} that the docs do not",
                        self.at_csdl(theirs.line),
                        ours.name
                    ),
                ));
            }
        }
    }

    /// References the docs leave unresolved whose name the CSDL defines.
    fn unresolved_references(&mut self) {
        for t in self
            .schema
            .types
            .iter()
            .filter(|t| t.version == self.version)
        {
            for p in &t.properties {
                let Some(written) = &p.unresolved else {
                    continue;
                };
                let name = referenced_name(written);
                let known = self.csdl.types.values().find(|c| {
                    c.name.eq_ignore_ascii_case(&name)
                        || c.name
                            .rsplit('.')
                            .next()
                            .is_some_and(|n| n.eq_ignore_ascii_case(&name))
                });
                if let Some(c) = known {
                    self.diagnostics.push(Diagnostic::warning(
                        "csdl-type-missing",
                        p.source.clone(),
                        format!(
                            "{}.{} is typed {written:?}, which no page of {} defines; the CSDL defines {} ({})",
                            t.name,
                            p.name,
                            self.version,
                            c.name,
                            self.at_csdl(c.line)
                        ),
                    ));
                }
            }
        }
    }
}

/// The type name inside a written type: `[x](x.md) collection` -> `x`.
fn referenced_name(written: &str) -> String {
    let t = written.trim();
    let t = t.strip_prefix("Collection(").unwrap_or(t);
    t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .find(|w| !w.is_empty())
        .unwrap_or(t)
        .to_string()
}

fn kind_of(kind: TypeKind) -> CsdlKind {
    match kind {
        TypeKind::Entity => CsdlKind::Entity,
        TypeKind::Complex => CsdlKind::Complex,
        TypeKind::Enum => CsdlKind::Enum,
    }
}

fn kind_name(kind: CsdlKind) -> &'static str {
    match kind {
        CsdlKind::Entity => "entity type",
        CsdlKind::Complex => "complex type",
        CsdlKind::Enum => "enum type",
    }
}

fn article(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Entity => "an entity type",
        TypeKind::Complex => "a complex type",
        TypeKind::Enum => "an enum type",
    }
}

//! The resolved model of one version against a CSDL document of that version: one diagnostic
//! per disagreement, at the page's `file:line`, and the agreement figures.

use super::agreement::Agreement;
use super::read::{Csdl, CsdlKind, CsdlProperty, CsdlType};
use crate::diagnostics::Diagnostic;
use crate::schema::{Implied, Primitive, Property, Schema, TypeDef, TypeId, TypeKind, TypeRef};

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
    super::operations::compare(
        schema,
        version,
        csdl,
        &mut run.agreement,
        &mut run.diagnostics,
    );
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
        let TypeAgreement { strict, lenient } = type_agreement(
            self.schema,
            self.csdl,
            &p.ty,
            p.unresolved.is_none(),
            &q.type_name,
        );
        self.agreement.property_type.count(strict);
        self.agreement.property_type_lenient.count(lenient);
        if !lenient {
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

/// How a type of the model agrees with a type the CSDL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TypeAgreement {
    /// The same type.
    pub strict: bool,
    /// The same, or a documented enum where the CSDL says `Edm.String`.
    pub lenient: bool,
}

/// Compares `ours` (`resolved`: it named a type the docs define, or a primitive) with the
/// CSDL's `theirs`.
pub(super) fn type_agreement(
    schema: &Schema,
    csdl: &Csdl,
    ours: &TypeRef,
    resolved: bool,
    theirs: &str,
) -> TypeAgreement {
    // A complex type that declares nothing and derives from nothing (the CSDL's `Json`:
    // CSDL 4.0 has no Edm.Untyped) stands for any JSON value, which is what the docs'
    // `Json` is read as.
    let any_json = |name: &str| {
        csdl.get(name).is_some_and(|t| {
            t.kind == CsdlKind::Complex && t.properties.is_empty() && t.base.is_none()
        })
    };
    let strict = ours.csdl_name().eq_ignore_ascii_case(theirs)
        || (ours.is(Primitive::Untyped) && resolved && any_json(theirs));
    let enum_for_string = theirs == Primitive::String.csdl_name()
        && ours
            .named()
            .is_some_and(|t| schema.get(t).kind == TypeKind::Enum);
    TypeAgreement {
        strict,
        lenient: strict || enum_for_string,
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

//! The schemas (CSDL) of both dates as an independent account of what changed: each change of
//! the report is labelled an API change (the schemas differ the same way) or a documentation
//! change, and the schemas' own changes give how much of them the report lists. Types here;
//! operations by walking their requests through each schema ([`super::operation_labels`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::change::{Change, ChangeKind, Label, Origin};
use super::operation_labels::Operations;
use super::Report;
use crate::csdl::{Csdl, CsdlType, Ratio};
use crate::schema::Schema;

/// How the report stands against the changes of the schemas of one version.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    pub version: String,
    /// Of the types the new schema adds that the pages add too, those the report lists.
    pub types_added: Ratio,
    /// Of the properties (own and inherited) the new schema adds to a type both schemas and
    /// both doc sets describe, that the pages add too, those the report lists.
    pub properties_added: Ratio,
    /// Of the enum members the new schema adds that the pages add too, those the report lists.
    pub members_added: Ratio,
    /// What the new schema adds in all, on the same terms (types; properties and members of
    /// types both schemas and both doc sets describe), whether the pages reflect it or not.
    pub schema_added: Additions,
    /// The report's changes of that version by label.
    pub api: usize,
    pub documentation: usize,
    /// Of those, the changes to operations (requests, their parameters, their responses).
    pub operations: Labelled,
    /// The report's changes to types both schemas describe.
    pub in_scope: usize,
    /// Of those, changes whose text reads the same on both sides (the difference lies
    /// elsewhere: a request path, an annotation, a name we give).
    pub same_text: usize,
    /// Schema changes the pages reflect that the report does not list, as `type.name`.
    pub missed: Vec<String>,
}

/// Counts of changes by label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Labelled {
    pub api: usize,
    pub documentation: usize,
}

impl Labelled {
    fn count(&mut self, origin: Origin) {
        match origin {
            Origin::Api => self.api += 1,
            Origin::Documentation => self.documentation += 1,
        }
    }
}

/// Counts of additions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Additions {
    pub types: usize,
    pub properties: usize,
    pub members: usize,
}

impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} against the schemas of both dates: {} API changes, {} documentation changes (of them, to operations: {} API, {} documentation)",
            self.version,
            self.api,
            self.documentation,
            self.operations.api,
            self.operations.documentation
        )?;
        writeln!(
            f,
            "  the schemas' additions the pages reflect, listed: types {}, properties {}, members {} (the new schema adds {} types, {} properties, {} members)",
            self.types_added,
            self.properties_added,
            self.members_added,
            self.schema_added.types,
            self.schema_added.properties,
            self.schema_added.members
        )?;
        write!(
            f,
            "  changes to types both schemas describe: {}, of which {} read the same on both sides",
            self.in_scope, self.same_text
        )
    }
}

/// Reads the schemas of both dates (`[VERSION=]FILE` each; the version comes from the file
/// names, `v1.0...` or `beta...`, or is the one version the models hold) and labels the
/// changes of that version in `report`.
pub fn compare_files(
    report: &mut Report,
    (old, new): (&Schema, &Schema),
    (old_spec, new_spec): (&str, &str),
) -> std::io::Result<()> {
    let split = |spec: &str| match spec.split_once('=') {
        Some((version, file)) if !std::path::Path::new(spec).exists() => {
            (Some(version.to_string()), file.to_string())
        }
        _ => (None, spec.to_string()),
    };
    let (v_old, f_old) = split(old_spec);
    let (v_new, f_new) = split(new_spec);
    let read = |file: &str| -> std::io::Result<Csdl> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| std::io::Error::new(e.kind(), format!("cannot read CSDL {file}: {e}")))?;
        crate::csdl::read(file, &text).map_err(|d| std::io::Error::other(d.to_string()))
    };
    let versions: BTreeSet<&str> = old
        .types
        .iter()
        .chain(&new.types)
        .map(|t| t.version.as_str())
        .collect();
    let from_name = |file: &str| {
        let name = std::path::Path::new(file)
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        versions
            .iter()
            .find(|v| name.starts_with(&v.to_ascii_lowercase()))
            .map(|v| v.to_string())
    };
    let version = v_new
        .or(v_old)
        .or_else(|| from_name(&f_new))
        .or_else(|| from_name(&f_old))
        .or_else(|| match versions.iter().collect::<Vec<_>>().as_slice() {
            [only] => Some(only.to_string()),
            _ => None,
        })
        .ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "which version do the schemas describe? The docs hold {}; name it as VERSION=FILE (v1.0={f_old} v1.0={f_new})",
                    versions.into_iter().collect::<Vec<_>>().join(", ")
                ),
            )
        })?;
    let (c_old, c_new) = (read(&f_old)?, read(&f_new)?);
    label(report, &version, (old, new), (&c_old, &c_new));
    Ok(())
}

/// Labels the changes of `version` in `report` and measures the report against the two
/// schemas' changes.
pub fn label(
    report: &mut Report,
    version: &str,
    (old, new): (&Schema, &Schema),
    (old_csdl, new_csdl): (&Csdl, &Csdl),
) {
    let c = Schemas {
        old: old_csdl,
        new: new_csdl,
    };
    let operations = Operations::new(report, version, (old, new), (old_csdl, new_csdl));
    let mut coverage = Coverage {
        version: version.to_string(),
        ..Coverage::default()
    };
    for change in report.changes.iter_mut().filter(|ch| ch.version == version) {
        let label = if change.kind.is_operation() {
            let label = operations.label(change);
            coverage.operations.count(label.origin);
            label
        } else {
            c.label(change)
        };
        match label.origin {
            Origin::Api => coverage.api += 1,
            Origin::Documentation => coverage.documentation += 1,
        }
        if !change.kind.is_operation() && c.both(&change.type_name) {
            coverage.in_scope += 1;
            let same = match (&change.old, &change.new) {
                (Some(a), Some(b)) => a.text == b.text,
                _ => false,
            };
            coverage.same_text += usize::from(same);
        }
        change.csdl = Some(label);
    }
    c.coverage(report, version, old, new, &mut coverage);
    report.csdl.push(coverage);
}

struct Schemas<'a> {
    old: &'a Csdl,
    new: &'a Csdl,
}

pub(super) fn api(why: impl Into<String>) -> Label {
    Label {
        origin: Origin::Api,
        why: why.into(),
    }
}

pub(super) fn documentation(why: impl Into<String>) -> Label {
    Label {
        origin: Origin::Documentation,
        why: why.into(),
    }
}

/// Own and inherited properties of a schema type, by lowercase name.
fn properties<'c>(csdl: &'c Csdl, t: &'c CsdlType) -> BTreeMap<String, (String, bool)> {
    csdl.all_properties(t)
        .into_iter()
        .map(|p| {
            (
                p.name.to_ascii_lowercase(),
                (p.type_name.to_ascii_lowercase(), p.collection),
            )
        })
        .collect()
}

fn members(t: &CsdlType) -> BTreeSet<String> {
    t.members.iter().map(|m| m.to_ascii_lowercase()).collect()
}

impl Schemas<'_> {
    fn both(&self, name: &str) -> bool {
        self.old.get(name).is_some() && self.new.get(name).is_some()
    }

    /// The label of a change to a type (its kind, base, properties, members).
    fn label(&self, change: &Change) -> Label {
        let name = change.type_name.as_str();
        let (a, b) = (self.old.get(name), self.new.get(name));
        match change.kind {
            ChangeKind::TypeAdded => match (a, b) {
                (None, Some(_)) => api("the new schema adds it"),
                (Some(t), _) => documentation(format!(
                    "the old schema has it ({}:{})",
                    self.old.file, t.line
                )),
                (None, None) => documentation("neither schema has it"),
            },
            ChangeKind::TypeRemoved => match (a, b) {
                (Some(_), None) => api("the new schema removes it"),
                (_, Some(t)) => documentation(format!(
                    "the new schema still has it ({}:{})",
                    self.new.file, t.line
                )),
                (None, None) => documentation("neither schema has it"),
            },
            ChangeKind::TypeRenamed => {
                let from = change.renamed_from.as_deref().unwrap_or_default();
                let spelled = |c: &Csdl, n: &str| c.get(n).is_some_and(|t| t.name == n);
                if spelled(self.old, from)
                    && !spelled(self.new, from)
                    && spelled(self.new, name)
                    && !spelled(self.old, name)
                {
                    api(format!(
                        "the new schema has {name} where the old one had {from}"
                    ))
                } else if spelled(self.old, name) {
                    documentation(format!("the old schema has {name} already"))
                } else if spelled(self.new, from) {
                    documentation(format!("the new schema still has {from}"))
                } else {
                    documentation(format!("neither schema renames {from} to {name}"))
                }
            }
            ChangeKind::KindChanged => self.same_way(a, b, |t| format!("{:?}", t.kind), "kind"),
            ChangeKind::BaseTypeChanged => self.same_way(
                a,
                b,
                |t| t.base.clone().unwrap_or_default().to_ascii_lowercase(),
                "base type",
            ),
            ChangeKind::DerivedTypesChanged => {
                let derived = |c: &Csdl| {
                    c.types.values().any(|t| {
                        t.base
                            .as_deref()
                            .is_some_and(|x| x.eq_ignore_ascii_case(name))
                    })
                };
                match (
                    a.is_some() && b.is_some(),
                    derived(self.old),
                    derived(self.new),
                ) {
                    (false, _, _) => documentation("the schemas do not both describe it"),
                    (true, x, y) if x != y => api(format!(
                        "types derive from it in the {} schema only",
                        if y { "new" } else { "old" }
                    )),
                    (true, x, _) => documentation(format!(
                        "in both schemas, {} derives from it",
                        if x { "some type" } else { "no type" }
                    )),
                }
            }
            ChangeKind::MemberAdded | ChangeKind::MemberRemoved | ChangeKind::MemberRenamed => {
                self.member(change, a, b)
            }
            _ => self.property(change),
        }
    }

    /// A change the schemas make too when `what` of the type differs between them.
    fn same_way(
        &self,
        a: Option<&CsdlType>,
        b: Option<&CsdlType>,
        what: impl Fn(&CsdlType) -> String,
        named: &str,
    ) -> Label {
        match (a, b) {
            (Some(a), Some(b)) if what(a) != what(b) => api(format!(
                "the schemas' {named} differs too ({} -> {})",
                what(a),
                what(b)
            )),
            (Some(a), Some(_)) => documentation(format!("both schemas say {}", what(a))),
            _ => documentation("the schemas do not both describe it"),
        }
    }

    fn member(&self, change: &Change, a: Option<&CsdlType>, b: Option<&CsdlType>) -> Label {
        let (Some(a), Some(b)) = (a, b) else {
            return documentation("the schemas do not both describe the enum");
        };
        let (ma, mb) = (members(a), members(b));
        let name = change
            .name
            .as_deref()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match change.kind {
            ChangeKind::MemberAdded => match (ma.contains(&name), mb.contains(&name)) {
                (false, true) => api("the new schema adds it"),
                (true, _) => documentation("the old schema lists it already"),
                (false, false) => documentation("neither schema lists it"),
            },
            ChangeKind::MemberRemoved => match (ma.contains(&name), mb.contains(&name)) {
                (true, false) => api("the new schema removes it"),
                (_, true) => documentation("the new schema still lists it"),
                (false, false) => documentation("neither schema lists it"),
            },
            _ => {
                let spelled = |t: &CsdlType, n: &str| t.members.iter().any(|m| m == n);
                let from = change.renamed_from.as_deref().unwrap_or_default();
                let to = change.name.as_deref().unwrap_or_default();
                if spelled(a, from) && spelled(b, to) && !spelled(b, from) {
                    api(format!("the schemas spell it {from}, then {to}"))
                } else {
                    documentation("the schemas do not respell it so")
                }
            }
        }
    }

    /// A property change, seen at the type that declares it or at any type it reaches.
    fn property(&self, change: &Change) -> Label {
        let name = change
            .name
            .as_deref()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let from = change
            .renamed_from
            .as_deref()
            .unwrap_or(&name)
            .to_ascii_lowercase();
        let types = std::iter::once(change.type_name.as_str())
            .chain(change.inherited_by.iter().map(String::as_str));
        let mut described = false;
        let mut last = None;
        for t in types {
            let (Some(a), Some(b)) = (self.old.get(t), self.new.get(t)) else {
                continue;
            };
            described = true;
            let (pa, pb) = (properties(self.old, a), properties(self.new, b));
            let label = match change.kind {
                ChangeKind::PropertyAdded => match (pa.get(&name), pb.get(&name)) {
                    (None, Some(_)) => api(format!("the new schema adds {}.{name}", b.name)),
                    (Some(_), _) => {
                        documentation(format!("the old schema has {}.{name} already", a.name))
                    }
                    (None, None) => documentation(format!("neither schema has {}.{name}", b.name)),
                },
                ChangeKind::PropertyRemoved => match (pa.get(&name), pb.get(&name)) {
                    (Some(_), None) => api(format!("the new schema removes {}.{name}", b.name)),
                    (_, Some(_)) => {
                        documentation(format!("the new schema still has {}.{name}", b.name))
                    }
                    (None, None) => documentation(format!("neither schema has {}.{name}", b.name)),
                },
                ChangeKind::PropertyRenamed => {
                    let exact = |c: &Csdl, t: &CsdlType, n: &str| {
                        c.all_properties(t).iter().any(|p| p.name == n)
                    };
                    let any_case = |c: &Csdl, t: &CsdlType, n: &str| {
                        c.all_properties(t)
                            .iter()
                            .any(|p| p.name.eq_ignore_ascii_case(n))
                    };
                    let (was, is) = (
                        change.renamed_from.as_deref().unwrap_or_default(),
                        change.name.as_deref().unwrap_or_default(),
                    );
                    let renamed = if was.eq_ignore_ascii_case(is) {
                        exact(self.old, a, was)
                            && exact(self.new, b, is)
                            && !exact(self.new, b, was)
                    } else {
                        any_case(self.old, a, was)
                            && !any_case(self.new, b, was)
                            && any_case(self.new, b, is)
                    };
                    if renamed {
                        api(format!("the old schema has {was}, the new one {is}"))
                    } else {
                        documentation(format!("the schemas do not rename {was} to {is}"))
                    }
                }
                _ => match (pa.get(&from), pb.get(&name)) {
                    (Some(x), Some(y)) => {
                        let differs = match change.kind {
                            ChangeKind::PropertyRetyped => x.0 != y.0,
                            _ => x.1 != y.1,
                        };
                        if differs {
                            api(format!(
                                "the schemas' type differs too ({} -> {})",
                                show(x),
                                show(y)
                            ))
                        } else {
                            documentation(format!("both schemas say {}", show(y)))
                        }
                    }
                    _ => documentation(format!("the schemas do not both have {}.{name}", b.name)),
                },
            };
            if label.origin == Origin::Api {
                return label;
            }
            last = Some(label);
        }
        match last {
            Some(label) if described => label,
            _ => documentation("the schemas do not both describe the type"),
        }
    }

    /// How much of the schemas' additions, reflected by the pages, the report lists.
    fn coverage(
        &self,
        report: &Report,
        version: &str,
        old: &Schema,
        new: &Schema,
        out: &mut Coverage,
    ) {
        let listed: BTreeSet<(String, String, ChangeKind)> = report
            .changes
            .iter()
            .filter(|c| c.version == version)
            .flat_map(|c| {
                let name = c.name.clone().unwrap_or_default().to_ascii_lowercase();
                std::iter::once(c.type_name.clone())
                    .chain(c.inherited_by.iter().cloned())
                    .map(move |t| (t.to_ascii_lowercase(), name.clone(), c.kind))
            })
            .collect();
        let has = |t: &str, name: &str, kinds: &[ChangeKind]| {
            kinds
                .iter()
                .any(|k| listed.contains(&(t.to_ascii_lowercase(), name.to_ascii_lowercase(), *k)))
        };
        let model_has = |s: &Schema, t: &str| s.find(version, t).is_some();
        for (key, b) in &self.new.types {
            let a = self.old.types.get(key);
            let (in_old, in_new) = (model_has(old, &b.name), model_has(new, &b.name));
            if a.is_none() {
                out.schema_added.types += 1;
                if in_new && !in_old {
                    let ok = has(
                        &b.name,
                        "",
                        &[ChangeKind::TypeAdded, ChangeKind::TypeRenamed],
                    ) || inline_listed(new, version, &b.name, report);
                    tally(&mut out.types_added, ok);
                    if !ok {
                        out.missed.push(b.name.clone());
                    }
                }
                continue;
            }
            let Some(a) = a else { continue };
            let (Some(ours_old), Some(ours_new)) =
                (old.find(version, &a.name), new.find(version, &b.name))
            else {
                continue;
            };
            let (ma, mb) = (members(a), members(b));
            let our_members = |s: &Schema, id| -> BTreeSet<String> {
                s.get(id)
                    .members
                    .iter()
                    .map(|m| m.name.to_ascii_lowercase())
                    .collect()
            };
            let (oa, ob) = (our_members(old, ours_old), our_members(new, ours_new));
            for m in mb.difference(&ma) {
                out.schema_added.members += 1;
                if ob.contains(m) && !oa.contains(m) {
                    let ok = has(
                        &b.name,
                        m,
                        &[ChangeKind::MemberAdded, ChangeKind::MemberRenamed],
                    );
                    tally(&mut out.members_added, ok);
                    if !ok {
                        out.missed.push(format!("{}.{m}", b.name));
                    }
                }
            }
            let (pa, pb) = (properties(self.old, a), properties(self.new, b));
            let ours = |s: &Schema, id| -> BTreeSet<String> {
                s.all_properties(id)
                    .iter()
                    .map(|p| p.name.to_ascii_lowercase())
                    .collect()
            };
            let (qa, qb) = (ours(old, ours_old), ours(new, ours_new));
            for p in pb.keys().filter(|p| !pa.contains_key(*p)) {
                out.schema_added.properties += 1;
                if qb.contains(p) && !qa.contains(p) {
                    let ok = has(
                        &b.name,
                        p,
                        &[ChangeKind::PropertyAdded, ChangeKind::PropertyRenamed],
                    );
                    tally(&mut out.properties_added, ok);
                    if !ok {
                        out.missed.push(format!("{}.{p}", b.name));
                    }
                }
            }
        }
    }
}

/// A type the schema adds that our new model has as an inline enum: listed with the property
/// whose type it is, or the type that property belongs to.
fn inline_listed(new: &Schema, version: &str, name: &str, report: &Report) -> bool {
    let Some(id) = new.find(version, name) else {
        return false;
    };
    let t = new.get(id);
    !t.inline_for.is_empty()
        && t.inline_for.iter().any(|use_| {
            let (owner, property) = use_.rsplit_once('.').unwrap_or((use_, ""));
            report.changes.iter().any(|c| {
                let at_owner = c.type_name == owner || c.inherited_by.iter().any(|t| t == owner);
                c.version == version
                    && at_owner
                    && (c.name.as_deref() == Some(property) || c.kind == ChangeKind::TypeAdded)
            })
        })
}

fn tally(ratio: &mut Ratio, listed: bool) {
    ratio.of += 1;
    ratio.agree += usize::from(listed);
}

fn show((ty, collection): &(String, bool)) -> String {
    if *collection {
        format!("Collection({ty})")
    } else {
        ty.clone()
    }
}

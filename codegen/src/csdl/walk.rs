//! Walking a request path through the CSDL itself, as OData URL conventions read it: the
//! first segment an entity set or a singleton, keys on collections of entities, structural
//! and navigation properties (inherited ones too), casts to derived types, bound actions and
//! functions (by name and binding type: the nearest overload), functions in the middle only
//! when composable, and `$value` (after one value), `$ref` (after a navigation) and `$count`
//! (after a collection) last. Keys are segments of their own (OData 4.01's key-as-segment
//! convention, which Graph follows): after a collection of entities, a segment that names
//! no bound action, function or type is a key value (`/mailFolders/inbox`,
//! `/domains/contoso.com`), whether written as a placeholder or as a value.
//!
//! Two conventions of Graph that CSDL cannot state are taken as Graph serves them: an item
//! addressed by its path (`root:/{item-path}:`, one item of where it stands) and names in
//! any case (`calendarview` for `calendarView`).

use super::actions::{CsdlOperation, CsdlOperationKind, CsdlTypeUse};
use super::read::{Csdl, CsdlKind, CsdlProperty, CsdlType};
use crate::parse::path::{Arg, Segment, Template};

/// Where a walk led.
#[derive(Debug, Clone)]
pub struct CsdlWalk<'c> {
    /// Where the path leads when walked to its end: a type and whether a collection of it
    /// (`None` after an action or function that returns nothing, and after `$ref`).
    pub end: Option<CsdlTypeUse>,
    /// The action or function the path ends with: the overloads of the nearest binding,
    /// the one the call's arguments fit best first.
    pub bound: Vec<&'c CsdlOperation>,
    /// Where the walk stopped short, and why (naming the CSDL's lines).
    pub broke: Option<CsdlBreak>,
    /// The CSDL element the last segment that names one names (the entity set or
    /// singleton, a property, the action or function, the type cast to): what the path
    /// addresses, and where the CSDL says so. Keys, `$value`, `$ref` and `$count` name none.
    pub named: Option<CsdlNamed>,
}

/// An element of the CSDL a path segment names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsdlNamed {
    /// As the CSDL spells it (a type's qualified name).
    pub name: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsdlBreak {
    /// The segment (0-based) the CSDL cannot walk.
    pub segment: usize,
    pub why: String,
}

/// Where the walk stands.
#[derive(Debug, Clone)]
struct At<'c> {
    ty: String,
    collection: bool,
    /// The entity or complex type, when it is one the CSDL defines.
    structured: Option<&'c CsdlType>,
    /// Reached through an entity set or a navigation property (and keys and casts since):
    /// what `$ref` may follow.
    navigation: bool,
}

/// Walks `template` through `csdl`.
pub fn walk<'c>(csdl: &'c Csdl, template: &Template) -> CsdlWalk<'c> {
    let mut walker = Walker {
        csdl,
        at: None,
        bound: Vec::new(),
        named: None,
    };
    let segments = &template.segments;
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        let step = if i == 0 {
            walker.root(segment)
        } else {
            walker.step(segment, last)
        };
        if let Err(why) = step {
            return CsdlWalk {
                end: None,
                bound: Vec::new(),
                broke: Some(CsdlBreak { segment: i, why }),
                named: None,
            };
        }
    }
    CsdlWalk {
        end: walker.at.map(|a| CsdlTypeUse {
            type_name: a.ty,
            collection: a.collection,
        }),
        bound: walker.bound,
        broke: None,
        named: walker.named,
    }
}

/// A segment as a path writes it: `users`, `{id}`, `range(address=...)`, `$value`.
pub fn segment_text(segment: &Segment) -> String {
    match segment {
        Segment::Name { name } | Segment::Cast { name } => name.clone(),
        Segment::Key { params } => format!("{{{}}}", params.join(" | ")),
        Segment::Call { name, args } => {
            let args: Vec<String> = args
                .iter()
                .map(|a| match a.name.as_str() {
                    "" => a.value.clone(),
                    n => format!("{n}={}", a.value),
                })
                .collect();
            format!("{name}({})", args.join(","))
        }
        Segment::Addressed { path } => format!(":/{path}:"),
        Segment::Value => "$value".into(),
        Segment::Ref => "$ref".into(),
        Segment::Count => "$count".into(),
    }
}

struct Walker<'c> {
    csdl: &'c Csdl,
    at: Option<At<'c>>,
    bound: Vec<&'c CsdlOperation>,
    named: Option<CsdlNamed>,
}

impl<'c> Walker<'c> {
    fn at_line(&self, line: usize) -> String {
        format!("{}:{line}", self.csdl.file)
    }

    fn names(&mut self, name: &str, line: usize) {
        self.named = Some(CsdlNamed {
            name: name.to_string(),
            line,
        });
    }

    fn stand(&mut self, ty: &str, collection: bool, navigation: bool) {
        let structured = self
            .csdl
            .get(ty)
            .filter(|t| matches!(t.kind, CsdlKind::Entity | CsdlKind::Complex));
        self.at = Some(At {
            ty: structured.map_or_else(|| ty.to_string(), |t| t.name.clone()),
            collection,
            structured,
            navigation,
        });
    }

    /// The first segment: an entity set or singleton; `users('{id}')` a key in parentheses.
    fn root(&mut self, segment: &Segment) -> Result<(), String> {
        let (name, keyed) = match segment {
            Segment::Name { name } => (name.as_str(), false),
            Segment::Call { name, args } if is_key(args) => (name.as_str(), true),
            other => {
                return Err(format!(
                    "the path starts with `{}`, not with an entity set or singleton",
                    segment_text(other)
                ))
            }
        };
        let Some(root) = self.csdl.root(name) else {
            return Err(format!(
                "`{name}` is no entity set or singleton of the entity container ({})",
                self.at_line(self.csdl.container_line)
            ));
        };
        if keyed && !root.collection {
            return Err(format!(
                "`{name}` is a singleton ({}), which takes no key",
                self.at_line(root.line)
            ));
        }
        self.stand(&root.type_name, root.collection && !keyed, true);
        self.names(&root.name, root.line);
        Ok(())
    }

    fn step(&mut self, segment: &Segment, last: bool) -> Result<(), String> {
        let at = self.at.clone().ok_or("nothing to continue from")?;
        match segment {
            Segment::Key { .. } | Segment::Addressed { .. } => self.key(&at, segment),
            Segment::Name { name } => self.name(&at, name, &[], false, last),
            Segment::Call { name, args } => {
                // `items('{id}')`: a collection-valued property and a key in parentheses.
                if is_key(args) && !at.collection {
                    if let Some(p) = at.structured.and_then(|t| self.property(t, name)) {
                        if p.collection && self.is_entity(&p.type_name) {
                            self.stand(&p.type_name, false, p.navigation);
                            self.names(&p.name, p.line);
                            return Ok(());
                        }
                    }
                }
                self.name(&at, name, args, true, last)
            }
            Segment::Cast { name } => self.cast(&at, name, last),
            Segment::Value => {
                special(last, "$value")?;
                if at.collection {
                    return Err(format!("`$value` after a collection of {}", at.ty));
                }
                self.stand("Edm.Stream", false, false);
                Ok(())
            }
            Segment::Ref => {
                special(last, "$ref")?;
                if !at.navigation {
                    return Err(format!(
                        "`$ref` after {}, which no navigation property or entity set leads to",
                        at.ty
                    ));
                }
                self.at = None;
                Ok(())
            }
            Segment::Count => {
                special(last, "$count")?;
                if !at.collection {
                    return Err(format!("`$count` after a single {}", at.ty));
                }
                self.stand("Edm.Int32", false, false);
                Ok(())
            }
        }
    }

    /// A key (`{id}`) or an item addressed by its path (`root:/{item-path}:`).
    fn key(&mut self, at: &At<'c>, segment: &Segment) -> Result<(), String> {
        let entity = at.structured.filter(|t| t.kind == CsdlKind::Entity);
        let Some(t) = entity else {
            return Err(format!(
                "a key after a value of {}, which is no entity type",
                at.ty
            ));
        };
        if !at.collection && matches!(segment, Segment::Key { .. }) {
            return Err(format!(
                "a key after a single {} ({})",
                t.name,
                self.at_line(t.line)
            ));
        }
        self.stand(&t.name.clone(), false, at.navigation);
        Ok(())
    }

    /// A property, or an action or function bound to where the walk stands.
    fn name(
        &mut self,
        at: &At<'c>,
        name: &str,
        args: &[Arg],
        called: bool,
        last: bool,
    ) -> Result<(), String> {
        if !at.collection && !called {
            if let Some(p) = at.structured.and_then(|t| self.property(t, name)) {
                let (ty, collection, navigation) =
                    (p.type_name.clone(), p.collection, p.navigation);
                self.stand(&ty, collection, navigation);
                self.names(&p.name, p.line);
                return Ok(());
            }
        }
        let mut overloads = self.csdl.bound_to(name, &at.ty, at.collection);
        if overloads.is_empty() {
            if !called && self.keyed(at) {
                return Ok(());
            }
            return Err(self.nothing_named(at, name));
        }
        overloads.sort_by_key(|o| misfit(o, args));
        let chosen = overloads[0];
        self.names(&chosen.name, chosen.line);
        if called && chosen.kind == CsdlOperationKind::Action {
            return Err(format!(
                "`{name}` is an action ({}), which takes no parentheses",
                self.at_line(chosen.line)
            ));
        }
        if !last {
            if chosen.kind == CsdlOperationKind::Action || !chosen.composable {
                return Err(format!(
                    "`{name}` is {} {} ({}), which ends a path: the path continues after it",
                    if chosen.composable {
                        "an"
                    } else {
                        "a non-composable"
                    },
                    chosen.kind_name(),
                    self.at_line(chosen.line)
                ));
            }
            let Some(returns) = &chosen.returns else {
                return Err(format!(
                    "`{name}` ({}) returns nothing to continue through",
                    self.at_line(chosen.line)
                ));
            };
            self.stand(&returns.type_name, returns.collection, false);
            return Ok(());
        }
        match &chosen.returns {
            Some(r) => self.stand(&r.type_name, r.collection, false),
            None => self.at = None,
        }
        self.bound = overloads;
        Ok(())
    }

    fn nothing_named(&self, at: &At<'c>, name: &str) -> String {
        let here = match at.structured {
            Some(t) => format!("{} ({})", t.name, self.at_line(t.line)),
            None => at.ty.clone(),
        };
        let elsewhere: Vec<String> = self
            .csdl
            .operations_named(name)
            .take(3)
            .map(|o| {
                format!(
                    "{} bound to {} ({})",
                    o.kind_name(),
                    o.binding_text(),
                    self.at_line(o.line)
                )
            })
            .collect();
        let also = if elsewhere.is_empty() {
            String::new()
        } else {
            format!("; the CSDL has `{name}` as {}", elsewhere.join(", "))
        };
        if at.collection {
            format!("`{name}` follows a collection of {here} and is no action or function bound to one{also}")
        } else if at.structured.is_none() {
            format!("`{name}` follows a value of {here}{also}")
        } else {
            format!("`{name}` is no property of {here} nor an action or function bound to it{also}")
        }
    }

    /// A cast to a derived type, or an action or function called by its qualified name.
    fn cast(&mut self, at: &At<'c>, name: &str, last: bool) -> Result<(), String> {
        let Some(target) = self.csdl.get(name) else {
            let (namespace, short) = name.rsplit_once('.').unwrap_or(("", name));
            let qualified = self
                .csdl
                .bound_to(short, &at.ty, at.collection)
                .iter()
                .any(|o| o.namespace.eq_ignore_ascii_case(namespace));
            if qualified {
                return self.name(at, short, &[], false, last);
            }
            if self.keyed(at) {
                return Ok(());
            }
            return Err(format!("cast to `{name}`, which the CSDL does not define"));
        };
        if !self.csdl.derives_from(&target.name, &at.ty) {
            return Err(format!(
                "cast to {} ({}), which does not derive from {}",
                target.name,
                self.at_line(target.line),
                at.ty
            ));
        }
        self.stand(&target.name.clone(), at.collection, at.navigation);
        self.names(&target.name, target.line);
        Ok(())
    }

    /// A key value written as a segment after a collection of entities: one item of it.
    fn keyed(&mut self, at: &At<'c>) -> bool {
        match at.structured {
            Some(t) if at.collection && t.kind == CsdlKind::Entity => {
                self.stand(&t.name.clone(), false, at.navigation);
                true
            }
            _ => false,
        }
    }

    /// A property of `t` or its base types: the name as written, else in any case.
    fn property(&self, t: &'c CsdlType, name: &str) -> Option<&'c CsdlProperty> {
        let all = self.csdl.all_properties(t);
        all.iter()
            .find(|p| p.name == name)
            .or_else(|| all.iter().find(|p| p.name.eq_ignore_ascii_case(name)))
            .copied()
    }

    fn is_entity(&self, ty: &str) -> bool {
        self.csdl
            .get(ty)
            .is_some_and(|t| t.kind == CsdlKind::Entity)
    }
}

/// `('{id}')`: one argument without a name, a key in parentheses.
fn is_key(args: &[Arg]) -> bool {
    args.len() == 1 && args[0].name.is_empty()
}

fn special(last: bool, what: &str) -> Result<(), String> {
    if last {
        Ok(())
    } else {
        Err(format!("`{what}` ends a path; more segments follow it"))
    }
}

/// How badly a call's named arguments fit an overload's parameters: arguments it lacks,
/// and, for a function, its parameters the call does not give.
pub(super) fn misfit(o: &CsdlOperation, args: &[Arg]) -> usize {
    let has = |n: &str| o.parameters.iter().any(|p| p.name.eq_ignore_ascii_case(n));
    let lacking = args.iter().filter(|a| !has(&a.name)).count();
    let unused = match o.kind {
        CsdlOperationKind::Function => o
            .parameters
            .iter()
            .filter(|p| !args.iter().any(|a| a.name.eq_ignore_ascii_case(&p.name)))
            .count(),
        CsdlOperationKind::Action => 0,
    };
    lacking + unused
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csdl::read;
    use crate::parse::path::template;

    const DOC: &str = r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity"><Key><PropertyRef Name="id" /></Key></EntityType>
      <EntityType Name="user" BaseType="graph.entity">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="settings" Type="graph.settings" />
        <NavigationProperty Name="messages" Type="Collection(graph.message)" ContainsTarget="true" />
        <NavigationProperty Name="manager" Type="graph.user" />
      </EntityType>
      <EntityType Name="message" BaseType="graph.entity" />
      <EntityType Name="eventMessage" BaseType="graph.message" />
      <ComplexType Name="settings"><Property Name="language" Type="Edm.String" /></ComplexType>
      <Function Name="delta" IsBound="true">
        <Parameter Name="b" Type="Collection(graph.message)" />
        <ReturnType Type="Collection(graph.message)" />
      </Function>
      <Function Name="summary" IsBound="true" IsComposable="true">
        <Parameter Name="b" Type="graph.user" />
        <Parameter Name="period" Type="Edm.String" />
        <ReturnType Type="graph.settings" />
      </Function>
      <Function Name="summary" IsBound="true" IsComposable="true">
        <Parameter Name="b" Type="graph.user" />
        <Parameter Name="date" Type="Edm.Date" />
        <ReturnType Type="graph.settings" />
      </Function>
      <Action Name="send" IsBound="true"><Parameter Name="b" Type="graph.message" /></Action>
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="graph.user" />
        <Singleton Name="me" Type="graph.user" />
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#;

    /// Where `path` leads: the end as text, or the 1-based segment it broke at and why.
    fn walked(path: &str) -> Result<String, (usize, String)> {
        let csdl = read("m.xml", DOC).unwrap();
        let w = walk(&csdl, &template(path).unwrap());
        match w.broke {
            Some(b) => Err((b.segment + 1, b.why)),
            None => Ok(match (&w.end, w.bound.first()) {
                (_, Some(o)) => format!("{} {} line {}", o.kind_name(), o.name, o.line),
                (Some(e), None) if e.collection => format!("Collection({})", e.type_name),
                (Some(e), None) => e.type_name.clone(),
                (None, None) => "nothing".into(),
            }),
        }
    }

    #[test]
    fn roots_keys_properties_and_casts() {
        assert_eq!(
            walked("/users").unwrap(),
            "Collection(microsoft.graph.user)"
        );
        assert_eq!(
            walked("/users/{id}/messages/{id}").unwrap(),
            "microsoft.graph.message"
        );
        assert_eq!(
            walked("/users('{id}')/manager").unwrap(),
            "microsoft.graph.user"
        );
        // Inherited nothing here, but names in any case and structural properties walk.
        assert_eq!(walked("/me/DisplayName").unwrap(), "Edm.String");
        assert_eq!(walked("/me/settings/language").unwrap(), "Edm.String");
        assert_eq!(
            walked("/me/messages/microsoft.graph.eventMessage").unwrap(),
            "Collection(microsoft.graph.eventMessage)"
        );
        // An item addressed by its path stays on its type.
        assert_eq!(
            walked("/users/{id}/manager:/a/b:/messages").unwrap(),
            "Collection(microsoft.graph.message)"
        );
        assert!(walked("/groups")
            .unwrap_err()
            .1
            .contains("no entity set or singleton"));
        assert!(walked("/me('{id}')").unwrap_err().1.contains("singleton"));
        assert_eq!(walked("/me/{id}").unwrap_err().0, 2);
        assert!(walked("/me/settings/{id}")
            .unwrap_err()
            .1
            .contains("no entity type"));
        let cast = walked("/me/messages/microsoft.graph.user").unwrap_err();
        assert!(cast.1.contains("does not derive"), "{}", cast.1);
    }

    #[test]
    fn keys_written_as_values_are_segments_of_their_own() {
        assert_eq!(
            walked("/users/adele/messages").unwrap(),
            "Collection(microsoft.graph.message)"
        );
        assert_eq!(
            walked("/users/adele@contoso.com/manager").unwrap(),
            "microsoft.graph.user"
        );
        // After one user, a name must be a property or something bound to a user.
        let e = walked("/me/adele").unwrap_err();
        assert!(
            e.1.contains("no property of microsoft.graph.user"),
            "{}",
            e.1
        );
    }

    #[test]
    fn bound_actions_and_functions_by_name_binding_and_arguments() {
        assert_eq!(
            walked("/me/messages/{id}/send").unwrap(),
            "action send line 28"
        );
        assert_eq!(
            walked("/me/messages/delta()").unwrap(),
            "function delta line 14"
        );
        assert_eq!(
            walked("/me/messages/delta").unwrap(),
            "function delta line 14"
        );
        assert_eq!(
            walked("/me/summary(date=2021-07-01)").unwrap(),
            "function summary line 23"
        );
        // A composable function continues with what it returns.
        assert_eq!(
            walked("/me/summary(period='D7')/language").unwrap(),
            "Edm.String"
        );
        // send is bound to message: the CSDL says where.
        let e = walked("/me/send").unwrap_err();
        assert!(
            e.1.contains(
                "the CSDL has `send` as action bound to microsoft.graph.message (m.xml:28)"
            ),
            "{}",
            e.1
        );
        let e = walked("/me/messages/{id}/send/more").unwrap_err();
        assert!(e.1.contains("ends a path"), "{}", e.1);
        let e = walked("/me/messages/{id}/send()").unwrap_err();
        assert!(e.1.contains("takes no parentheses"), "{}", e.1);
    }

    /// What the walk of `path` names last, and the text of the document's line it cites.
    fn named(path: &str) -> Option<(String, String)> {
        let csdl = read("m.xml", DOC).unwrap();
        let w = walk(&csdl, &template(path).unwrap());
        let n = w.named?;
        let line = DOC.lines().nth(n.line - 1).unwrap().trim().to_string();
        Some((n.name, line))
    }

    #[test]
    fn the_last_element_a_segment_names_and_its_line() {
        let (name, line) = named("/users").unwrap();
        assert_eq!(name, "users");
        assert!(line.starts_with(r#"<EntitySet Name="users""#), "{line}");
        // A key names nothing: the collection it keys into stays what the path addresses,
        // whether the key is a placeholder or a value written as a segment.
        for path in ["/users/{id}/messages/{id}", "/users/{id}/messages/hello"] {
            let (name, line) = named(path).unwrap();
            assert_eq!(name, "messages");
            assert!(
                line.starts_with(r#"<NavigationProperty Name="messages""#),
                "{line}"
            );
        }
        let (name, line) = named("/me/DisplayName").unwrap();
        assert_eq!(name, "displayName");
        assert!(line.contains(r#"Name="displayName""#), "{line}");
        let (name, line) = named("/me/messages/{id}/send").unwrap();
        assert_eq!(name, "send");
        assert!(line.starts_with(r#"<Action Name="send""#), "{line}");
        let (name, line) = named("/me/messages/microsoft.graph.eventMessage/$count").unwrap();
        assert_eq!(name, "microsoft.graph.eventMessage");
        assert!(line.contains(r#"Name="eventMessage""#), "{line}");
        assert_eq!(named("/me/adele"), None, "a walk that breaks names nothing");
    }

    #[test]
    fn value_ref_and_count_end_paths_where_they_apply() {
        assert_eq!(walked("/me/messages/{id}/$value").unwrap(), "Edm.Stream");
        assert_eq!(walked("/me/messages/$count").unwrap(), "Edm.Int32");
        assert_eq!(walked("/users/{id}/manager/$ref").unwrap(), "nothing");
        assert!(walked("/me/$count").unwrap_err().1.contains("single"));
        assert!(walked("/me/messages/$value")
            .unwrap_err()
            .1
            .contains("collection"));
        assert!(walked("/me/settings/$ref")
            .unwrap_err()
            .1
            .contains("navigation"));
        assert!(walked("/me/messages/$count/x")
            .unwrap_err()
            .1
            .contains("ends a path"));
    }
}

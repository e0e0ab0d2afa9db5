//! The runtime macro lines of a type (`model!`, `any_model!`, `wire_enum!`): one row per
//! field or variant, laid out by hand because prettyplease leaves macro bodies on as few
//! lines as fit, which hides the one-row-per-field shape a reader looks for.
//!
//! The emitter puts a placeholder item where a table goes; [`Tables::fill`] swaps each for its
//! layout after formatting.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The name of the placeholder macro: never emitted in the final output.
const PLACEHOLDER: &str = "__graph_docs_table";

/// One invocation: `::graph_docs_runtime::model!(Head {` rows `});`.
pub struct Table {
    /// `model`, `any_model` or `wire_enum`.
    pub macro_name: &'static str,
    /// What comes before the brace: `TeamsAsyncOperation = "microsoft.graph.teamsAsyncOperation"`.
    pub head: String,
    pub rows: Vec<Row>,
    /// Further sections after the rows, each `} label {` and its rows: the base type's
    /// properties of an `any_model!`.
    pub more: Vec<(&'static str, Vec<Row>)>,
}

pub struct Row {
    /// A feature the row exists under, if any.
    pub feature: Option<String>,
    /// `operation_type: "operationType"`, without the comma.
    pub text: String,
}

/// The tables of one type's items, in the order of their placeholders.
#[derive(Default)]
pub struct Tables(Vec<Table>);

impl Tables {
    /// Keeps `table` and returns the placeholder item to emit in its place.
    pub fn add(&mut self, table: Table) -> TokenStream {
        let placeholder = format_ident!("{}", PLACEHOLDER);
        let n = self.0.len();
        self.0.push(table);
        quote!(#placeholder!(#n);)
    }

    /// Replaces the placeholder lines of formatted `source` with the tables.
    pub fn fill(&self, source: &str) -> String {
        let mut out = String::with_capacity(source.len() + self.0.len() * 256);
        for line in source.split_inclusive('\n') {
            match self.placeholder_index(line) {
                Some(n) => self.0[n].render(&mut out),
                None => out.push_str(line),
            }
        }
        out
    }

    fn placeholder_index(&self, line: &str) -> Option<usize> {
        let n = line
            .trim_end()
            .strip_prefix(PLACEHOLDER)?
            .strip_prefix("!(")?
            .strip_suffix(");")?;
        n.trim_end_matches("usize").parse().ok()
    }
}

impl Table {
    fn render(&self, out: &mut String) {
        let runtime = super::RUNTIME_CRATE;
        out.push_str(&format!(
            "::{runtime}::{}!({} {{\n",
            self.macro_name, self.head
        ));
        render_rows(&self.rows, out);
        for (label, rows) in &self.more {
            out.push_str(&format!("}} {label} {{\n"));
            render_rows(rows, out);
        }
        out.push_str("});\n");
    }
}

fn render_rows(rows: &[Row], out: &mut String) {
    for row in rows {
        if let Some(feature) = &row.feature {
            out.push_str(&format!("    #[cfg(feature = \"{feature}\")]\n"));
        }
        out.push_str(&format!("    {},\n", row.text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_one_row_per_line() {
        let mut tables = Tables::default();
        let item = tables.add(Table {
            macro_name: "model",
            head: "A = \"microsoft.graph.a\"".into(),
            rows: vec![
                Row {
                    feature: None,
                    text: "id: \"id\"".into(),
                },
                Row {
                    feature: Some("teams".into()),
                    text: "team: \"team\"".into(),
                },
            ],
            more: vec![(
                "base",
                vec![Row {
                    feature: None,
                    text: "id: String".into(),
                }],
            )],
        });
        let file: syn::File = syn::parse2(item).unwrap();
        let formatted = prettyplease::unparse(&file);
        assert_eq!(
            tables.fill(&formatted),
            "::graph_docs_runtime::model!(A = \"microsoft.graph.a\" {\n    id: \"id\",\n    #[cfg(feature = \"teams\")]\n    team: \"team\",\n} base {\n    id: String,\n});\n"
        );
    }

    #[test]
    fn other_lines_are_kept() {
        let tables = Tables::default();
        assert_eq!(tables.fill("struct A;\n"), "struct A;\n");
    }
}

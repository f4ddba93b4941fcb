//! The Fluent catalogues: every file parses, every language has every message with the same
//! variables, and plural selectors cover the CLDR categories each language needs.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement, VariantKey};

const LOCALES: [&str; 4] = ["en", "nl", "pl", "ro"];

/// CLDR cardinal categories for whole numbers; `other` is the required default everywhere.
fn plural_categories(locale: &str) -> &'static [&'static str] {
    match locale {
        "pl" => &["one", "few", "many", "other"],
        "ro" => &["one", "few", "other"],
        _ => &["one", "other"],
    }
}

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

fn ftl_files(locale: &str) -> BTreeMap<String, String> {
    let dir = locales_dir().join(locale);
    fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// What a message must agree on across languages: its variables and its plural selectors.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    variables: BTreeSet<String>,
    /// Variant keys of each select expression on a variable, by variable name.
    selectors: BTreeMap<String, BTreeSet<String>>,
}

fn collect(pattern: &ast::Pattern<&str>, shape: &mut Shape) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(expression, shape);
        }
    }
}

fn collect_expression(expression: &Expression<&str>, shape: &mut Shape) {
    match expression {
        Expression::Inline(InlineExpression::VariableReference { id }) => {
            shape.variables.insert(id.name.to_string());
        }
        Expression::Inline(_) => {}
        Expression::Select { selector, variants } => {
            if let InlineExpression::VariableReference { id } = selector {
                shape.variables.insert(id.name.to_string());
                let keys = shape.selectors.entry(id.name.to_string()).or_default();
                for variant in variants {
                    if let VariantKey::Identifier { name } = &variant.key {
                        keys.insert(name.to_string());
                    }
                }
            }
            for variant in variants {
                collect(&variant.value, shape);
            }
        }
    }
}

/// Message id → shape, for one file of one locale; panics with the parser's errors.
fn parse(locale: &str, file: &str, source: &str) -> BTreeMap<String, Shape> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("locales/{locale}/{file} does not parse: {errors:#?}")
    });
    let mut messages = BTreeMap::new();
    for entry in &resource.body {
        let (id, pattern) = match entry {
            Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref()),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value)),
            _ => continue,
        };
        let mut shape = Shape::default();
        if let Some(pattern) = pattern {
            collect(pattern, &mut shape);
        }
        assert!(
            messages.insert(id.clone(), shape).is_none(),
            "locales/{locale}/{file}: {id} is defined twice"
        );
    }
    messages
}

fn catalogue(locale: &str) -> BTreeMap<(String, String), Shape> {
    ftl_files(locale)
        .into_iter()
        .flat_map(|(file, source)| {
            parse(locale, &file, &source)
                .into_iter()
                .map(move |(id, shape)| ((file.clone(), id), shape))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_ftl_file_parses() {
    for locale in LOCALES {
        let files = ftl_files(locale);
        assert!(!files.is_empty(), "locales/{locale} has no .ftl files");
        for (file, source) in files {
            parse(locale, &file, &source);
        }
    }
}

#[test]
fn every_language_has_every_message_of_every_other() {
    let catalogues: BTreeMap<&str, _> = LOCALES.iter().map(|l| (*l, catalogue(l))).collect();
    let all: BTreeSet<&(String, String)> = catalogues.values().flat_map(|c| c.keys()).collect();
    let mut missing = Vec::new();
    for (locale, catalogue) in &catalogues {
        for key in &all {
            if !catalogue.contains_key(*key) {
                missing.push(format!("locales/{locale}/{}: {}", key.0, key.1));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "messages missing:\n{}",
        missing.join("\n")
    );
}

#[test]
fn translations_use_the_same_variables_as_english() {
    let english = catalogue("en");
    let mut wrong = Vec::new();
    for locale in ["nl", "pl", "ro"] {
        for (key, shape) in catalogue(locale) {
            if let Some(en) = english.get(&key)
                && en.variables != shape.variables
            {
                wrong.push(format!(
                    "locales/{locale}/{}: {} uses {:?}, English uses {:?}",
                    key.0, key.1, shape.variables, en.variables
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn plural_selectors_cover_each_language_s_cldr_categories() {
    let english = catalogue("en");
    let mut wrong = Vec::new();
    for locale in LOCALES {
        for (key, shape) in catalogue(locale) {
            // A selector is a plural one when English selects on the same variable with `one`.
            let Some(en) = english.get(&key) else {
                continue;
            };
            for (variable, en_keys) in &en.selectors {
                if !en_keys.contains("one") {
                    continue;
                }
                let keys = shape.selectors.get(variable).cloned().unwrap_or_default();
                let needed = plural_categories(locale);
                let absent: Vec<_> = needed.iter().filter(|c| !keys.contains(**c)).collect();
                if !absent.is_empty() {
                    wrong.push(format!(
                        "locales/{locale}/{}: {} lacks plural forms {absent:?} for ${variable}",
                        key.0, key.1
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

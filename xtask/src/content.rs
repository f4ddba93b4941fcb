//! Reads `content/`, checks every module in every language with `wegwijs_core::content`, and
//! writes what the player loads: `content/<lang>/index.json` and `content/<lang>/<id>.json`.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use fluent_syntax::ast;
use wegwijs_core::Locale;
use wegwijs_core::content::{
    Catalog, ContentError, Context, Facts, Module, ModuleSpec, ModuleText, check_facts, check_spec,
    compile,
};

pub struct Report {
    pub modules: usize,
    pub languages: usize,
    pub json_bytes: usize,
    /// Words a worker reads per step (title, body, timeline, key facts, checklist, action).
    pub words_per_step: Vec<(usize, String)>,
}

impl Report {
    fn median_words(&self) -> usize {
        let mut counts: Vec<usize> = self.words_per_step.iter().map(|(n, _)| *n).collect();
        counts.sort_unstable();
        counts.get(counts.len() / 2).copied().unwrap_or(0)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} modules × {} languages complete",
            self.modules, self.languages
        )?;
        if let Some((most, place)) = self.words_per_step.iter().max() {
            write!(
                f,
                "; words per step: median {}, largest {most} ({place})",
                self.median_words()
            )?;
        }
        if self.json_bytes > 0 {
            write!(f, "; {} bytes of JSON", self.json_bytes)?;
        }
        Ok(())
    }
}

/// Checks all content and fails listing every problem at once.
pub fn check(root: &Path) -> Result<Report> {
    Ok(compile_all(root)?.1)
}

pub fn build(root: &Path, out: &Path) -> Result<Report> {
    let (modules, mut report) = compile_all(root)?;
    for locale in Locale::ALL {
        let dir = out.join(locale.code());
        fs::create_dir_all(&dir)?;
        let mut in_locale: Vec<&Module> = modules.iter().filter(|m| m.locale == locale).collect();
        in_locale.sort_by(|a, b| (a.theme, &a.id).cmp(&(b.theme, &b.id)));
        for module in &in_locale {
            let json = serde_json::to_vec(module)?;
            report.json_bytes += json.len();
            fs::write(dir.join(format!("{}.json", module.id)), json)?;
        }
        let catalog = Catalog {
            locale,
            modules: in_locale.iter().map(|m| m.summary()).collect(),
        };
        let json = serde_json::to_vec(&catalog)?;
        report.json_bytes += json.len();
        fs::write(dir.join("index.json"), json)?;
    }
    Ok(report)
}

fn compile_all(root: &Path) -> Result<(Vec<Module>, Report)> {
    let content = root.join("content");
    let facts: Facts = read_toml(&content.join("facts.toml"))?;
    let mut problems: Vec<String> = check_facts(&facts);

    let mut module_dirs: Vec<_> = fs::read_dir(content.join("modules"))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    module_dirs.retain(|p| p.is_dir());
    module_dirs.sort();

    let pictograms_per_locale: BTreeMap<Locale, BTreeMap<String, Option<String>>> = Locale::ALL
        .into_iter()
        .map(|locale| Ok((locale, pictograms(root, locale)?)))
        .collect::<Result<_>>()?;

    let mut modules = Vec::new();
    for dir in &module_dirs {
        let spec: ModuleSpec = match read_toml(&dir.join("module.toml")) {
            Ok(spec) => spec,
            Err(e) => {
                problems.push(format!("{e:#}"));
                continue;
            }
        };
        if dir.file_name().and_then(|n| n.to_str()) != Some(spec.id.as_str()) {
            problems.push(format!(
                "{}: the folder name must equal the module id {:?}",
                dir.display(),
                spec.id
            ));
        }
        let english = Context {
            facts: &facts,
            pictograms: &pictograms_per_locale[&Locale::En],
        };
        problems.extend(
            check_spec(&spec, &english)
                .iter()
                .map(ContentError::to_string),
        );

        for locale in Locale::ALL {
            let file = dir.join(format!("{}.toml", locale.code()));
            if !file.exists() {
                problems.push(format!(
                    "{}: missing in {} ({})",
                    spec.id,
                    locale,
                    file.display()
                ));
                continue;
            }
            let text: ModuleText = match read_toml(&file) {
                Ok(text) => text,
                Err(e) => {
                    problems.push(format!("{e:#}"));
                    continue;
                }
            };
            let ctx = Context {
                facts: &facts,
                pictograms: &pictograms_per_locale[&locale],
            };
            match compile(&spec, &text, locale, &ctx) {
                Ok(module) => modules.push(module),
                Err(errors) => problems.extend(errors.iter().map(ContentError::to_string)),
            }
        }
    }

    if !problems.is_empty() {
        bail!(
            "the content has {} problem(s):\n  - {}",
            problems.len(),
            problems.join("\n  - ")
        );
    }
    let words_per_step = modules
        .iter()
        .flat_map(|module| {
            module.steps.iter().map(move |step| {
                let texts = std::iter::once(&step.title)
                    .chain(&step.body)
                    .chain(step.timeline.iter().map(|e| &e.text))
                    .chain(&step.key_facts)
                    .chain(&step.checklist)
                    .chain(&step.action);
                let words = texts.map(|t| t.split_whitespace().count()).sum();
                (
                    words,
                    format!("{}/{} in {}", module.id, step.id, module.locale),
                )
            })
        })
        .collect();
    let report = Report {
        modules: module_dirs.len(),
        languages: Locale::ALL.len(),
        json_bytes: 0,
        words_per_step,
    };
    Ok((modules, report))
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    toml::from_str(&text)
        .with_context(|| format!("{} does not fit the content model", path.display()))
}

/// The pictograms that exist as files, each with its text alternative in `locale` (from
/// `locales/<lang>/pictograms.ftl`, message `pictogram-<id>`).
fn pictograms(root: &Path, locale: Locale) -> Result<BTreeMap<String, Option<String>>> {
    let alts = pictogram_alts(&root.join(format!("locales/{}/pictograms.ftl", locale.code())))?;
    let mut pictograms = BTreeMap::new();
    let dir = root.join("public/pictograms");
    if dir.exists() {
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "svg") {
                let id = path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .to_string();
                let alt = alts.get(&id).cloned();
                pictograms.insert(id, alt);
            }
        }
    }
    Ok(pictograms)
}

fn pictogram_alts(path: &Path) -> Result<BTreeMap<String, String>> {
    Ok(plain_messages(path)?
        .into_iter()
        .filter_map(|(id, text)| Some((id.strip_prefix("pictogram-")?.to_string(), text)))
        .collect())
}

/// The messages of a Fluent file that are plain text (no variables), by id; an absent file
/// has none.
pub fn plain_messages(path: &Path) -> Result<BTreeMap<String, String>> {
    let Ok(source) = fs::read_to_string(path) else {
        return Ok(BTreeMap::new());
    };
    let resource = fluent_syntax::parser::parse(source.as_str())
        .map_err(|(_, errors)| anyhow::anyhow!("{} does not parse: {errors:?}", path.display()))?;
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let Some(pattern) = message.value else {
            continue;
        };
        let text: String = pattern
            .elements
            .iter()
            .map(|element| match element {
                ast::PatternElement::TextElement { value } => *value,
                ast::PatternElement::Placeable { .. } => "",
            })
            .collect();
        messages.insert(message.id.name.to_string(), text.trim().to_string());
    }
    Ok(messages)
}

//! The content model: micro-modules as data.
//!
//! Authors write a module as files under `content/modules/<id>/`: `module.toml` holds what the
//! languages share (steps, pictograms, the quiz's answer key, sources) as a [`ModuleSpec`], and
//! one `<lang>.toml` per language holds the words as a [`ModuleText`]. Figures that change by year
//! live once in `content/facts.toml` as [`Facts`] and are referred to as `{fact:<id>}` in prose.
//! [`compile`] checks the parts against each other and joins them into the [`Module`] a player
//! shows in one language; the build writes those as JSON next to the app.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Locale;
use crate::money::{format_decimal, format_euro};

/// The longest a micro-module may take; the research asks for a few minutes at most.
pub const MAX_MINUTES: u8 = 5;

/// Where pictograms are served from; the build checks each referenced file exists there.
pub const PICTOGRAM_DIR: &str = "/pictograms";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Sick leave, health insurance, the GP, energy and health.
    Health,
    /// The payslip, budgeting.
    Money,
    /// Hours, contracts, safety.
    Work,
    /// Registration and housing.
    Living,
    /// Help that does not depend on the agency.
    Help,
    /// Development conversations, skills and certificates.
    Growth,
}

impl Theme {
    pub const ALL: [Theme; 6] = [
        Theme::Health,
        Theme::Money,
        Theme::Work,
        Theme::Living,
        Theme::Help,
        Theme::Growth,
    ];
}

// ---------------------------------------------------------------------------------------------
// What authors write.

/// `module.toml`: everything about a module that does not depend on the language.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleSpec {
    pub id: String,
    pub theme: Theme,
    pub minutes: u8,
    pub version: u32,
    pub steps: Vec<StepSpec>,
    #[serde(default)]
    pub quiz: Vec<QuestionSpec>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    pub id: String,
    #[serde(default)]
    pub pictograms: Vec<String>,
    /// A large picture that the step's text explains, such as an example payslip with numbered
    /// marks; a pictogram id, shown at full width.
    #[serde(default)]
    pub illustration: Option<String>,
    /// Pictogram ids of a timeline, in order; each language gives one line per entry.
    #[serde(default)]
    pub timeline: Vec<String>,
    /// An interactive tool shown with the step.
    #[serde(default)]
    pub tool: Option<Tool>,
    /// Ids of the module's sources that back this step's facts.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Interactive tools a step can carry. Whatever a worker enters stays on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tool {
    /// Income against the month's costs, what is left, and a warning when costs are higher.
    BudgetPlanner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// Exactly one option is right.
    Single,
    /// One or more options are right; the worker picks all that apply.
    Multiple,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSpec {
    pub id: String,
    pub kind: QuestionKind,
    pub options: Vec<String>,
    pub answer: Vec<String>,
}

/// An official source: who says so, where, and when someone last checked it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub organisation: String,
    pub title: String,
    pub url: String,
    /// ISO date, `YYYY-MM-DD`.
    pub checked: String,
}

/// `<lang>.toml`: the words of one module in one language.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleText {
    pub title: String,
    pub summary: String,
    /// One small thing to do after the module, shown on the done screen.
    pub next_step: String,
    pub steps: BTreeMap<String, StepText>,
    #[serde(default)]
    pub quiz: BTreeMap<String, QuestionText>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepText {
    pub title: String,
    pub body: Vec<String>,
    #[serde(default)]
    pub key_facts: Vec<String>,
    #[serde(default)]
    pub checklist: Vec<String>,
    /// "What to do now".
    #[serde(default)]
    pub action: Option<String>,
    /// One line per entry of the step's timeline, in the same order.
    #[serde(default)]
    pub timeline: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    pub prompt: String,
    pub options: BTreeMap<String, String>,
    /// Why an option is right or wrong, shown as soon as it is picked.
    pub feedback: BTreeMap<String, String>,
}

/// `content/facts.toml`: figures that change by year, each with its source.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    pub facts: BTreeMap<String, Fact>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub value: FactValue,
    /// The year (or first year) the figure applies to.
    pub year: u16,
    pub source: String,
    pub checked: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactValue {
    /// An amount in euro cents, so prose never rounds it differently per language.
    EuroCents(i64),
    /// A percentage in hundredths of a percent (8% is 800).
    BasisPoints(i64),
    /// A plain count: days, weeks, hours.
    Count(i64),
    /// A phone number or other text that is the same in every language.
    Text(String),
}

impl Fact {
    /// The figure as a reader of `locale` writes it.
    pub fn format(&self, locale: Locale) -> String {
        match &self.value {
            FactValue::EuroCents(cents) => format_euro(*cents, locale),
            FactValue::BasisPoints(bp) => {
                let number = format_decimal(*bp, 100, locale);
                match locale {
                    Locale::En => format!("{number}%"),
                    // Dutch, Polish and Romanian put a space before the percent sign.
                    _ => format!("{number} %"),
                }
            }
            FactValue::Count(n) => n.to_string(),
            FactValue::Text(text) => text.clone(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What the player shows.

/// One module in one language, ready to show: every reference resolved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Module {
    pub id: String,
    pub locale: Locale,
    pub theme: Theme,
    pub minutes: u8,
    pub version: u32,
    pub title: String,
    pub summary: String,
    pub next_step: String,
    pub steps: Vec<Step>,
    pub quiz: Vec<Question>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub body: Vec<String>,
    pub pictograms: Vec<Pictogram>,
    pub illustration: Option<Pictogram>,
    pub timeline: Vec<TimelineEntry>,
    pub tool: Option<Tool>,
    pub key_facts: Vec<String>,
    pub checklist: Vec<String>,
    pub action: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub pictogram: Pictogram,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pictogram {
    pub src: String,
    pub alt: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub options: Vec<AnswerOption>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerOption {
    pub id: String,
    pub text: String,
    pub correct: bool,
    pub feedback: String,
}

impl Module {
    pub fn summary(&self) -> ModuleSummary {
        ModuleSummary {
            id: self.id.clone(),
            theme: self.theme,
            minutes: self.minutes,
            version: self.version,
            title: self.title.clone(),
            summary: self.summary.clone(),
            steps: self.steps.len() as u32,
            pictogram: self
                .steps
                .iter()
                .flat_map(|s| s.pictograms.first())
                .next()
                .cloned(),
        }
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

impl Question {
    /// Whether a set of picked options is exactly the right answer.
    pub fn is_right(&self, picked: &BTreeSet<String>) -> bool {
        self.options
            .iter()
            .all(|o| o.correct == picked.contains(&o.id))
    }
}

/// What the module list needs, without the module's body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModuleSummary {
    pub id: String,
    pub theme: Theme,
    pub minutes: u8,
    pub version: u32,
    pub title: String,
    pub summary: String,
    pub steps: u32,
    pub pictogram: Option<Pictogram>,
}

/// The module list of one language: `content/<lang>/index.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub locale: Locale,
    pub modules: Vec<ModuleSummary>,
}

// ---------------------------------------------------------------------------------------------
// Checking and joining.

/// Something wrong with a module's files, said so an author can find and fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub module: String,
    pub locale: Option<Locale>,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.locale {
            Some(locale) => write!(f, "{} ({}): {}", self.module, locale, self.problem),
            None => write!(f, "{}: {}", self.module, self.problem),
        }
    }
}

/// What [`compile`] needs to know about the world outside the module's own files.
pub struct Context<'a> {
    pub facts: &'a Facts,
    /// Pictogram ids whose SVG file exists, with their text alternative in this language
    /// (`None` when the file exists but the alternative is missing).
    pub pictograms: &'a BTreeMap<String, Option<String>>,
}

/// Checks what the languages share: ids, the quiz's answer keys, sources, pictogram files.
pub fn check_spec(spec: &ModuleSpec, ctx: &Context) -> Vec<ContentError> {
    let mut problems = Vec::new();
    let mut fail = |problem: String| {
        problems.push(ContentError {
            module: spec.id.clone(),
            locale: None,
            problem,
        })
    };

    if !is_slug(&spec.id) {
        fail(format!("id {:?} is not lowercase-with-dashes", spec.id));
    }
    if spec.minutes == 0 || spec.minutes > MAX_MINUTES {
        fail(format!(
            "takes {} minutes; allowed 1 to {MAX_MINUTES}",
            spec.minutes
        ));
    }
    if spec.steps.is_empty() {
        fail("has no steps".into());
    }
    for id in duplicates(spec.steps.iter().map(|s| s.id.as_str())) {
        fail(format!("step id {id:?} is used twice"));
    }
    for id in duplicates(spec.quiz.iter().map(|q| q.id.as_str())) {
        fail(format!("question id {id:?} is used twice"));
    }
    for id in duplicates(spec.sources.iter().map(|s| s.id.as_str())) {
        fail(format!("source id {id:?} is used twice"));
    }

    for step in &spec.steps {
        let pictograms = step
            .pictograms
            .iter()
            .chain(&step.illustration)
            .chain(&step.timeline);
        for pictogram in pictograms {
            if !ctx.pictograms.contains_key(pictogram) {
                fail(format!(
                    "step {:?} shows pictogram {pictogram:?}, but {PICTOGRAM_DIR}/{pictogram}.svg does not exist",
                    step.id
                ));
            }
        }
        for source in &step.sources {
            if !spec.sources.iter().any(|s| &s.id == source) {
                fail(format!(
                    "step {:?} cites source {source:?}, which the module does not list",
                    step.id
                ));
            }
        }
    }

    for question in &spec.quiz {
        for problem in answer_key_problems(question) {
            fail(format!("question {:?}: {problem}", question.id));
        }
    }

    for source in &spec.sources {
        for problem in source_problems(source) {
            fail(format!("source {:?}: {problem}", source.id));
        }
    }
    problems
}

fn answer_key_problems(question: &QuestionSpec) -> Vec<String> {
    let mut problems = Vec::new();
    if question.options.len() < 2 {
        problems.push("needs at least two options".into());
    }
    for id in duplicates(question.options.iter().map(String::as_str)) {
        problems.push(format!("option {id:?} is listed twice"));
    }
    for answer in &question.answer {
        if !question.options.contains(answer) {
            problems.push(format!("answer {answer:?} is not one of its options"));
        }
    }
    match question.kind {
        QuestionKind::Single if question.answer.len() != 1 => problems.push(format!(
            "a single-choice question needs exactly one answer, has {}",
            question.answer.len()
        )),
        QuestionKind::Multiple if question.answer.is_empty() => {
            problems.push("a multiple-choice question needs at least one answer".into())
        }
        _ => {}
    }
    problems
}

fn source_problems(source: &Source) -> Vec<String> {
    let mut problems = Vec::new();
    if !source.url.starts_with("https://") {
        problems.push(format!("url {:?} must be an https:// address", source.url));
    }
    if !is_iso_date(&source.checked) {
        problems.push(format!(
            "checked {:?} must be the date it was checked, YYYY-MM-DD",
            source.checked
        ));
    }
    if source.organisation.trim().is_empty() || source.title.trim().is_empty() {
        problems.push("needs an organisation and a title".into());
    }
    problems
}

/// Checks one language's words against the shared spec and joins them into a [`Module`].
pub fn compile(
    spec: &ModuleSpec,
    text: &ModuleText,
    locale: Locale,
    ctx: &Context,
) -> Result<Module, Vec<ContentError>> {
    let mut c = Compiler {
        module: &spec.id,
        locale,
        ctx,
        problems: Vec::new(),
    };
    let title = c.resolve("title", &text.title);
    let summary = c.resolve("summary", &text.summary);
    let next_step = c.resolve("next_step", &text.next_step);

    let steps: Vec<Step> = spec
        .steps
        .iter()
        .filter_map(|step_spec| match text.steps.get(&step_spec.id) {
            Some(step_text) => Some(c.step(step_spec, step_text)),
            None => {
                c.fail(format!("step {:?} has no text", step_spec.id));
                None
            }
        })
        .collect();
    for id in text.steps.keys() {
        if !spec.steps.iter().any(|s| &s.id == id) {
            c.fail(format!(
                "has text for step {id:?}, which module.toml does not list"
            ));
        }
    }

    let quiz: Vec<Question> = spec
        .quiz
        .iter()
        .filter_map(|question_spec| match text.quiz.get(&question_spec.id) {
            Some(question_text) => Some(c.question(question_spec, question_text)),
            None => {
                c.fail(format!("question {:?} has no text", question_spec.id));
                None
            }
        })
        .collect();
    for id in text.quiz.keys() {
        if !spec.quiz.iter().any(|q| &q.id == id) {
            c.fail(format!(
                "has text for question {id:?}, which module.toml does not list"
            ));
        }
    }

    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    Ok(Module {
        id: spec.id.clone(),
        locale,
        theme: spec.theme,
        minutes: spec.minutes,
        version: spec.version,
        title,
        summary,
        next_step,
        steps,
        quiz,
        sources: spec.sources.clone(),
    })
}

/// Collects every problem of one module in one language, so an author sees them all at once.
struct Compiler<'a> {
    module: &'a str,
    locale: Locale,
    ctx: &'a Context<'a>,
    problems: Vec<ContentError>,
}

impl Compiler<'_> {
    fn fail(&mut self, problem: String) {
        self.problems.push(ContentError {
            module: self.module.to_string(),
            locale: Some(self.locale),
            problem,
        });
    }

    fn resolve(&mut self, field: &str, text: &str) -> String {
        resolve_facts(text, self.ctx.facts, self.locale).unwrap_or_else(|problem| {
            self.fail(format!("{field}: {problem}"));
            String::new()
        })
    }

    fn resolve_all(&mut self, field: &str, texts: &[String]) -> Vec<String> {
        texts.iter().map(|t| self.resolve(field, t)).collect()
    }

    fn step(&mut self, spec: &StepSpec, text: &StepText) -> Step {
        let field = |name: &str| format!("step {:?} {name}", spec.id);
        if text.title.trim().is_empty() || text.body.iter().all(|p| p.trim().is_empty()) {
            self.fail(format!(
                "step {:?} is empty: it needs a title and a body",
                spec.id
            ));
        }
        let pictograms = spec
            .pictograms
            .iter()
            .filter_map(|id| self.pictogram(id))
            .collect();
        let illustration = spec.illustration.as_ref().and_then(|id| self.pictogram(id));
        if spec.timeline.len() != text.timeline.len() {
            self.fail(format!(
                "step {:?} has {} timeline entries in module.toml but {} lines of text",
                spec.id,
                spec.timeline.len(),
                text.timeline.len()
            ));
        }
        let timeline = spec
            .timeline
            .iter()
            .zip(&text.timeline)
            .filter_map(|(id, line)| {
                let text = self.resolve(&field("timeline"), line);
                Some(TimelineEntry {
                    pictogram: self.pictogram(id)?,
                    text,
                })
            })
            .collect();
        Step {
            id: spec.id.clone(),
            title: self.resolve(&field("title"), &text.title),
            body: self.resolve_all(&field("body"), &text.body),
            key_facts: self.resolve_all(&field("key_facts"), &text.key_facts),
            checklist: self.resolve_all(&field("checklist"), &text.checklist),
            action: text
                .action
                .as_ref()
                .map(|a| self.resolve(&field("action"), a)),
            pictograms,
            illustration,
            timeline,
            tool: spec.tool,
            sources: spec.sources.clone(),
        }
    }

    /// A pictogram with its text alternative in this language, or a reported problem.
    fn pictogram(&mut self, id: &str) -> Option<Pictogram> {
        match self.ctx.pictograms.get(id) {
            Some(Some(alt)) if !alt.trim().is_empty() => Some(Pictogram {
                src: format!("{PICTOGRAM_DIR}/{id}.svg"),
                alt: alt.clone(),
            }),
            Some(_) => {
                self.fail(format!("pictogram {id:?} has no text alternative"));
                None
            }
            None => None, // check_spec reports a missing file once, not per language
        }
    }

    fn question(&mut self, spec: &QuestionSpec, text: &QuestionText) -> Question {
        let mut options = Vec::new();
        for option in &spec.options {
            let field = format!("question {:?} option {option:?}", spec.id);
            let (Some(option_text), Some(feedback)) =
                (text.options.get(option), text.feedback.get(option))
            else {
                self.fail(format!("{field} needs both text and feedback"));
                continue;
            };
            options.push(AnswerOption {
                id: option.clone(),
                text: self.resolve(&field, option_text),
                correct: spec.answer.contains(option),
                feedback: self.resolve(&format!("{field} feedback"), feedback),
            });
        }
        for extra in text.options.keys().chain(text.feedback.keys()) {
            if !spec.options.contains(extra) {
                self.fail(format!(
                    "question {:?} has words for option {extra:?}, which module.toml does not list",
                    spec.id
                ));
            }
        }
        Question {
            id: spec.id.clone(),
            kind: spec.kind,
            prompt: self.resolve(&format!("question {:?} prompt", spec.id), &text.prompt),
            options,
        }
    }
}

/// Replaces each `{fact:<id>}` with the figure as `locale` writes it.
pub fn resolve_facts(text: &str, facts: &Facts, locale: Locale) -> Result<String, String> {
    const OPEN: &str = "{fact:";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len()..];
        let end = after
            .find('}')
            .ok_or_else(|| format!("{OPEN}… is not closed with }}"))?;
        let id = &after[..end];
        let fact = facts.facts.get(id).ok_or_else(|| {
            format!("refers to fact {id:?}, which content/facts.toml does not have")
        })?;
        out.push_str(&fact.format(locale));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    if out.trim().is_empty() {
        return Err("is empty".into());
    }
    Ok(out)
}

/// Checks the facts file itself: every fact needs a source and the date it was checked.
pub fn check_facts(facts: &Facts) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, fact) in &facts.facts {
        if !fact.source.starts_with("https://") {
            problems.push(format!("fact {id:?}: source must be an https:// address"));
        }
        if !is_iso_date(&fact.checked) {
            problems.push(format!("fact {id:?}: checked must be YYYY-MM-DD"));
        }
    }
    problems
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |p: &str, len: usize| {
        (p.len() == len && p.chars().all(|c| c.is_ascii_digit())).then(|| p.parse::<u32>().ok())?
    };
    matches!(
        (number(year, 4), number(month, 2), number(day, 2)),
        (Some(2000..), Some(1..=12), Some(1..=31))
    )
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    ids.filter(|id| !seen.insert(*id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(value: FactValue) -> Fact {
        Fact {
            value,
            year: 2026,
            source: "https://www.rijksoverheid.nl".into(),
            checked: "2026-11-22".into(),
        }
    }

    fn facts() -> Facts {
        let mut facts = Facts::default();
        facts
            .facts
            .insert("deductible".into(), fact(FactValue::EuroCents(38_500)));
        facts
            .facts
            .insert("min-wage".into(), fact(FactValue::EuroCents(1_471)));
        facts
            .facts
            .insert("holiday-pay".into(), fact(FactValue::BasisPoints(800)));
        facts
    }

    fn spec() -> ModuleSpec {
        ModuleSpec {
            id: "calling-in-sick".into(),
            theme: Theme::Health,
            minutes: 4,
            version: 1,
            steps: vec![
                StepSpec {
                    id: "who".into(),
                    pictograms: vec!["phone".into()],
                    illustration: None,
                    timeline: vec![],
                    tool: None,
                    sources: vec!["uwv".into()],
                },
                StepSpec {
                    id: "when".into(),
                    pictograms: vec![],
                    illustration: None,
                    timeline: vec![],
                    tool: None,
                    sources: vec![],
                },
            ],
            quiz: vec![QuestionSpec {
                id: "q1".into(),
                kind: QuestionKind::Single,
                options: vec!["a".into(), "b".into()],
                answer: vec!["b".into()],
            }],
            sources: vec![Source {
                id: "uwv".into(),
                organisation: "UWV".into(),
                title: "Ziek".into(),
                url: "https://www.uwv.nl".into(),
                checked: "2026-11-22".into(),
            }],
        }
    }

    fn step_text(title: &str) -> StepText {
        StepText {
            title: title.into(),
            body: vec![format!("{title} body, with {{fact:deductible}}")],
            key_facts: vec![],
            checklist: vec![],
            action: None,
            timeline: vec![],
        }
    }

    fn text() -> ModuleText {
        ModuleText {
            title: "Calling in sick".into(),
            summary: "Whom to call".into(),
            next_step: "Save the number".into(),
            steps: [
                ("who".into(), step_text("Who")),
                ("when".into(), step_text("When")),
            ]
            .into_iter()
            .collect(),
            quiz: [(
                "q1".into(),
                QuestionText {
                    prompt: "Whom do you call?".into(),
                    options: [("a".into(), "Nobody".into()), ("b".into(), "Agency".into())]
                        .into_iter()
                        .collect(),
                    feedback: [("a".into(), "No".into()), ("b".into(), "Yes".into())]
                        .into_iter()
                        .collect(),
                },
            )]
            .into_iter()
            .collect(),
        }
    }

    fn pictograms() -> BTreeMap<String, Option<String>> {
        [("phone".to_string(), Some("A phone".to_string()))]
            .into_iter()
            .collect()
    }

    fn problems_of(result: Result<Module, Vec<ContentError>>) -> Vec<String> {
        result.unwrap_err().into_iter().map(|e| e.problem).collect()
    }

    #[test]
    fn a_complete_module_compiles_with_facts_and_pictograms_resolved() {
        let (facts, pictograms) = (facts(), pictograms());
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        assert!(check_spec(&spec(), &ctx).is_empty());
        let module = compile(&spec(), &text(), Locale::Nl, &ctx).unwrap();
        assert_eq!(module.steps.len(), 2);
        assert_eq!(module.steps[0].body[0], "Who body, with € 385");
        assert_eq!(module.steps[0].pictograms[0].src, "/pictograms/phone.svg");
        assert_eq!(module.steps[0].pictograms[0].alt, "A phone");
        assert!(module.quiz[0].options[1].correct);
        assert!(!module.quiz[0].options[0].correct);
    }

    #[test]
    fn a_step_without_text_is_reported() {
        let (facts, pictograms) = (facts(), pictograms());
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        let mut text = text();
        text.steps.remove("when");
        let problems = problems_of(compile(&spec(), &text, Locale::Pl, &ctx));
        assert_eq!(problems, vec![r#"step "when" has no text"#]);
    }

    #[test]
    fn an_empty_step_is_reported() {
        let (facts, pictograms) = (facts(), pictograms());
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        let mut text = text();
        text.steps.get_mut("when").unwrap().body = vec![];
        let problems = problems_of(compile(&spec(), &text, Locale::Pl, &ctx));
        assert!(
            problems
                .iter()
                .any(|p| p.contains(r#"step "when" is empty"#)),
            "{problems:?}"
        );
    }

    #[test]
    fn an_unknown_fact_is_reported() {
        let (facts, pictograms) = (facts(), pictograms());
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        let mut text = text();
        text.summary = "Costs {fact:nope}".into();
        let problems = problems_of(compile(&spec(), &text, Locale::Ro, &ctx));
        assert!(problems[0].contains(r#"fact "nope""#), "{problems:?}");
    }

    #[test]
    fn a_missing_pictogram_file_is_reported() {
        let facts = facts();
        let none = BTreeMap::new();
        let ctx = Context {
            facts: &facts,
            pictograms: &none,
        };
        let problems = check_spec(&spec(), &ctx);
        assert!(
            problems[0].problem.contains("phone.svg does not exist"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_pictogram_without_alternative_text_is_reported() {
        let facts = facts();
        let pictograms = [("phone".to_string(), None)].into_iter().collect();
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        let problems = problems_of(compile(&spec(), &text(), Locale::En, &ctx));
        assert!(problems[0].contains("no text alternative"), "{problems:?}");
    }

    #[test]
    fn answer_keys_must_fit_the_question_kind() {
        let (facts, pictograms) = (facts(), pictograms());
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        let mut spec = spec();
        spec.quiz[0].answer = vec!["a".into(), "b".into()];
        let problems = check_spec(&spec, &ctx);
        assert!(
            problems[0].problem.contains("exactly one answer"),
            "{problems:?}"
        );

        spec.quiz[0].kind = QuestionKind::Multiple;
        assert!(check_spec(&spec, &ctx).is_empty());

        spec.quiz[0].answer = vec!["c".into()];
        let problems = check_spec(&spec, &ctx);
        assert!(
            problems[0].problem.contains("not one of its options"),
            "{problems:?}"
        );
    }

    #[test]
    fn sources_need_an_address_and_a_checked_date() {
        let (facts, pictograms) = (facts(), pictograms());
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        let mut spec = spec();
        spec.sources[0].url = String::new();
        spec.sources[0].checked = "22-11-2026".into();
        let problems: Vec<_> = check_spec(&spec, &ctx)
            .into_iter()
            .map(|e| e.problem)
            .collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("https://"));
        assert!(problems[1].contains("YYYY-MM-DD"));
    }

    #[test]
    fn quiz_options_need_feedback() {
        let (facts, pictograms) = (facts(), pictograms());
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        let mut text = text();
        text.quiz.get_mut("q1").unwrap().feedback.remove("a");
        let problems = problems_of(compile(&spec(), &text, Locale::En, &ctx));
        assert!(
            problems[0].contains("needs both text and feedback"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_timeline_needs_one_line_per_pictogram_in_every_language() {
        let (facts, pictograms) = (facts(), pictograms());
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        let mut spec = spec();
        spec.steps[1].timeline = vec!["phone".into(), "phone".into()];
        let mut text = text();
        text.steps.get_mut("when").unwrap().timeline = vec!["Day 1".into()];
        let problems = problems_of(compile(&spec, &text, Locale::Ro, &ctx));
        assert!(problems[0].contains("2 timeline entries"), "{problems:?}");

        text.steps.get_mut("when").unwrap().timeline = vec!["Day 1".into(), "Week 6".into()];
        let module = compile(&spec, &text, Locale::Ro, &ctx).unwrap();
        let timeline = &module.steps[1].timeline;
        assert_eq!(timeline.len(), 2);
        assert_eq!(timeline[1].text, "Week 6");
        assert_eq!(timeline[1].pictogram.alt, "A phone");
    }

    #[test]
    fn a_missing_timeline_or_illustration_pictogram_is_reported() {
        let (facts, pictograms) = (facts(), pictograms());
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        let mut spec = spec();
        spec.steps[0].illustration = Some("payslip-example".into());
        spec.steps[1].timeline = vec!["week-6".into()];
        let problems: Vec<_> = check_spec(&spec, &ctx)
            .into_iter()
            .map(|e| e.problem)
            .collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("payslip-example.svg"));
        assert!(problems[1].contains("week-6.svg"));
    }

    #[test]
    fn percentages_keep_their_decimals() {
        assert_eq!(fact(FactValue::BasisPoints(800)).format(Locale::En), "8%");
        assert_eq!(
            fact(FactValue::BasisPoints(833)).format(Locale::Pl),
            "8,33 %"
        );
    }

    #[test]
    fn the_right_answer_is_exactly_the_correct_options() {
        let (facts, pictograms) = (facts(), pictograms());
        let ctx = Context {
            facts: &facts,
            pictograms: &pictograms,
        };
        let module = compile(&spec(), &text(), Locale::En, &ctx).unwrap();
        let question = &module.quiz[0];
        let pick = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect();
        assert!(question.is_right(&pick(&["b"])));
        assert!(!question.is_right(&pick(&["a"])));
        assert!(!question.is_right(&pick(&["a", "b"])));
    }
}

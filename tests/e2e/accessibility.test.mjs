// Usable on a small phone, with a keyboard and a screen reader: axe-core finds no serious or
// critical problem on the module list, a step, a quiz or the budget planner; nothing scrolls
// sideways at 320 px; touch targets are at least 44 px; a quiz can be answered by keyboard.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ADMIN,
  api,
  budgetModule,
  builtCatalog,
  builtModule,
  messages,
  newWorker,
  signInAsAdmin,
  seriousAccessibilityViolations,
  serverAndBrowser,
} from "./harness.mjs";

const MIN_TARGET = 44;

/** A 320 px wide phone; axe is injected, so the page's CSP is bypassed for it. */
async function narrowPhone(browser, locale = "pl-PL") {
  const context = await browser.newContext({
    locale,
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
    bypassCSP: true,
  });
  return context.newPage();
}


async function pageChecks(page, where) {
  assert.deepEqual(await seriousAccessibilityViolations(page), [], `axe on ${where}`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.equal(overflow, 0, `${where} scrolls sideways at 320 px`);
  // Buttons, fields, the picker and navigation links; links inside running text are exempt.
  const small = await page.evaluate((min) => {
    const targets = document.querySelectorAll(
      "button, select, input, a.button, .module-card a, .brand, .sync-status a",
    );
    // A field inside its label is tapped through the label: that is its target.
    return [...targets]
      .filter((el) => el.offsetParent !== null)
      .map((el) => [el.outerHTML.slice(0, 60), (el.closest("label") ?? el).getBoundingClientRect()])
      .filter(([, box]) => box.height < min || box.width < min)
      .map(([html, box]) => `${html} is ${Math.round(box.width)}×${Math.round(box.height)}`);
  }, MIN_TARGET);
  assert.deepEqual(small, [], `touch targets on ${where}`);
}

test("the module list, a step, a quiz and the budget planner pass axe at 320 px", async (t) => {
  const world = await serverAndBrowser(t);
  const page = await narrowPhone(world.browser);
  const url = world.server.url;

  await page.goto(url);
  await page.locator(".module-card").first().waitFor();
  await pageChecks(page, "the module list");

  const module = builtModule("pl", builtCatalog("pl").modules[0].id);
  await page.goto(`${url}/modules/${module.id}/step/1`);
  await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
  await pageChecks(page, "a step");

  await page.goto(`${url}/modules/${module.id}/quiz/1`);
  const question = module.quiz[0];
  await page.getByRole("heading", { level: 1, name: question.prompt }).waitFor();
  await pageChecks(page, "a quiz");
  await page.getByLabel(question.options[0].text, { exact: true }).check();
  if (question.kind === "multiple") {
    await page.getByRole("button", { name: messages("pl")["quiz-check"] }).click();
  }
  await page.getByTestId("quiz-verdict").locator("p").waitFor();
  await pageChecks(page, "an answered quiz");

  const budget = budgetModule("pl");
  await page.goto(`${url}/modules/${budget.module.id}/step/${budget.step}`);
  await page.locator("#budget-income").fill("1200");
  await page.locator("#budget-rent").fill("1500");
  await page.getByTestId("budget-outcome").waitFor();
  await pageChecks(page, "the budget planner");
});

test("a quiz can be answered with the keyboard alone", async (t) => {
  const world = await serverAndBrowser(t);
  const page = await narrowPhone(world.browser, "en-GB");
  const module = builtModule("en", builtCatalog("en").modules[0].id);
  const question = module.quiz.find((q) => q.kind === "single") ?? module.quiz[0];
  const index = module.quiz.indexOf(question) + 1;
  await page.goto(`${world.server.url}/modules/${module.id}/quiz/${index}`);
  await page.getByRole("heading", { level: 1, name: question.prompt }).waitFor();

  // Tab to the first option, pick with Space, and read the verdict.
  const first = page.getByLabel(question.options[0].text, { exact: true });
  for (let i = 0; i < 30 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  assert.ok(await first.evaluate((el) => el === document.activeElement), "reached by Tab");
  await page.keyboard.press("Space");
  if (question.kind === "multiple") {
    await page.getByRole("button", { name: messages("en")["quiz-check"] }).focus();
    await page.keyboard.press("Enter");
  }
  const verdict = page.getByTestId("quiz-verdict");
  const expected = question.options[0].correct ? "quiz-right" : "quiz-try-again";
  await verdict.getByText(messages("en")[expected]).waitFor();
  await page.getByText(question.options[0].feedback).waitFor();
});

test("joining and the account page pass axe at 320 px, errors and the sign-out question too", async (t) => {
  const world = await serverAndBrowser(t);
  const page = await narrowPhone(world.browser);
  const url = world.server.url;
  const pl = messages("pl");

  await page.goto(`${url}/join`);
  await page.getByRole("heading", { level: 1, name: pl["join-title"] }).waitFor();
  await pageChecks(page, "the join page");
  await page.getByLabel(pl["join-code-label"]).fill("ZZZZ-ZZZZ");
  await page.getByRole("button", { name: pl["join-submit"] }).click();
  await page.getByRole("alert").getByText(pl["join-wrong-code"]).waitFor();
  await pageChecks(page, "a wrong code");

  await page.goto(`${url}/account`);
  await page.getByText(pl["account-not-linked"]).waitFor();
  await pageChecks(page, "the account page of a phone that is not linked");

  const worker = await newWorker(world.server, "Wiktoria");
  await page.goto(worker.link);
  await page.getByTestId("joined").waitFor();
  await pageChecks(page, "joined");
  await page.goto(`${url}/account`);
  await page.getByRole("button", { name: pl["account-sign-out"] }).click();
  await page.getByText(pl["account-sign-out-question"]).waitFor();
  await pageChecks(page, "the sign-out question");
});

test("my space, the buddy's check-in and the console pass axe at 320 px", async (t) => {
  const world = await serverAndBrowser(t);
  const url = world.server.url;
  const pl = messages("pl");
  const admin = await signInAsAdmin(world.server);
  const add = async (name) =>
    (await api(world.server, "/api/workers", { token: admin, method: "POST", body: { name } })).body;
  const newcomer = await add("Ioana");
  const buddy = await add("Piotr");
  const put = (path, body) => api(world.server, path, { token: admin, method: "PUT", body });
  await put(`/api/workers/${newcomer.worker.id}/placement`, {
    start_date: "2026-11-01",
    site: "DC Venlo",
    shift: "day",
    town: "Venlo",
    languages: ["ro"],
  });
  await put(`/api/workers/${buddy.worker.id}/buddy-role`, { buddy: true });
  await put(`/api/workers/${newcomer.worker.id}/buddy`, { buddy_id: buddy.worker.id });

  const page = await narrowPhone(world.browser);
  await page.goto(`${url}/join#${buddy.join.code}`);
  await page.getByTestId("joined").waitFor();
  await page.goto(`${url}/me`);
  await page.getByRole("heading", { level: 1, name: pl["space-title"] }).waitFor();
  await page.getByRole("heading", { name: pl["offer-title"] }).waitFor();
  await pageChecks(page, "my space");
  await page.goto(`${url}/buddy`);
  await page.getByRole("heading", { level: 1, name: pl["buddy-title"] }).waitFor();
  await page.locator(".slot").first().click();
  await page.getByTestId("check-in-form").waitFor();
  await pageChecks(page, "the buddy's check-in");

  await page.goto(`${url}/console`);
  await page.getByLabel(pl["console-email"]).fill(ADMIN.email);
  await page.getByLabel(pl["console-password"]).fill(ADMIN.password);
  await pageChecks(page, "the console's sign-in");
  await page.getByRole("button", { name: pl["console-sign-in"] }).click();
  await page.getByTestId("workers").waitFor();
  await pageChecks(page, "the console's workers");
  await page.getByTestId("workers").getByRole("link", { name: "Ioana" }).click();
  await page.getByTestId("check-ins").or(page.getByText(pl["console-no-check-ins"])).waitFor();
  await pageChecks(page, "a worker in the console");
  await page.goto(`${url}/console/matching`);
  await page.getByTestId("matches").waitFor();
  await pageChecks(page, "buddy matching");
  await page.goto(`${url}/console/overview`);
  await page.getByTestId("per-site").waitFor();
  await pageChecks(page, "the overview");
});

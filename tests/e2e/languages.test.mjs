// Four languages: a first visit follows the browser, anything else falls back to English,
// the choice is remembered, and every language shows the module list in its own words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { builtModule, cleanup, launchBrowser, messages, phone, startServer } from "./harness.mjs";

let server;
let browser;

test.before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

test.after(async () => {
  await browser?.close();
  await server?.stop();
  cleanup(server.dataDir);
});

async function firstVisit(locale) {
  const context = await phone(browser, { locale });
  const page = await context.newPage();
  await page.goto(server.url);
  return { context, page };
}

for (const [browserLocale, expected] of [
  ["ro-RO", "ro"],
  ["pl-PL", "pl"],
  ["nl-NL", "nl"],
  ["de-DE", "en"],
]) {
  test(`a first visit from a ${browserLocale} browser is in ${expected}`, async () => {
    const { context, page } = await firstVisit(browserLocale);
    const words = messages(expected);
    await page.getByRole("heading", { level: 1, name: words["home-title"] }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), expected);
    assert.equal(await page.title(), words["app-name"]);
    const module = builtModule(expected, "calling-in-sick");
    await page.getByRole("link", { name: new RegExp(module.title) }).waitFor();
    await context.close();
  });
}

test("the picker names each language in that language", async () => {
  const { context, page } = await firstVisit("en-US");
  const options = await page.locator("select option").evaluateAll((os) =>
    os.map((o) => ({ text: o.textContent, lang: o.lang })),
  );
  assert.deepEqual(options, [
    { text: "Polski", lang: "pl" },
    { text: "Română", lang: "ro" },
    { text: "English", lang: "en" },
    { text: "Nederlands", lang: "nl" },
  ]);
  await context.close();
});

test("a chosen language is remembered after a reload", async () => {
  const { context, page } = await firstVisit("en-US");
  const en = messages("en");
  const ro = messages("ro");
  await page.getByLabel(en["language-label"]).selectOption({ label: "Română" });
  await page.getByRole("heading", { level: 1, name: ro["home-title"] }).waitFor();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: ro["home-title"] }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ro");
  await context.close();
});

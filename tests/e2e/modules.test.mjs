// Every module, in every language, opens with the network cut: steps, quiz and done screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  LOCALES,
  builtCatalog,
  builtModule,
  messages,
  phone,
  serverAndBrowser,
  waitForServiceWorker,
} from "./harness.mjs";

test("every module opens offline in every language", async (t) => {
  const world = await serverAndBrowser(t);
  const context = await phone(world.browser, { locale: "pl-PL" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(world.server.url);
  await waitForServiceWorker(page);
  await world.server.stop();
  await context.setOffline(true);

  let opened = 0;
  for (const locale of LOCALES) {
    // The language is a remembered choice; set it as the picker would.
    await page.evaluate((code) => localStorage.setItem("wegwijs.locale", `"${code}"`), locale);
    const catalog = builtCatalog(locale);
    assert.ok(catalog.modules.length > 0, `modules in ${locale}`);
    for (const summary of catalog.modules) {
      const module = builtModule(locale, summary.id);
      const base = `${world.server.url}/modules/${module.id}`;
      await page.goto(`${base}/step/1`);
      await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
      const last = module.steps.length;
      await page.goto(`${base}/step/${last}`);
      await page.getByRole("heading", { level: 1, name: module.steps[last - 1].title }).waitFor();
      if (module.quiz.length > 0) {
        await page.goto(`${base}/quiz/1`);
        await page.getByRole("heading", { level: 1, name: module.quiz[0].prompt }).waitFor();
      }
      await page.goto(`${base}/done`);
      await page.getByRole("heading", { level: 1, name: messages(locale)["done-title"] }).waitFor();
      await page.getByText(module.next_step).waitFor();
      opened += 1;
    }
  }
  assert.equal(opened, LOCALES.length * builtCatalog("en").modules.length);
  assert.deepEqual(errors, []);
});

test("the module list groups modules by theme and shows progress", async (t) => {
  const world = await serverAndBrowser(t);
  const page = await (await phone(world.browser, { locale: "en-GB" })).newPage();
  const en = messages("en");
  await page.goto(world.server.url);
  const catalog = builtCatalog("en");
  const themes = [...new Set(catalog.modules.map((m) => m.theme))];
  // The list draws all themes at once, when the catalogue has loaded.
  await page.locator("section.theme").first().waitFor();
  assert.equal(await page.locator("section.theme").count(), themes.length);
  for (const summary of catalog.modules) {
    const card = page.getByRole("link", { name: new RegExp(summary.title) });
    await card.locator(".status").waitFor();
    assert.match(await card.innerText(), new RegExp(en["status-not-started"]));
  }

  // Two steps into the first module, then back to the list: started, and it resumes.
  const module = builtModule("en", catalog.modules[0].id);
  await page.getByRole("link", { name: new RegExp(module.title) }).click();
  await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
  await page.locator(".step-nav button").click();
  await page.getByRole("heading", { level: 1, name: module.steps[1].title }).waitFor();
  await page.locator(".step-nav button").click();
  await page.getByRole("heading", { level: 1, name: module.steps[2].title }).waitFor();
  await page.goto(world.server.url);
  const card = page.getByRole("link", { name: new RegExp(module.title) });
  await card.getByText(en["status-in-progress"]).waitFor();
  await card.click();
  await page.getByRole("heading", { level: 1, name: module.steps[2].title }).waitFor();
  assert.match(page.url(), /\/step\/3$/);
});

// Signing out leaves nothing of the worker on the phone: no journal, no session, no planner
// numbers, no language choice; the next person starts as on a new phone. Changes that have
// not reached the agency are warned about first.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  api,
  budgetModule,
  builtCatalog,
  builtModule,
  journal,
  joinWith,
  messages,
  newWorker,
  phone,
  serverAndBrowser,
  waitForServiceWorker,
} from "./harness.mjs";

/** What the origin keeps in IndexedDB: each database with the number of entries per store. */
async function storedData(page) {
  return page.evaluate(async () => {
    const found = {};
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      found[name] = {};
      for (const store of db.objectStoreNames) {
        found[name][store] = await new Promise((resolve) => {
          const count = db.transaction(store).objectStore(store).count();
          count.onsuccess = () => resolve(count.result);
        });
      }
      db.close();
    }
    return found;
  });
}

test("signing out warns about unsent changes and leaves nothing of the worker", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const worker = await newWorker(server, "Ola");
  const context = await phone(world.browser, { locale: "en-GB" });
  const page = await context.newPage();
  let en = messages("en");

  await page.goto(server.url);
  await waitForServiceWorker(page);
  await joinWith(page, worker.link);
  const status = page.getByTestId("sync-status");
  await status.getByText(en["sync-all-saved"]).waitFor();

  // The worker picks Dutch, fills in the planner and does part of a lesson.
  await page.getByLabel(en["language-label"]).selectOption({ label: "Nederlands" });
  const nl = messages("nl");
  const { module, step } = budgetModule("nl");
  await page.goto(`${server.url}/modules/${module.id}/step/${step}`);
  await page.locator("#budget-income").fill("1200");
  await page.locator("#budget-rent").fill("450");
  await status.getByText(nl["sync-all-saved"]).waitFor();
  const first = builtModule("nl", builtCatalog("nl").modules[0].id);
  await page.goto(`${server.url}/modules/${first.id}`);
  await page.getByRole("heading", { level: 1, name: first.steps[0].title }).waitFor();
  await status.getByText(nl["sync-all-saved"]).waitFor();
  const { session } = await journal(page);
  assert.ok(await page.evaluate(() => localStorage.length) >= 2, "language and planner kept");

  // Offline, one more step: one change waits. The account page warns before signing out.
  await context.setOffline(true);
  await page.locator(".step-nav button").click();
  await status.getByText(/\b1\b/).waitFor();
  await status.getByRole("link").click();
  await page.getByRole("heading", { level: 1, name: nl["account-title"] }).waitFor();
  await page.getByRole("button", { name: nl["account-sign-out"] }).click();
  const question = page.getByText(nl["account-sign-out-question"]);
  await question.waitFor();
  assert.ok(await question.evaluate((el) => el === document.activeElement), "focus on the question");
  await page.getByTestId("sign-out-unsent").getByText(/\b1\b/).waitFor();

  // "No" keeps everything; then the worker goes online again and signs out for real.
  await page.getByRole("button", { name: nl["account-sign-out-cancel"] }).click();
  await context.setOffline(false);
  await page.getByTestId("account-pending").getByText(nl["sync-all-saved"]).waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: nl["account-sign-out"] }).click();
  assert.equal(await page.getByTestId("sign-out-unsent").count(), 0, "nothing unsent, no warning");
  await page.getByRole("button", { name: nl["account-sign-out-yes"] }).click();

  // A fresh phone: the module list in the browser's language, nothing started, not linked.
  en = messages("en");
  await page.waitForURL(`${server.url}/`);
  await page.getByRole("heading", { level: 1, name: en["home-title"] }).waitFor();
  await status.getByRole("link", { name: en["sync-link-agency"] }).waitFor();
  const catalog = builtCatalog("en");
  for (const summary of catalog.modules) {
    const status = page.getByRole("link", { name: new RegExp(summary.title) }).locator(".status");
    await status.waitFor();
    assert.equal(await status.innerText(), en["status-not-started"]);
  }
  assert.equal(await page.evaluate(() => localStorage.length), 0, "localStorage is empty");
  const left = await storedData(page);
  for (const [name, stores] of Object.entries(left)) {
    for (const [store, count] of Object.entries(stores)) {
      assert.equal(count, 0, `${name}/${store} still holds ${count} entries`);
    }
  }
  // The planner starts empty again.
  await page.goto(`${server.url}/modules/${module.id}/step/${step}`);
  assert.equal(await page.locator("#budget-income").inputValue(), "");

  // The session is over on the server too.
  const me = await api(server, "/api/me", { token: session.token });
  assert.equal(me.status, 401);
});

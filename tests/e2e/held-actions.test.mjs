// What a worker does is kept on the phone at once, even while the engine that numbers and
// sends it is still loading (it is a lazy chunk): closing or reloading the app in that moment
// loses nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  builtCatalog,
  builtModule,
  journal,
  messages,
  phone,
  serverAndBrowser,
  until,
} from "./harness.mjs";

/** How many entries each of the journal's stores holds. */
async function storeCounts(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("wegwijs");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const counts = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}

test("actions taken while the engine is still loading survive a reload", async (t) => {
  const world = await serverAndBrowser(t);
  const context = await phone(world.browser, { locale: "en-GB", serviceWorker: false });
  const page = await context.newPage();
  const en = messages("en");
  const summary = builtCatalog("en").modules[0];
  const module = builtModule("en", summary.id);

  // The engine's recording chunk does not arrive: a slow network, or the worker is quick.
  const engine = /\/lazy\/split_record_/;
  await page.route(engine, () => {});
  await page.goto(`${world.server.url}/modules/${module.id}`);
  await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
  await page.locator(".step-nav button").click();
  await page.getByRole("heading", { level: 1, name: module.steps[1].title }).waitFor();
  await until(async () => (await storeCounts(page)).inbox === 2, "the opening and the step held");
  assert.equal((await storeCounts(page)).events ?? 0, 0, "the engine has recorded nothing yet");

  // The app is opened again, and this time the chunk arrives.
  await page.unroute(engine);
  await page.goto(world.server.url);
  const card = page.getByRole("link", { name: new RegExp(summary.title) });
  await card.getByText(en["status-in-progress"]).waitFor();
  const counts = await until(async () => {
    const counts = await storeCounts(page);
    return counts.inbox === 0 && counts;
  }, "the inbox emptied");
  assert.equal(counts.events, 2);
  const kinds = (await journal(page)).events.map((e) => e.activity.type);
  assert.deepEqual(kinds, ["module_opened", "step_completed"]);
});

// One worker, two phones. Both are offline and each finishes a different lesson; back online,
// the agency has each completion exactly once, and both phones show both lessons done.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  builtCatalog,
  builtModule,
  finishModule,
  joinWith,
  messages,
  newJoinCode,
  newWorker,
  phone,
  progressOf,
  serverAndBrowser,
  waitForServiceWorker,
} from "./harness.mjs";

const en = messages("en");

/** The status a module card on the module list shows, once the phone's progress is read. */
async function cardStatus(page, module) {
  const status = page.getByRole("link", { name: new RegExp(module.title) }).locator(".status");
  await status.waitFor();
  return status.innerText();
}

test("two phones of one worker, offline apart, end up with the same progress", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const worker = await newWorker(server, "Ola");
  const catalog = builtCatalog("en");
  const [a, b] = [catalog.modules[0].id, catalog.modules[1].id].map((id) => builtModule("en", id));

  // Each phone is installed and linked with a code of its own.
  const contexts = [];
  const pages = [];
  for (let i = 0; i < 2; i++) {
    // A new code voids the unused one, so the second phone's code comes after the first joined.
    const code = i === 0 ? worker : await newJoinCode(server, worker);
    const context = await phone(world.browser, { locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await joinWith(page, code.link);
    await page.getByTestId("sync-status").getByText(en["sync-all-saved"]).waitFor();
    contexts.push(context);
    pages.push(page);
  }

  // Both go offline; each finishes a different lesson.
  for (const context of contexts) await context.setOffline(true);
  await finishModule(pages[0], server, "en", a);
  await finishModule(pages[1], server, "en", b);
  for (const [page, done, other] of [
    [pages[0], a, b],
    [pages[1], b, a],
  ]) {
    await page.goto(server.url);
    assert.equal(await cardStatus(page, done), en["status-done"]);
    assert.equal(await cardStatus(page, other), en["status-not-started"]);
  }

  // Back online, one after the other: each sends what it did and takes what the other sent.
  for (const [i, context] of contexts.entries()) {
    await context.setOffline(false);
    await pages[i].getByTestId("sync-status").getByText(en["sync-all-saved"]).waitFor();
  }
  // The first phone learns of the second's lesson the next time the app opens.
  await pages[0].reload();

  const held = await progressOf(server, worker);
  assert.equal(held[a.id].completions, 1);
  assert.equal(held[b.id].completions, 1);
  assert.equal(held[a.id].steps_completed, a.steps.length);
  assert.equal(held[b.id].steps_completed, b.steps.length);

  for (const page of pages) {
    for (const module of [a, b]) {
      const card = page.getByRole("link", { name: new RegExp(module.title) });
      await card.locator(".status").getByText(en["status-done"]).waitFor();
    }
  }
});

// A Polish worker on a small phone: loads Wegwijs once online and links it to the agency,
// loses the network, finishes "Calling in sick" offline, and the server holds exactly one
// completion once the phone is back online, also when the same push is replayed.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  api,
  builtModule,
  finishModule,
  journal,
  joinWith,
  messages,
  newWorker,
  phone,
  progressOf,
  serverAndBrowser,
  waitForServiceWorker,
} from "./harness.mjs";

const MODULE = "calling-in-sick";

test("a module finished offline reaches the server exactly once", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const worker = await newWorker(server, "Ola");
  const context = await phone(world.browser, { locale: "en-GB" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));

  // First visit: the browser speaks English, so the app does.
  await page.goto(server.url);
  const en = messages("en");
  await page.getByRole("heading", { level: 1, name: en["home-title"] }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  await waitForServiceWorker(page);
  await joinWith(page, worker.link);
  await page.getByTestId("sync-status").getByText(en["sync-all-saved"]).waitFor();
  await page.getByRole("link", { name: en["join-to-lessons"] }).click();
  await page.getByRole("heading", { level: 1, name: en["home-title"] }).waitFor();

  // The worker switches to Polish.
  const pl = messages("pl");
  await page.getByLabel(en["language-label"]).selectOption({ label: "Polski" });
  await page.getByRole("heading", { level: 1, name: pl["home-title"] }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "pl");

  // The network goes: the server is down and the browser is offline.
  await server.stop();
  await context.setOffline(true);
  await page.reload();

  // The app starts from the service worker, still in Polish.
  await page.getByRole("heading", { level: 1, name: pl["home-title"] }).waitFor();
  const module = builtModule("pl", MODULE);
  await page.getByRole("link", { name: new RegExp(module.title) }).waitFor();
  await finishModule(page, server, "pl", module);
  await page.getByText(module.next_step).waitFor();

  // Everything was recorded on the phone, and is waiting.
  const offline = await journal(page);
  const expected = 1 + module.steps.length + module.quiz.length + 1;
  assert.equal(offline.events.length, expected, "opened + steps + answers + completed");
  assert.equal(
    offline.events.filter((e) => e.activity.type === "module_completed").length,
    1,
  );
  const status = page.getByTestId("sync-status");
  assert.match(await status.innerText(), new RegExp(String(expected)));

  // The outbox outlives the page: reloaded, still offline, the same changes are waiting.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: pl["done-title"] }).waitFor();
  await status.getByText(new RegExp(String(expected))).waitFor();
  assert.deepEqual(await journal(page), offline);

  // The network comes back: the same server (same port, same database) and the browser.
  await world.restartServer();
  await context.setOffline(false);
  await status.getByText(pl["sync-all-saved"]).waitFor({ timeout: 20_000 });

  const progress = await progressOf(server, worker);
  const held = progress[MODULE];
  assert.equal(held.completions, 1);
  assert.equal(held.opened, 1);
  assert.equal(held.steps_completed, module.steps.length);
  assert.equal(held.quiz_answers, module.quiz.length);

  // The same push again, as a flaky network might deliver it: nothing changes.
  const replay = await api(server, "/api/sync/push", {
    token: offline.session.token,
    method: "POST",
    body: { device_id: offline.deviceId, mutations: offline.events },
  });
  assert.equal(replay.status, 200);
  assert.equal(replay.body.applied, 0);
  assert.equal(replay.body.duplicates, expected);
  assert.equal(replay.body.acked_through, expected);
  assert.deepEqual(await progressOf(server, worker), progress);

  assert.deepEqual(errors, []);
});

// The service worker pushes the outbox on its own `sync` event, with the app closed: a linked
// worker finished a step offline, closed Wegwijs, and the phone came back online later. The
// worker pushes with the device's session, as the page does.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  builtModule,
  journal,
  joinWith,
  messages,
  newWorker,
  phone,
  progressOf,
  serverAndBrowser,
  until,
  serviceWorkerSession,
  waitForServiceWorker,
} from "./harness.mjs";

const MODULE = "calling-in-sick";

test("the service worker pushes the outbox on a sync event while the app is closed", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const worker = await newWorker(server, "Ionuț");
  const context = await phone(world.browser, { locale: "ro-RO" });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await joinWith(page, worker.link);
  await page.getByTestId("sync-status").getByText(messages("ro")["sync-all-saved"]).waitFor();

  await server.stop();
  await context.setOffline(true);
  const module = builtModule("ro", MODULE);
  await page.goto(`${server.url}/modules/${MODULE}`);
  await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
  await page.locator(".step-nav button").click();
  await page.getByRole("heading", { level: 1, name: module.steps[1].title }).waitFor();
  await until(async () => (await journal(page)).events.length === 2, "two mutations in the journal");

  // The app is closed; only a blank tab remains to reach the browser's DevTools protocol.
  const blank = await context.newPage();
  await page.close();
  // The same server comes back: same port (so the same origin) and the same database.
  await world.restartServer();
  await context.setOffline(false);

  const { cdp, registrationId } = await serviceWorkerSession(context, blank, server);
  await cdp.send("ServiceWorker.dispatchSyncEvent", {
    origin: server.url,
    registrationId,
    tag: "wegwijs-outbox",
    lastChance: false,
  });

  const held = await until(async () => {
    const module = (await progressOf(server, worker))[MODULE];
    return module?.steps_completed === 1 && module;
  }, "the server to hold the device's mutations");
  assert.equal(held.opened, 1);
  assert.equal(held.steps_completed, 1);
  assert.equal(held.completions, 0);
});

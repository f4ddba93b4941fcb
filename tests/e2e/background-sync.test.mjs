// The service worker pushes the outbox on its own `sync` event, with the app closed: the
// worker finished a step offline, closed Wegwijs, and the phone came back online later.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  builtModule,
  journal,
  phone,
  serverAndBrowser,
  waitForServiceWorker,
} from "./harness.mjs";

const MODULE = "calling-in-sick";

async function until(check, what, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("the service worker pushes the outbox on a sync event while the app is closed", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const context = await phone(world.browser, { locale: "ro-RO" });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);

  await server.stop();
  await context.setOffline(true);
  const module = builtModule("ro", MODULE);
  await page.goto(`${server.url}/modules/${MODULE}`);
  await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
  await page.locator(".step-nav button").click();
  await page.getByRole("heading", { level: 1, name: module.steps[1].title }).waitFor();
  const { deviceId, events } = await until(async () => {
    const j = await journal(page);
    return j.events.length === 2 && j;
  }, "two events in the journal");

  // The app is closed; only a blank tab remains to reach the browser's DevTools protocol.
  const blank = await context.newPage();
  await page.close();
  // The same server comes back: same port (so the same origin) and the same database.
  await world.restartServer();
  await context.setOffline(false);

  const cdp = await context.newCDPSession(blank);
  const registration = new Promise((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.startsWith(server.url) && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }),
  );
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.dispatchSyncEvent", {
    origin: server.url,
    registrationId: await registration,
    tag: "wegwijs-outbox",
    lastChance: false,
  });

  const progress = await until(async () => {
    const response = await fetch(`${server.url}/api/devices/${deviceId}/progress`);
    if (!response.ok) return null;
    const body = await response.json();
    return body.last_seq === events.length && body;
  }, "the server to hold the device's events");
  const held = progress.modules.find((m) => m.module === MODULE);
  assert.equal(held.opened, 1);
  assert.equal(held.steps_completed, 1);
  assert.equal(held.completions, 0);
});

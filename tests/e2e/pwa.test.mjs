// Installable and always current: Chromium finds no installability error, the precache holds
// the whole build, and the next build's service worker takes over and deletes the old cache.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  cleanup,
  copyOfDist,
  launchBrowser,
  persistentPhone,
  phone,
  startServer,
  tempDir,
  waitForServiceWorker,
} from "./harness.mjs";

test("Chromium can install the app and the manifest says how", async (t) => {
  const server = await startServer();
  // Incognito profiles cannot install apps, so this phone has a real profile.
  const profile = tempDir("profile");
  const context = await persistentPhone(profile);
  t.after(async () => {
    await context.close();
    await server.stop();
    cleanup(server.dataDir, profile);
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);

  const manifest = await (await fetch(`${server.url}/manifest.webmanifest`)).json();
  assert.equal(manifest.display, "standalone");
  assert.equal(manifest.start_url, "/");
  assert.equal(manifest.scope, "/");
  for (const [size, purpose] of [
    ["192x192", "any"],
    ["512x512", "any"],
    ["512x512", "maskable"],
  ]) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.purpose === purpose);
    assert.ok(icon, `an icon ${size} for ${purpose}`);
    const response = await fetch(`${server.url}${icon.src}`);
    assert.equal(response.headers.get("content-type"), "image/png");
  }

  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
});

test("the next build's service worker takes over, reloads the page and deletes the old cache", async (t) => {
  const dist = copyOfDist();
  const server = await startServer({ dist });
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await server.stop();
    cleanup(server.dataDir, dist);
  });
  const page = await (await phone(browser)).newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);

  const sw = readFileSync(join(dist, "sw.js"), "utf8");
  const version = /const VERSION = "([0-9a-f]+)"/.exec(sw)[1];
  const precache = JSON.parse(/const PRECACHE = (\[.*\]);/.exec(sw)[1]);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`wegwijs-${version}`]);
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  }, `wegwijs-${version}`);
  assert.deepEqual(cached, [...precache].sort());
  for (const must of ["/index.html", "/manifest.webmanifest", "/content/pl/calling-in-sick.json"]) {
    assert.ok(cached.includes(must), `${must} is precached`);
  }
  assert.ok(cached.some((p) => p.endsWith(".wasm")), "the wasm is precached");
  assert.ok(cached.some((p) => p.startsWith("/pictograms/")), "pictograms are precached");

  // The next release: a new version of the worker on the same server.
  const next = "0123456789abcdef";
  writeFileSync(join(dist, "sw.js"), sw.replace(version, next));
  for (const compressed of ["sw.js.br", "sw.js.gz"]) cleanup(join(dist, compressed));
  // The open page reloads into the new build once the new worker takes over.
  const reloaded = page.waitForEvent("load");
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.update();
  });
  await reloaded;
  await page.waitForFunction(
    async (name) => {
      const keys = await caches.keys();
      return keys.length === 1 && keys[0] === name;
    },
    `wegwijs-${next}`,
  );
});

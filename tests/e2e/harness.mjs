// Shared pieces of the end-to-end tests: the real server on a free port with its own SQLite
// file, Debian's Chromium through playwright-core, and the catalogue texts a user would read.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, cpSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS } from "../../tools/chromium-flags.mjs";

const SERVER_BIN = process.env.WEGWIJS_SERVER_BIN;
const DIST = process.env.WEGWIJS_DIST;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ROOT = new URL("../..", import.meta.url).pathname;

if (!SERVER_BIN || !DIST) {
  throw new Error("run through `cargo xtask test`, which sets WEGWIJS_SERVER_BIN and WEGWIJS_DIST");
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), `wegwijs-${prefix}-`));
}

/** A copy of the build that a test may change, e.g. to simulate the next release. */
export function copyOfDist() {
  const dir = tempDir("dist");
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/**
 * Starts the server and resolves once it says it is running. The same port and data
 * directory can be given again to restart "the same" server after a simulated outage.
 */
export async function startServer({ port, dataDir, dist = DIST, demo = false } = {}) {
  port ??= await freePort();
  dataDir ??= tempDir("data");
  const args = ["serve", "--addr", `127.0.0.1:${port}`, "--data-dir", dataDir, "--dist", dist];
  if (demo) args.push("--demo");
  const child = spawn(SERVER_BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000);
    child.stdout.on("data", (chunk) => {
      log += chunk;
      if (log.includes("Wegwijs is running on")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    dataDir,
    dist,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

const LAUNCH = { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS };

/** A small phone, speaking the given languages. */
const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  serviceWorkers: "allow",
};

/**
 * A server with its own database and a browser, both closed after the test. `restartServer`
 * brings the same server back (same port, so the same origin, and the same database) after
 * the test stopped it to cut the network.
 */
export async function serverAndBrowser(t) {
  const world = { server: await startServer(), browser: await launchBrowser() };
  world.restartServer = async () => {
    const { port, dataDir } = world.server;
    world.server = await startServer({ port, dataDir });
    return world.server;
  };
  t.after(async () => {
    await world.browser.close();
    await world.server.stop();
    cleanup(world.server.dataDir);
  });
  return world;
}

/** Debian's Chromium, headless. */
export async function launchBrowser() {
  return chromium.launch(LAUNCH);
}

/** A fresh phone profile (incognito-like) in a running browser. */
export async function phone(browser, { locale = "en-US" } = {}) {
  return browser.newContext({ ...PHONE, locale });
}

/** A phone with a real, on-disk profile, as an installed browser has. Close it when done. */
export async function persistentPhone(profileDir, { locale = "en-US" } = {}) {
  return chromium.launchPersistentContext(profileDir, { ...LAUNCH, ...PHONE, locale });
}

/** Waits until the service worker controls the page, i.e. the app is installed offline. */
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
    }
  });
}

/**
 * The plain-text messages of a Fluent catalogue (variables left as `{ $name }`), so tests
 * assert what a user of that language reads without copying the words into the test.
 */
export function messages(locale) {
  const source = readFileSync(join(ROOT, "locales", locale, "main.ftl"), "utf8");
  const found = {};
  for (const line of source.split("\n")) {
    const match = /^([a-z][a-z0-9-]*)\s*=\s*(\S.*)$/.exec(line);
    if (match) found[match[1]] = match[2].trim();
  }
  return found;
}

/** The built module content of one language, as the app loads it. */
export function builtModule(locale, id, dist = DIST) {
  return JSON.parse(readFileSync(join(dist, "content", locale, `${id}.json`), "utf8"));
}

/** Every event in this device's IndexedDB journal, and its device id. */
export async function journal(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("wegwijs");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["events", "meta"], "readonly");
          const events = tx.objectStore("events").getAll();
          const device = tx.objectStore("meta").get("device_id");
          tx.oncomplete = () => {
            resolve({ deviceId: device.result, events: events.result });
            db.close();
          };
        };
      }),
  );
}

export function cleanup(...dirs) {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** The built module list of one language. */
export function builtCatalog(locale, dist = DIST) {
  return JSON.parse(readFileSync(join(dist, "content", locale, "index.json"), "utf8"));
}

/** axe-core's report for the page, serious and critical violations only. */
export async function seriousAccessibilityViolations(page) {
  await page.addScriptTag({ path: join(ROOT, "node_modules/axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => (await window.axe.run()).violations);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The module that carries the budget planner, and the (1-based) step it is on. */
export function budgetModule(locale) {
  for (const summary of builtCatalog(locale).modules) {
    const module = builtModule(locale, summary.id);
    const index = module.steps.findIndex((s) => s.tool === "budget-planner");
    if (index >= 0) return { module, step: index + 1 };
  }
  throw new Error("no module has the budget planner");
}

export const LOCALES = ["pl", "ro", "en", "nl"];

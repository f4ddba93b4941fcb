// Shared pieces of the end-to-end tests: the real server on a free port with its own SQLite
// file, Debian's Chromium through playwright-core, and the catalogue texts a user would read.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, cpSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
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

/** The agency every test server starts with, and its admin. */
export const ADMIN = {
  agency: "Flex BV",
  name: "Anna",
  email: "anna@flex.example",
  password: "correct horse battery staple",
};

/** Makes the agency and its admin in a new data directory, before the server serves it. */
function createAgency(dataDir) {
  const result = spawnSync(
    SERVER_BIN,
    ["create-agency", "--data-dir", dataDir, "--name", ADMIN.agency]
      .concat(["--admin-name", ADMIN.name, "--admin-email", ADMIN.email]),
    { env: { ...process.env, WEGWIJS_ADMIN_PASSWORD: ADMIN.password }, encoding: "utf8" },
  );
  if (result.status !== 0) {
    throw new Error(`create-agency failed (${result.status}):\n${result.stderr}${result.stdout}`);
  }
}

/**
 * Starts the server and resolves once it says it is running. A new data directory gets the
 * agency of `ADMIN` first. The same port and data directory can be given again to restart
 * "the same" server after a simulated outage.
 */
export async function startServer({ port, dataDir, dist = DIST, demo = false } = {}) {
  port ??= await freePort();
  if (!dataDir) {
    dataDir = tempDir("data");
    createAgency(dataDir);
  }
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

/**
 * A fresh phone profile (incognito-like) in a running browser. `axe: true` lets a test inject
 * axe-core past the page's CSP; `serviceWorker: false` lets `page.route` see every request
 * (a service worker's fetches bypass it).
 */
export async function phone(browser, { locale = "en-US", axe = false, serviceWorker = true } = {}) {
  return browser.newContext({
    ...PHONE,
    locale,
    bypassCSP: axe,
    serviceWorkers: serviceWorker ? "allow" : "block",
  });
}

/** A phone with a real, on-disk profile, as an installed browser has. Close it when done. */
export async function persistentPhone(profileDir, { locale = "en-US" } = {}) {
  return chromium.launchPersistentContext(profileDir, { ...LAUNCH, ...PHONE, locale });
}

/**
 * A DevTools session on `page` with the service worker domain enabled, and the id of the app's
 * service worker registration, for dispatching events to it (sync, push) as the browser would.
 */
export async function serviceWorkerSession(context, page, server) {
  const cdp = await context.newCDPSession(page);
  const registration = new Promise((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.startsWith(server.url) && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }),
  );
  await cdp.send("ServiceWorker.enable");
  return { cdp, registrationId: await registration };
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

/**
 * The variants of a plural message, e.g. `{ one: "…{ $count }…", other: "…" }`, and a regular
 * expression that matches any of them with any number in the variable's place.
 */
export function pluralMessage(locale, id) {
  const source = readFileSync(join(ROOT, "locales", locale, "main.ftl"), "utf8");
  const start = source.indexOf(`\n${id} =\n`);
  if (start < 0) throw new Error(`${locale}: no plural message ${id}`);
  const variants = {};
  for (const line of source.slice(start + id.length + 4).split("\n")) {
    const match = /^\s+\*?\[([a-z]+)\]\s*(.*)$/.exec(line);
    if (match) variants[match[1]] = match[2].trim();
    else if (/^\s+}/.test(line)) break;
  }
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const alternatives = Object.values(variants).map((text) =>
    text.split(/\{ \$[a-z]+ \}/).map(escape).join("(\\d+)"),
  );
  return { variants, pattern: new RegExp(`^(?:${alternatives.join("|")})$`) };
}

/** The built module content of one language, as the app loads it. */
export function builtModule(locale, id, dist = DIST) {
  return JSON.parse(readFileSync(join(dist, "content", locale, `${id}.json`), "utf8"));
}

/**
 * This device's IndexedDB journal: every mutation (`events`), the device id, the session
 * (`{ token, person }`) and what pulls brought (`pulled`).
 */
export async function journal(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("wegwijs");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["events", "meta", "pulled"], "readonly");
          const events = tx.objectStore("events").getAll();
          const pulled = tx.objectStore("pulled").getAll();
          const device = tx.objectStore("meta").get("device_id");
          const session = tx.objectStore("meta").get("session");
          tx.oncomplete = () => {
            resolve({
              deviceId: device.result,
              events: events.result,
              session: session.result,
              pulled: pulled.result,
            });
            db.close();
          };
        };
      }),
  );
}

/** A JSON request to the API, as a staff member or a device with `token` would make it. */
export async function api(server, path, { token, method = "GET", body } = {}) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The agency admin's session token. */
export async function signInAsAdmin(server) {
  const { status, body } = await api(server, "/api/auth/login", {
    method: "POST",
    body: { email: ADMIN.email, password: ADMIN.password },
  });
  assert.equal(status, 200, "the admin signs in");
  return body.token;
}

/**
 * A new worker of the agency, made by its admin, with a join code: `{ id, name, code, link,
 * admin }`, `admin` being the admin's token.
 */
export async function newWorker(server, name = "Ola") {
  const admin = await signInAsAdmin(server);
  const { status, body } = await api(server, "/api/workers", {
    token: admin,
    method: "POST",
    body: { name },
  });
  assert.equal(status, 201, "the admin adds a worker");
  return { id: body.worker.id, name, code: body.join.code, link: joinLink(server, body.join), admin };
}

/** A fresh join code for a worker, for their next device. */
export async function newJoinCode(server, worker) {
  const { status, body } = await api(server, `/api/workers/${worker.id}/join-code`, {
    token: worker.admin,
    method: "POST",
  });
  assert.ok(status === 200 || status === 201, `a new join code (${status})`);
  return { code: body.code, link: joinLink(server, body) };
}

// The link the server made, on the origin the browser uses.
function joinLink(server, join) {
  return `${server.url}/join#${join.code}`;
}

/** What the agency sees of a worker: counts per module, by module id. */
export async function progressOf(server, worker) {
  const { status, body } = await api(server, `/api/people/${worker.id}/progress`, {
    token: worker.admin,
  });
  assert.equal(status, 200, "the admin reads the worker's progress");
  return Object.fromEntries(body.modules.map((m) => [m.module, m]));
}

/** Opens a join link on the phone and waits until the phone is linked. */
export async function joinWith(page, link) {
  await page.goto(link);
  await page.getByTestId("joined").waitFor();
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

/**
 * Goes through a whole module as a worker would: every step, every question answered right,
 * up to the done screen. `locale` is the app's language; `module` the built module.
 */
export async function finishModule(page, server, locale, module) {
  const words = messages(locale);
  await page.goto(`${server.url}/modules/${module.id}`);
  for (const step of module.steps) {
    await page.getByRole("heading", { level: 1, name: step.title }).waitFor();
    await page.locator(".step-nav button").click();
  }
  for (const question of module.quiz) {
    await page.getByRole("heading", { level: 1, name: question.prompt }).waitFor();
    for (const option of question.options.filter((o) => o.correct)) {
      await page.getByLabel(option.text, { exact: true }).check();
    }
    if (question.kind === "multiple") {
      await page.getByRole("button", { name: words["quiz-check"] }).click();
    }
    await page.getByTestId("quiz-verdict").getByText(words["quiz-right"]).waitFor();
    await page.locator(".step-nav button").click();
  }
  await page.getByRole("heading", { level: 1, name: words["done-title"] }).waitFor();
}

/** Polls `check` until it returns something truthy, and returns that. */
export async function until(check, what, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

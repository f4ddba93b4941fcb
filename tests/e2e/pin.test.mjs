// A PIN locks Wegwijs on a phone others pick up: nothing of the worker shows until it is
// typed, wrong tries make the next one wait (also after a reload), and a forgotten PIN is
// no dead end: signing out sends what waits first and leaves nothing behind.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  builtCatalog,
  builtModule,
  journal,
  joinWith,
  messages,
  newWorker,
  phone,
  pluralMessage,
  progressOf,
  seriousAccessibilityViolations,
  serverAndBrowser,
  until,
  waitForServiceWorker,
} from "./harness.mjs";

const PIN = "2580";

async function setPin(page, words, first, repeated) {
  await page.getByLabel(words["pin-new"]).fill(first);
  await page.getByLabel(words["pin-repeat"]).fill(repeated);
  await page.getByRole("button", { name: words["pin-set"] }).click();
}

async function typePin(page, words, pin) {
  await page.getByLabel(words["lock-pin-label"]).fill(pin);
  await page.getByRole("button", { name: words["lock-unlock"] }).click();
}

test("a PIN keeps the app shut until it is typed, and wrong tries make the next one wait", async (t) => {
  const world = await serverAndBrowser(t);
  const context = await phone(world.browser, { locale: "pl-PL", axe: true });
  const page = await context.newPage();
  await page.clock.install();
  const pl = messages("pl");
  const lockMessage = page.getByTestId("lock-message");

  await page.goto(`${world.server.url}/account`);
  await page.getByRole("heading", { level: 1, name: pl["account-title"] }).waitFor();
  const pinMessage = page.getByTestId("pin-message");
  await setPin(page, pl, "1234", "1234");
  await pinMessage.getByText(pl["pin-problem-easy"]).waitFor();
  await setPin(page, pl, PIN, "2581");
  await pinMessage.getByText(pl["pin-problem-different"]).waitFor();
  await setPin(page, pl, PIN, PIN);
  await pinMessage.getByText(pl["pin-saved"]).waitFor();

  // Opening the app again shows the lock and nothing behind it.
  await page.goto(world.server.url);
  await page.getByRole("heading", { level: 1, name: pl["lock-title"] }).waitFor();
  assert.equal(await page.getByRole("heading", { name: pl["home-title"] }).count(), 0);
  assert.equal(await page.locator("main a[href^='/modules/']").count(), 0, "no module list");
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, "unlock-pin", "the PIN field has the focus");
  assert.deepEqual(await seriousAccessibilityViolations(page), []);

  // Wrong PINs: each says how many tries are left before a wait, counting down, until one
  // starts the wait; then even the right PIN is not tried.
  const wrong = pluralMessage("pl", "lock-wrong");
  const wait = pluralMessage("pl", "lock-wait");
  const triesLeft = [];
  for (let tried = 0; tried < 20; tried++) {
    await typePin(page, pl, "1111");
    const text = await until(async () => {
      const shown = (await lockMessage.innerText()).trim();
      return shown && shown !== triesLeft.at(-1)?.text && shown;
    }, "a new message after a wrong PIN");
    if (wait.pattern.test(text)) break;
    const match = text.match(wrong.pattern);
    assert.ok(match, `"${text}" says the PIN was wrong`);
    triesLeft.push({ text, left: Number(match.slice(1).find(Boolean) ?? 1) });
  }
  assert.ok(triesLeft.length >= 2, "a typo or two costs no wait");
  triesLeft.forEach(({ left }, i) => i > 0 && assert.equal(left, triesLeft[i - 1].left - 1));
  assert.equal(triesLeft.at(-1).left, 1, "the last free try is announced");

  await typePin(page, pl, PIN);
  await page.waitForTimeout(300);
  assert.match((await lockMessage.innerText()).trim(), wait.pattern);
  assert.equal(await page.getByRole("heading", { name: pl["lock-title"] }).count(), 1);

  // A reload does not reset the count.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: pl["lock-title"] }).waitFor();
  assert.match((await lockMessage.innerText()).trim(), wait.pattern);

  // After the wait, the right PIN opens the app.
  await page.clock.fastForward("02:00");
  await typePin(page, pl, PIN);
  await page.getByRole("heading", { level: 1, name: pl["home-title"] }).waitFor();

  // Taking the PIN off needs the PIN.
  await page.goto(`${world.server.url}/account`);
  await typePin(page, pl, PIN);
  await page.getByRole("heading", { level: 1, name: pl["account-title"] }).waitFor();
  await page.getByLabel(pl["pin-current"]).fill("9999");
  await page.getByRole("button", { name: pl["pin-remove"] }).click();
  await pinMessage.getByText(pl["pin-wrong"]).waitFor();
  await page.getByLabel(pl["pin-current"]).fill(PIN);
  await page.getByRole("button", { name: pl["pin-remove"] }).click();
  await pinMessage.getByText(pl["pin-removed"]).waitFor();
  await page.goto(world.server.url);
  await page.getByRole("heading", { level: 1, name: pl["home-title"] }).waitFor();
});

test("a worker who forgot the PIN signs out; what waited reaches the agency first", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const worker = await newWorker(server, "Ionela");
  const context = await phone(world.browser, { locale: "en-GB" });
  const page = await context.newPage();
  const en = messages("en");
  const status = page.getByTestId("sync-status");

  await page.goto(server.url);
  await waitForServiceWorker(page);
  await joinWith(page, worker.link);
  await status.getByText(en["sync-all-saved"]).waitFor();
  const { session } = await journal(page);

  // Offline: a step of a lesson waits on the phone; the worker sets a PIN.
  await context.setOffline(true);
  await page.goto(server.url);
  const module = builtModule("en", builtCatalog("en").modules[0].id);
  await page.goto(`${server.url}/modules/${module.id}`);
  await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
  await page.locator(".step-nav button").click();
  await page.getByRole("heading", { level: 1, name: module.steps[1].title }).waitFor();
  const waiting = pluralMessage("en", "sync-offline-waiting").pattern;
  await until(async () => waiting.test((await status.innerText()).trim()), "changes waiting");
  await page.goto(`${server.url}/account`);
  await setPin(page, en, PIN, PIN);
  await page.getByTestId("pin-message").getByText(en["pin-saved"]).waitFor();

  // Later, still offline, the PIN is forgotten. Signing out must wait for the network.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: en["lock-title"] }).waitFor();
  await page.getByText(en["lock-forgot"]).click();
  await page.getByText(en["lock-forgot-linked"]).waitFor();
  await page.getByRole("button", { name: en["account-sign-out"] }).click();
  await page.getByText(en["lock-forgot-not-sent"]).waitFor();
  assert.ok((await progressOf(server, worker))[module.id] === undefined, "nothing sent yet");

  // Online: the waiting step is sent, then the phone is cleared.
  await context.setOffline(false);
  await page.getByRole("button", { name: en["account-sign-out"] }).click();
  await page.getByRole("heading", { level: 1, name: en["home-title"] }).waitFor({ timeout: 30_000 });
  await status.getByRole("link", { name: en["sync-link-agency"] }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0, "no PIN, no session left");
  const held = await until(
    async () => (await progressOf(server, worker))[module.id],
    "the step on the server",
  );
  assert.equal(held.steps_completed, 1);
  const me = await fetch(`${server.url}/api/me`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  assert.equal(me.status, 401, "the session is over");
});

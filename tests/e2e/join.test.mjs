// A worker links a phone to the agency with the code the intercedent gave: from the link on a
// fresh phone, or typed. What they did before linking is not lost: it reaches the agency.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  api,
  builtModule,
  journal,
  messages,
  newJoinCode,
  newWorker,
  phone,
  progressOf,
  serverAndBrowser,
  until,
  waitForServiceWorker,
} from "./harness.mjs";

const MODULE = "calling-in-sick";

function fill(message, value) {
  return message.replace(/\{ *\$\w+ *\}/, value);
}

test("progress made before joining reaches the agency once the phone is linked by the link", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const worker = await newWorker(server, "Ola");
  const page = await (await phone(world.browser, { locale: "en-GB" })).newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const en = messages("en");

  // Not linked: the app works on its own and offers to link, without counting anything.
  await page.goto(server.url);
  const status = page.getByTestId("sync-status");
  await status.getByRole("link", { name: en["sync-link-agency"] }).waitFor();
  await waitForServiceWorker(page);

  // Two steps of a lesson before joining.
  const module = builtModule("en", MODULE);
  await page.goto(`${server.url}/modules/${MODULE}`);
  await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
  await page.locator(".step-nav button").click();
  await page.getByRole("heading", { level: 1, name: module.steps[1].title }).waitFor();
  await page.locator(".step-nav button").click();
  await page.getByRole("heading", { level: 1, name: module.steps[2].title }).waitFor();
  const before = await until(async () => {
    const j = await journal(page);
    return j.events.length === 3 && j;
  }, "three mutations in the journal");
  assert.equal(before.session, undefined, "no session before joining");

  // The worker opens the link from the intercedent: the phone joins at once.
  await page.goto(worker.link);
  await page.getByTestId("joined").waitFor();
  await page.getByText(fill(en["join-done"], worker.name)).waitFor();
  assert.ok(!page.url().includes("#"), `the code is gone from the address: ${page.url()}`);
  assert.ok(!page.url().includes(worker.code));

  // The device kept its id and its journal, and got a session for this worker.
  const after = await journal(page);
  assert.equal(after.deviceId, before.deviceId);
  assert.equal(after.session.person.id, worker.id);
  assert.equal(typeof after.session.token, "string");

  // What was done before joining is sent, and the header says so.
  await status.getByText(en["sync-all-saved"]).waitFor({ timeout: 20_000 });
  const held = (await progressOf(server, worker))[MODULE];
  assert.equal(held.opened, 1);
  assert.equal(held.steps_completed, 2);

  // The account page names the worker and when everything was last sent.
  await status.getByRole("link").click();
  await page.getByRole("heading", { level: 1, name: en["account-title"] }).waitFor();
  await page.getByText(fill(en["account-linked"], worker.name)).waitFor();
  await page.getByTestId("account-pending").getByText(en["sync-all-saved"]).waitFor();
  assert.doesNotMatch(
    await page.getByTestId("account-last-synced").innerText(),
    new RegExp(en["account-never-synced"]),
  );

  // The persisted storage request does not break anything, and the code cannot be used twice.
  const reuse = await api(server, "/api/auth/join", {
    method: "POST",
    body: { code: worker.code, device_id: "0b6c2f3e-6a2d-4c4b-9a37-0d9f2d0b1c11" },
  });
  assert.equal(reuse.status, 401);
  assert.deepEqual(errors, []);
});

test("a typed code is read however it is written, and a wrong one is explained", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const worker = await newWorker(server, "Ionuț");
  const page = await (await phone(world.browser, { locale: "ro-RO" })).newPage();
  const ro = messages("ro");

  await page.goto(`${server.url}/join`);
  await page.getByRole("heading", { level: 1, name: ro["join-title"] }).waitFor();
  const field = page.getByLabel(ro["join-code-label"]);
  const submit = page.getByRole("button", { name: ro["join-submit"] });

  // Too short to be a code: said at once, nothing is sent.
  await field.fill("ABC-DEF");
  await submit.click();
  await page.getByRole("alert").getByText(ro["join-not-a-code"]).waitFor();
  assert.equal(await field.getAttribute("aria-invalid"), "true");

  // A code of the right shape that the agency never gave.
  await field.fill("ZZZZ-ZZZZ");
  await submit.click();
  await page.getByRole("alert").getByText(ro["join-wrong-code"]).waitFor();

  // The real code, typed in small letters with a space: it works.
  await field.fill(` ${worker.code.toLowerCase().replace("-", " ")} `);
  await submit.click();
  await page.getByTestId("joined").waitFor();
  await page.getByText(fill(ro["join-done"], worker.name)).waitFor();
  await page.getByRole("link", { name: ro["join-to-lessons"] }).click();
  await page.getByRole("heading", { level: 1, name: ro["home-title"] }).waitFor();
  await page.getByTestId("sync-status").getByText(ro["sync-all-saved"]).waitFor();
});

test("too many wrong codes: the worker is told to wait", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const page = await (await phone(world.browser, { locale: "pl-PL" })).newPage();
  const pl = messages("pl");

  // Someone tried codes from this address already.
  for (let i = 0; i < 12; i++) {
    await api(server, "/api/auth/join", {
      method: "POST",
      body: { code: `ZZZZ-ZZ${"23456789ABCD"[i]}Z`, device_id: "0b6c2f3e-6a2d-4c4b-9a37-0d9f2d0b1c11" },
    });
  }
  await page.goto(`${server.url}/join#ZZZZ-ZZZZ`);
  const alert = page.getByRole("alert");
  await alert.getByText(/Za dużo prób/).waitFor();
  assert.match(await alert.innerText(), /\d+ minut/);
  assert.doesNotMatch(await alert.innerText(), new RegExp(pl["join-wrong-code"]));
});

test("a session the agency revoked keeps the progress, and another worker's code is refused", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const worker = await newWorker(server, "Marta");
  const page = await (await phone(world.browser, { locale: "nl-NL" })).newPage();
  const nl = messages("nl");

  await page.goto(worker.link);
  await page.getByTestId("joined").waitFor();
  const status = page.getByTestId("sync-status");
  await status.getByText(nl["sync-all-saved"]).waitFor({ timeout: 20_000 });

  // The intercedent ends the phone's session.
  const sessions = await api(server, `/api/workers/${worker.id}/sessions`, { token: worker.admin });
  assert.equal(sessions.status, 200);
  for (const session of sessions.body.filter((s) => !s.revoked)) {
    const revoked = await api(server, `/api/sessions/${session.id}`, {
      token: worker.admin,
      method: "DELETE",
    });
    assert.ok(revoked.status < 300, `revoking a session: ${revoked.status}`);
  }

  // The next thing the worker does is kept on the phone; the app says they were signed out.
  const module = builtModule("nl", MODULE);
  await page.goto(`${server.url}/modules/${MODULE}`);
  await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
  await page.locator(".step-nav button").click();
  await status.getByText(nl["sync-signed-out"]).waitFor({ timeout: 20_000 });
  const kept = await journal(page);
  assert.equal(kept.events.length, 2, "opened and one step, kept on the phone");
  assert.equal(kept.session.token, null);
  assert.equal(kept.session.person.id, worker.id);

  await status.getByRole("link").click();
  await page.getByTestId("signed-out").getByText(nl["account-signed-out-by-agency"]).waitFor();

  // Another worker's code on this phone: the server refuses, and the app says why.
  const other = await newWorker(server, "Piotr");
  await page.goto(other.link);
  await page.getByRole("alert").getByText(nl["join-other-person"]).waitFor();

  // A new code for the same worker links the phone again, and what waited is sent.
  const again = await newJoinCode(server, worker);
  await page.goto(again.link);
  await page.getByTestId("joined").waitFor();
  await status.getByText(nl["sync-all-saved"]).waitFor({ timeout: 20_000 });
  const held = (await progressOf(server, worker))[MODULE];
  assert.equal(held.opened, 1);
  assert.equal(held.steps_completed, 1);
});

test("a journal from before accounts keeps its progress and sends all of it after joining", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const worker = await newWorker(server, "Ola");
  const page = await (await phone(world.browser, { locale: "en-GB" })).newPage();
  const en = messages("en");
  const module = builtModule("en", MODULE);

  // A phone that used the first version: its journal (version 1) says the old server, whose
  // tables are gone, acknowledged everything.
  await page.goto(`${server.url}/manifest.webmanifest`);
  await page.evaluate(
    ({ module, steps }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("wegwijs", 1);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore("events", { keyPath: "seq" });
          db.createObjectStore("meta");
        };
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["events", "meta"], "readwrite");
          const activities = [{ type: "module_opened", module, version: 1 }].concat(
            steps.map((step) => ({ type: "step_completed", module, step })),
          );
          activities.forEach((activity, i) =>
            tx.objectStore("events").put({ seq: i + 1, id: `old-${i}`, at_ms: 1000 + i, activity }),
          );
          tx.objectStore("meta").put("0b6c2f3e-6a2d-4c4b-9a37-0d9f2d0b1c11", "device_id");
          tx.objectStore("meta").put(activities.length + 1, "next_seq");
          tx.objectStore("meta").put(activities.length, "acked_through");
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { module: MODULE, steps: module.steps.slice(0, 2).map((s) => s.id) },
  );

  // The new app reads it: the lesson is started.
  await page.goto(server.url);
  const card = page.getByRole("link", { name: new RegExp(module.title) });
  await card.locator(".status").getByText(en["status-in-progress"]).waitFor();

  // Joining sends all three again, since the new server has none of them.
  await page.goto(worker.link);
  await page.getByTestId("joined").waitFor();
  await page.getByTestId("sync-status").getByText(en["sync-all-saved"]).waitFor();
  const held = (await progressOf(server, worker))[MODULE];
  assert.equal(held.opened, 1);
  assert.equal(held.steps_completed, 2);
  await page.goto(server.url);
  await card.locator(".status").getByText(en["status-in-progress"]).waitFor();
});

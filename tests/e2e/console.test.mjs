// The three roles, each in their own browser: an intercedent at a desk assigns a module, the
// worker finishes it offline and syncs, the intercedent sees it done and follows up; a buddy
// logs a check-in offline with a flag, and the intercedent sees the flag but not the private
// note, until the newcomer shares notes.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ADMIN,
  api,
  builtCatalog,
  builtModule,
  finishModule,
  joinWith,
  messages,
  phone,
  serverAndBrowser,
  signInAsAdmin,
  until,
  waitForServiceWorker,
} from "./harness.mjs";

const en = messages("en");
const fill = (message, values) =>
  Object.entries(values).reduce((text, [name, value]) => text.replace(`{ $${name} }`, value), message);

/** An intercedent of the agency, made by its admin: `{ email, password }`. */
async function newIntercedent(server) {
  const admin = await signInAsAdmin(server);
  const intercedent = {
    name: "Iris",
    email: `iris-${Date.now()}@flex.example`,
    password: "a long enough password",
  };
  const { status } = await api(server, "/api/intercedents", {
    token: admin,
    method: "POST",
    body: intercedent,
  });
  assert.equal(status, 201, "the admin adds an intercedent");
  return intercedent;
}

/** The intercedent's browser at a desk, signed in to the console. */
async function console_(world, who) {
  const desk = await world.browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
  const page = await desk.newPage();
  await page.goto(`${world.server.url}/console`);
  await page.getByLabel(en["console-email"]).fill(who.email);
  await page.getByLabel(en["console-password"]).fill(who.password);
  await page.getByRole("button", { name: en["console-sign-in"] }).click();
  await page.getByRole("heading", { level: 1, name: en["console-workers"] }).waitFor();
  return page;
}

/** Days from today, as `2026-12-01`, on this machine's calendar (the browser's too). */
function day(offset) {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

test("an intercedent assigns a module, the worker finishes it offline, the intercedent sees it done", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const desk = await console_(world, await newIntercedent(server));

  // A new worker: the console shows the code and the link for the phone.
  await desk.getByLabel(en["console-worker-name"]).fill("Marek");
  await desk.getByRole("button", { name: en["console-add-worker"] }).click();
  const link = await desk.getByTestId("join-link").innerText();
  assert.match(await desk.getByTestId("join-code").innerText(), /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  const phoneContext = await phone(world.browser, { locale: "en-GB" });
  const worker = await phoneContext.newPage();
  await worker.goto(server.url);
  await waitForServiceWorker(worker);
  await joinWith(worker, link);

  // The intercedent assigns one module, due in two weeks.
  const module = builtModule("en", builtCatalog("en").modules[1].id);
  await desk.reload();
  await desk.getByTestId("workers").getByRole("link", { name: "Marek" }).click();
  await desk.getByRole("heading", { level: 1, name: "Marek" }).waitFor();
  await desk.getByLabel(module.title).check();
  await desk.getByLabel(en["console-due-date"]).fill(day(14));
  await desk.getByRole("button", { name: en["console-assign"], exact: true }).click();
  await desk.getByText(en["console-assigned"]).waitFor();
  const item = desk.getByTestId("assigned-item");
  await item.getByText(en["console-not-done"]).waitFor();

  // On the phone, after a sync, the header counts the news and the space shows the module.
  await worker.goto(server.url);
  await worker.getByTestId("notice-count").getByText("1").waitFor({ timeout: 20_000 });
  await worker.getByTestId("space-link").click();
  await worker.getByText(en["notice-new-assignment"]).waitFor();
  const mine = worker.getByTestId("my-assigned-item");
  await mine.getByRole("link", { name: module.title }).waitFor();
  await mine.getByText(en["console-not-done"]).waitFor();

  // Offline, the worker goes through the whole module; the space shows it done at once.
  await phoneContext.setOffline(true);
  await finishModule(worker, server, "en", module);
  await worker.goto(`${server.url}/me`);
  await mine.getByText(en["status-done"]).waitFor();
  await desk.reload();
  await desk.getByTestId("assigned-item").getByText(en["console-not-done"]).waitFor();

  // Online again: the intercedent sees it done, with a follow-up prompt.
  await phoneContext.setOffline(false);
  await until(async () => {
    await desk.reload();
    await desk.getByTestId("assigned-item").waitFor();
    return !(await desk.getByTestId("item-state").innerText()).includes(en["console-not-done"]);
  }, "the intercedent to see the module done");
  await desk.getByRole("link", { name: en["console-workers"] }).click();
  const followUps = desk.getByTestId("follow-ups");
  await followUps.getByRole("link", { name: "Marek" }).waitFor();
  const doneText = fill(en["console-modules-done"], { done: "1", assigned: "1" });
  await desk.getByTestId("worker-row").getByText(doneText).waitFor();
  await followUps.getByRole("button", { name: en["console-followed-up"] }).click();
  await desk.getByText(en["console-no-follow-ups"]).waitFor();

  // An assignment can be taken back.
  await desk.getByTestId("workers").getByRole("link", { name: "Marek" }).click();
  await desk.getByRole("button", { name: en["console-unassign"] }).click();
  await desk.getByText(en["console-nothing-assigned"]).waitFor();
});

test("a buddy logs a check-in offline with a flag; the intercedent sees the flag, not the note", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const admin = await signInAsAdmin(server);
  const add = async (name) => {
    const { status, body } = await api(server, "/api/workers", { token: admin, method: "POST", body: { name } });
    assert.equal(status, 201);
    return { id: body.worker.id, link: `${server.url}/join#${body.join.code}` };
  };
  const newcomer = await add("Ioana");
  const buddy = await add("Piotr");
  const put = async (path, body) => {
    const { status } = await api(server, path, { token: admin, method: "PUT", body });
    assert.equal(status, 204, path);
  };
  await put(`/api/workers/${newcomer.id}/placement`, {
    start_date: day(-8),
    site: "DC Venlo",
    shift: "day",
    town: "Venlo",
    languages: ["ro", "en"],
  });
  await put(`/api/workers/${buddy.id}/buddy-role`, { buddy: true });
  await put(`/api/workers/${newcomer.id}/buddy`, { buddy_id: buddy.id });

  // The buddy's phone: after the first sync, the check-ins that are due wait in the space.
  const buddyContext = await phone(world.browser, { locale: "en-GB" });
  const page = await buddyContext.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await joinWith(page, buddy.link);
  await page.goto(server.url);
  await page.getByTestId("notice-count").waitFor({ timeout: 20_000 });
  await page.goto(`${server.url}/me`);
  const dueWeek1 = fill(en["notice-check-in-due"], { name: "Ioana", slot: fill(en["check-in-week"], { week: "1" }) });
  await page.getByRole("link", { name: dueWeek1 }).click();
  await page.getByRole("heading", { level: 1, name: en["buddy-title"] }).waitFor();

  // Offline, the week-1 check-in: not good, money, "the agency should call", a note.
  await buddyContext.setOffline(true);
  const note = "Problems with the landlord, she does not want it told";
  await page.getByRole("button", { name: new RegExp(`^${fill(en["check-in-week"], { week: "1" })} `) }).click();
  const form = page.getByTestId("check-in-form");
  await form.getByText(en["going-bad"]).click();
  await form.getByLabel(en["topic-money"]).check();
  await form.getByLabel(en["check-in-call"]).check();
  await form.getByLabel(en["check-in-note"]).fill(note);
  await form.getByRole("button", { name: en["check-in-save"] }).click();
  await page.getByTestId("slot-state").getByText(en["going-bad"]).waitFor();
  await page.reload();
  await page.getByTestId("slot-state").getByText(en["going-bad"]).waitFor();

  // Online: the check-in reaches the agency. The intercedent sees the flag, not the note.
  await buddyContext.setOffline(false);
  const desk = await console_(world, ADMIN);
  await until(async () => {
    await desk.reload();
    await desk.getByTestId("workers").waitFor();
    return (await desk.getByTestId("open-flags").count()) === 1;
  }, "a flag in the console");
  await desk.getByTestId("workers").getByRole("link", { name: "Ioana" }).click();
  const checkIn = desk.getByTestId("check-in").filter({ hasText: en["console-call-flag"] });
  await checkIn.getByText(en["going-bad"]).waitFor();
  await checkIn.getByText(en["console-note-private"]).waitFor();
  assert.equal(await desk.getByText(note).count(), 0, "the note stays private");

  // The newcomer shares notes on her phone; now the intercedent can read it.
  const newcomerPhone = await (await phone(world.browser, { locale: "en-GB" })).newPage();
  await newcomerPhone.goto(server.url);
  await joinWith(newcomerPhone, newcomer.link);
  await newcomerPhone.goto(`${server.url}/me`);
  await newcomerPhone.getByLabel(en["sharing-notes-with-intercedent"]).check();
  await until(async () => {
    await desk.reload();
    await desk.getByTestId("check-ins").waitFor();
    return (await desk.getByText(note).count()) === 1;
  }, "the shared note in the console");

  // The newcomer sees who her buddy is, and may ask for another one: the pair ends.
  await newcomerPhone.getByTestId("my-buddy").getByText(/Piotr/).waitFor();
  await newcomerPhone.getByRole("button", { name: en["new-match-ask"] }).click();
  await newcomerPhone.getByTestId("my-buddy").waitFor({ state: "detached" });
  const buddyOf = async () =>
    (await api(server, "/api/workers", { token: admin })).body.find((w) => w.id === newcomer.id)
      .matched_buddy;
  assert.equal(await buddyOf(), null);

  // The intercedent decides otherwise and pairs them again by hand, from the matching page.
  await desk.goto(`${server.url}/console/matching`);
  const ioana = desk.getByTestId("unmatched").or(desk.getByTestId("match")).filter({ hasText: "Ioana" });
  await ioana.getByLabel(en["console-other-buddy"]).selectOption({ label: "Piotr" });
  await ioana.getByRole("button", { name: en["console-pair"] }).click();
  await until(async () => (await buddyOf())?.name === "Piotr", "the pair made by hand");

  // The intercedent called: the flag clears.
  await desk.goto(`${server.url}/console/workers/${newcomer.id}`);
  const handled = desk.getByRole("button", { name: en["console-flags-handled"] });
  await handled.click();
  await handled.waitFor({ state: "detached" });
  await desk.getByRole("link", { name: en["console-workers"] }).click();
  await desk.getByTestId("workers").waitFor();
  assert.equal(await desk.getByTestId("open-flags").count(), 0);
});

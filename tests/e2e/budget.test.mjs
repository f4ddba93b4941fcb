// The budget planner works out what is left and warns when costs are higher, keeps its numbers
// across a reload, and never lets them leave the phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  budgetModule,
  journal,
  joinWith,
  messages,
  newWorker,
  phone,
  progressOf,
  serverAndBrowser,
  until,
} from "./harness.mjs";


/** A message with its one variable filled in, as the app shows it. */
function fill(message, value) {
  return message.replace(/\{ *\$\w+ *\}/, value);
}

test("the planner adds up a month and the numbers stay on the phone", async (t) => {
  const world = await serverAndBrowser(t);
  const page = await (await phone(world.browser, { locale: "nl-NL" })).newPage();
  // A linked phone, so what it does is pushed and pulled.
  const worker = await newWorker(world.server, "Ola");
  await joinWith(page, worker.link);
  const sent = [];
  page.on("request", (request) =>
    sent.push({ url: request.url(), body: request.postData(), answer: false }),
  );
  page.on("response", async (response) => {
    if (response.url().includes("/api/")) {
      const body = await response.text().catch(() => "");
      sent.push({ url: response.url(), body, answer: true });
    }
  });
  const nl = messages("nl");
  const { module, step } = budgetModule("nl");
  // Opened from its start, the lesson records that it was opened; then to the planner.
  await page.goto(`${world.server.url}/modules/${module.id}`);
  await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
  // Stored before the next page load, which would drop an action still on its way there.
  await until(async () => (await journal(page)).events.length > 0, "the opening is stored");
  await page.goto(`${world.server.url}/modules/${module.id}/step/${step}`);

  const outcome = page.getByTestId("budget-outcome");
  await outcome.getByText(nl["budget-empty"]).waitFor();

  await page.locator("#budget-income").fill("1.850,50");
  await page.locator("#budget-rent").fill("450");
  await page.locator("#budget-groceries").fill("300,25");
  await page.locator("#budget-money-home").fill("400");
  await outcome.getByText(fill(nl["budget-left"], "€ 700,25")).waitFor();

  // More costs than money: a warning, in the words of the catalogue.
  await page.locator("#budget-money-home").fill("1500");
  await outcome.getByText(fill(nl["budget-short"], "€ 399,75")).waitFor();

  // Something that is not an amount is said, and the last good amount stays.
  await page.locator("#budget-transport").fill("twintig");
  await page.getByText(nl["budget-not-an-amount"]).waitFor();
  await outcome.getByText(fill(nl["budget-short"], "€ 399,75")).waitFor();

  await page.reload();
  await outcome.getByText(fill(nl["budget-short"], "€ 399,75")).waitFor();
  assert.equal(await page.locator("#budget-income").inputValue(), "1.850,50");

  await page.getByTestId("sync-status").getByText(nl["sync-all-saved"]).waitFor();
  // The lesson's events reached the server: by the page, or by the service worker's Background
  // Sync when a navigation cut the page's push off (the service worker sends only the journal,
  // checked below, and the page's own requests are checked below too).
  await until(
    async () => (await progressOf(world.server, worker))[module.id]?.opened >= 1,
    "the phone pushed",
  );
  // What was sent up to now; the journal, read after it, holds every mutation in it.
  const seen = [...sent];
  // Nothing of it went anywhere. The journal holds only the activity fields a lesson records,
  const { events } = await journal(page);
  const fields = new Set(["type", "module", "step", "version", "question", "picked", "correct"]);
  for (const event of events) {
    for (const field of Object.keys(event.activity)) {
      assert.ok(fields.has(field), `the journal records ${field}`);
    }
  }
  // every request with a body is a push of those journal mutations,
  const journalIds = new Set(events.map((e) => e.id));
  const requests = seen.filter((r) => !r.answer && r.body && r.url.endsWith("/api/sync/push"));
  for (const request of seen.filter((r) => !r.answer && r.body && !r.url.includes("/api/sync/"))) {
    assert.fail(`${request.url} was sent a body`);
  }
  for (const request of requests) {
    const push = JSON.parse(request.body);
    assert.deepEqual(Object.keys(push).sort(), ["device_id", "mutations"], request.url);
    for (const mutation of push.mutations) assert.ok(journalIds.has(mutation.id), request.url);
  }
  // and no amount typed (in cents or as typed) appears as a whole number anywhere, in what
  // was sent or what came back.
  const everything = JSON.stringify(events) + seen.map((r) => r.url + (r.body ?? "")).join("\n");
  for (const amount of ["185050", "1850", "45000", "450", "30025", "150000", "1500", "1.850,50"]) {
    const whole = new RegExp(`(^|[^0-9.,])${amount.replace(/[.,]/g, "\\$&")}($|[^0-9.,])`);
    assert.ok(!whole.test(everything), `${amount} left the planner`);
  }
});

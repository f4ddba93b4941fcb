// The budget planner works out what is left and warns when costs are higher, keeps its numbers
// across a reload, and never lets them leave the phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  budgetModule,
  journal,
  messages,
  phone,
  serverAndBrowser,
} from "./harness.mjs";


/** A message with its one variable filled in, as the app shows it. */
function fill(message, value) {
  return message.replace(/\{ *\$\w+ *\}/, value);
}

test("the planner adds up a month and the numbers stay on the phone", async (t) => {
  const world = await serverAndBrowser(t);
  const page = await (await phone(world.browser, { locale: "nl-NL" })).newPage();
  const sent = [];
  page.on("request", (request) => sent.push(`${request.url()} ${request.postData() ?? ""}`));
  const nl = messages("nl");
  const { module, step } = budgetModule("nl");
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

  // Nothing of it went anywhere: not into the journal, not over the network.
  const { events } = await journal(page);
  const recorded = JSON.stringify(events);
  for (const typed of ["1850", "185050", "450", "30025", "150000"]) {
    assert.ok(!recorded.includes(typed), `${typed} is not in the journal`);
    assert.ok(!sent.some((r) => r.includes(typed)), `${typed} was not sent`);
  }
});

// "Listen" reads a step aloud in the app's language where the phone has a voice for it, and is
// not there at all where it has none. Headless Chromium has no voices, so the second test gives
// it one Polish voice and records what it is asked to say (the only stand-in in these tests).
import { test } from "node:test";
import assert from "node:assert/strict";
import { builtCatalog, builtModule, messages, phone, serverAndBrowser } from "./harness.mjs";

async function firstStep(page, url, locale) {
  const module = builtModule(locale, builtCatalog(locale).modules[0].id);
  await page.goto(`${url}/modules/${module.id}/step/1`);
  await page.getByRole("heading", { level: 1, name: module.steps[0].title }).waitFor();
  return module;
}

test("without a voice for the language there is no listen button", async (t) => {
  const world = await serverAndBrowser(t);
  const page = await (await phone(world.browser, { locale: "pl-PL" })).newPage();
  const voices = await page.evaluate(() => speechSynthesis.getVoices().length);
  await firstStep(page, world.server.url, "pl");
  if (voices === 0) {
    assert.equal(await page.getByRole("button", { name: messages("pl").listen }).count(), 0);
  }
});

test("with a Polish voice, listen reads the step in Polish", async (t) => {
  const world = await serverAndBrowser(t);
  const context = await phone(world.browser, { locale: "pl-PL" });
  await context.addInitScript(() => {
    const polish = Object.create(SpeechSynthesisVoice.prototype, {
      lang: { value: "pl-PL" },
      name: { value: "Polski" },
      voiceURI: { value: "pl" },
      default: { value: true },
    });
    window.__spoken = [];
    Object.defineProperty(speechSynthesis, "getVoices", { value: () => [polish] });
    Object.defineProperty(speechSynthesis, "speak", {
      value: (utterance) => window.__spoken.push({ text: utterance.text, lang: utterance.lang }),
    });
    window.SpeechSynthesisUtterance.prototype.__defineSetter__("voice", function () {});
  });
  const page = await context.newPage();
  const module = await firstStep(page, world.server.url, "pl");
  await page.getByRole("button", { name: messages("pl").listen }).click();
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, "pl-PL");
  assert.ok(spoken[0].text.startsWith(module.steps[0].title));
  assert.ok(spoken[0].text.includes(module.steps[0].body[0]));
});

// Lighthouse, mobile, against a running Wegwijs, in Debian's Chromium. One line per page:
//   lighthouse: page=/ performance=98 accessibility=100 lcp_ms=2400 tbt_ms=50 bytes=193000
// Exits non-zero when a page is below the project's goals (performance 95, accessibility 100).
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { CHROMIUM_FLAGS } from "../chromium-flags.mjs";

const [base, ...pages] = process.argv.slice(2);
const GOALS = { performance: 95, accessibility: 100 };
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  chromeFlags: ["--headless", ...CHROMIUM_FLAGS],
});
let belowGoal = false;
try {
  for (const page of pages) {
    const { lhr } = await lighthouse(`${base}${page}`, {
      port: chrome.port,
      onlyCategories: ["performance", "accessibility"],
      logLevel: "error",
    });
    const score = (id) => Math.round(lhr.categories[id].score * 100);
    const value = (id) => Math.round(lhr.audits[id].numericValue);
    const scores = { performance: score("performance"), accessibility: score("accessibility") };
    console.log(
      `lighthouse: page=${page} performance=${scores.performance} accessibility=${scores.accessibility}` +
        ` lcp_ms=${value("largest-contentful-paint")} tbt_ms=${value("total-blocking-time")}` +
        ` bytes=${value("total-byte-weight")}`,
    );
    for (const [id, goal] of Object.entries(GOALS)) if (scores[id] < goal) belowGoal = true;
    for (const ref of lhr.categories.accessibility.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (audit.score !== null && audit.score < 1) console.log(`  accessibility: ${audit.title}`);
    }
  }
} finally {
  await chrome.kill();
}
process.exit(belowGoal ? 1 : 0);

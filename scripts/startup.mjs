// The page's start-up, alone: navigation -> the first step shown, the figure
// scripts/bench.mjs reports (it calls measureStartup). Run it by itself with
//   node scripts/startup.mjs [RUNS]          (STARTUP_TRACE=1: where the time goes)
// after scripts/build.sh. Prints every run and the median.

import { execSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { serveRoot, urlOf } from "../tests/browser/server.js";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * One fresh page (own context: nothing cached): from navigation start (performance's time
 * origin) until a click on Step has shown step 1, as a reader would do it. `probe` installs
 * in-page observers that record when the milestones on the way were reached.
 */
export async function firstStep(browser, base, { probe = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watchFirstStep);
  if (probe) await page.addInitScript(installProbe);
  await page.goto(`${base}index.html#example=`);
  await page.locator('[data-testid="step"]:enabled').waitFor();
  await page.click('[data-testid="step"]');
  await page.locator('[data-testid="step-count"]', { hasText: /^1$/ }).waitFor();
  // The page's own clock, not Playwright's: the round trips that tell this script step 1 is
  // on screen (30-60 ms here) are not the page's time.
  // (The frame may begin after Playwright has seen the "1": wait for it rather than read it.)
  const ms = await (await page.waitForFunction(() => window.__firstStepShown)).jsonValue();
  const marks = probe ? await page.evaluate(() => window.__startupMarks) : null;
  await context.close();
  return { ms, marks };
}

/** Median of `runs` fresh pages, and every run's time (ms). */
export async function measureStartup(browser, base, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push((await firstStep(browser, base)).ms);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], times };
}

/**
 * Runs in the page before its scripts: window.__firstStepShown is when the frame that shows
 * step 1 begins (the animation frame after the step counter first reads 1).
 */
function watchFirstStep() {
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="step-count"]')?.textContent !== "1") return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstStepShown = performance.now(); });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/** Runs in the page before its scripts: records milestones in window.__startupMarks. */
function installProbe() {
  const marks = (window.__startupMarks = {});
  const mark = (name) => { marks[name] ??= Math.round(performance.now() * 10) / 10; };
  new MutationObserver(() => {
    const step = document.querySelector('[data-testid="step"]');
    if (step) mark(step.disabled ? "step disabled" : marks["step disabled"] ? "step enabled again" : "step enabled");
    if (document.querySelector('[data-testid="bytecode"]')?.childElementCount) mark("listing shown");
    if (document.querySelector('[data-testid="phase"]')?.textContent) mark("phase shown");
    if (document.querySelector('[data-testid="step-count"]')?.textContent === "1") mark("step 1 shown");
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener("DOMContentLoaded", () => mark("DOMContentLoaded"));
  window.addEventListener("load", () => mark("load"));
  document.addEventListener("click", () => mark("click"), true);
  const OriginalWorker = window.Worker;
  window.Worker = class extends OriginalWorker {
    constructor(...args) {
      super(...args);
      mark("worker created");
    }
  };
  const post = OriginalWorker.prototype.postMessage;
  let sent = 0;
  OriginalWorker.prototype.postMessage = function (message, ...rest) {
    if (message?.op) mark(`post #${++sent} ${message.op}${message.op === "call" ? " " + message.args[1] : ""}`);
    return post.call(this, message, ...rest);
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.entryType === "resource") marks[`res ${e.name.replace(/^.*\/\/[^/]+\//, "")}`] = `${Math.round(e.startTime)}-${Math.round(e.responseEnd)}`;
      if (e.entryType === "paint") mark(e.name);
    }
  }).observe({ entryTypes: ["resource", "paint"] });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 15);
  const chromiumPath = process.env.CHROMIUM_PATH || execSync("command -v chromium || command -v chromium-browser", { shell: "/bin/sh" }).toString().trim();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const server = await serveRoot();
  const base = urlOf(server);
  await firstStep(browser, base); // warm-up: the browser's own first start
  if (process.env.STARTUP_TRACE) {
    for (let i = 0; i < runs; i++) {
      const { ms, marks } = await firstStep(browser, base, { probe: true });
      console.log(`run ${i + 1}: ${ms.toFixed(0)} ms`);
      const entries = Object.entries(marks).sort((a, b) => parseFloat(a[1]) - parseFloat(b[1]));
      for (const [name, at] of entries) console.log(`  ${String(at).padStart(9)}  ${name}`);
    }
  } else {
    const { median, times } = await measureStartup(browser, base, runs);
    console.log(`first step after navigation (ms): ${times.map((t) => t.toFixed(0)).join(" ")}`);
    console.log(`median of ${runs}: ${median.toFixed(0)} ms`);
  }
  await browser.close();
  server.close();
}

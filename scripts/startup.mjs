// The page's start-up, alone: navigation -> the first step shown, the figure
// scripts/bench.mjs reports (it calls measureStartup). Run it by itself with
//   node scripts/startup.mjs [RUNS]    (STARTUP_TRACE=1: where the time goes;
//                                       STARTUP_CLICK=locator: traced with Playwright's click)
// after scripts/build.sh. Prints every run and the median, for both ways of clicking (CLICKS).

import { execSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { serveRoot, urlOf } from "../tests/browser/server.js";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * How the click on Step is made:
 * - "painted" (the goal's figure, "first step possible"): as input events, which is what a
 *   person's click is (CDP's Input.dispatchMouseEvent, Playwright's `page.mouse`), at the
 *   centre of Step as soon as a frame showing it has been painted, the earliest a person could
 *   click it. A click that comes while the first program still loads waits in the page's queue
 *   (www/main.js). Between navigation and step 1 nothing of Playwright's runs in the page.
 * - "locator": Playwright's `page.click`, as sessions 3–7 measured it. Before its input events
 *   it installs its injected script in the page and checks that the button is visible, stable
 *   over two animation frames, enabled and the target of a click, each a round trip through
 *   the page's main thread while that thread is busy loading; that adds 30–100 ms of the
 *   harness's own to the figure.
 */
export const CLICKS = ["painted", "locator"];

/**
 * One fresh page (own context: nothing cached): from navigation start (performance's time
 * origin) until a click on Step has shown step 1 (the animation frame after the step counter
 * first reads 1, on the page's own clock). `probe` installs in-page observers that record when
 * the milestones on the way were reached.
 */
export async function firstStep(browser, base, { probe = false, click = "painted" } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watchFirstStep);
  if (probe) await page.addInitScript(installProbe);
  if (click === "painted") {
    await page.goto(`${base}index.html#example=`, { waitUntil: "commit" });
    const { x, y } = await page.evaluate(() => window.__stepPainted);
    await page.mouse.click(x, y);
  } else {
    await page.goto(`${base}index.html#example=`);
    await page.locator('[data-testid="step"]:enabled').waitFor();
    await page.click('[data-testid="step"]');
  }
  // One promise awaited, not polled: Playwright's polling would take the page's main thread.
  const ms = await within(page.evaluate(() => window.__firstStepShown), 20_000, "step 1 on screen");
  const marks = probe ? await page.evaluate(() => window.__startupMarks) : null;
  await context.close();
  return { ms, marks };
}

/** `promise`, or an error naming `what` after `ms` (a click that missed would wait forever). */
function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no ${what} after ${ms} ms`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * `runs` fresh pages for each way of clicking (CLICKS), page by page in turn so both see the
 * same machine: {click: {median, times}} in ms, times sorted.
 */
export async function measureStartup(browser, base, runs = 5) {
  const times = Object.fromEntries(CLICKS.map((click) => [click, []]));
  for (let i = 0; i < runs; i++) {
    for (const click of CLICKS) times[click].push((await firstStep(browser, base, { click })).ms);
  }
  return Object.fromEntries(CLICKS.map((click) => {
    const sorted = times[click].sort((a, b) => a - b);
    return [click, { median: sorted[Math.floor(runs / 2)], times: sorted }];
  }));
}

/**
 * Runs in the page before its scripts. window.__stepPainted: the centre of Step, once a frame
 * showing it has been painted (a frame's animation callbacks run before its paint, so the
 * one after the frame that first found the button). window.__firstStepShown: when the frame
 * that shows step 1 begins (the animation frame after the step counter first reads 1).
 */
function watchFirstStep() {
  window.__stepPainted = new Promise((resolve) => {
    let found = false;
    const frame = () => {
      const step = document.querySelector('[data-testid="step"]');
      if (step && found) {
        const box = step.getBoundingClientRect();
        resolve({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
        return;
      }
      found = Boolean(step);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  window.__firstStepShown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid="step-count"]')?.textContent !== "1") return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
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
  const click = process.env.STARTUP_CLICK ?? "painted";
  if (process.env.STARTUP_TRACE) {
    for (let i = 0; i < runs; i++) {
      const { ms, marks } = await firstStep(browser, base, { probe: true, click });
      console.log(`run ${i + 1} (click: ${click}): ${ms.toFixed(0)} ms`);
      const entries = Object.entries(marks).sort((a, b) => parseFloat(a[1]) - parseFloat(b[1]));
      for (const [name, at] of entries) console.log(`  ${String(at).padStart(9)}  ${name}`);
    }
  } else {
    const results = await measureStartup(browser, base, runs);
    for (const [click, { median, times }] of Object.entries(results)) {
      console.log(`click ${click.padEnd(7)}: first step after navigation (ms) ${times.map((t) => t.toFixed(0)).join(" ")}; median of ${runs}: ${median.toFixed(0)} ms`);
    }
  }
  await browser.close();
  server.close();
}

// The core in a Web Worker: Stop halts an endless loop while the page stays
// responsive, and time travel (back / jumpTo through checkpoints) lands on
// exactly the state stepping forward reaches, through the page and the bridge.
// The start-up: the worker is started by www/boot.js, before the page's modules, and a
// click during the first load waits for it.

import { test, expect, codeUrl, byTestId, openProgram } from "./fixtures.js";

const currentRow = (page) => page.locator('[data-testid="bytecode"] [aria-current="true"]');

/** What the page shows of the machine: step count, stack items, current bytecode row. */
async function shownState(page) {
  return {
    steps: await byTestId(page, "step-count").textContent(),
    stack: await byTestId(page, "stack").getByTestId("stack-item").allTextContents(),
    row: await currentRow(page).textContent(),
  };
}

// About 600,000 steps.
const LONG = "total = 0\nfor i in range(40000):\n    total += i % 7\n    if i % 10000 == 0:\n        print(i, total)\nprint(total)\n";

test("Stop halts while True: pass, and the page stays responsive", async ({ page }) => {
  // Each iteration does some work inside one instruction, so the run cannot
  // reach the step budget before the test presses Stop.
  const errors = await openProgram(page, "n = 0\nwhile True:\n    n += sum(range(2000))\n");
  await byTestId(page, "run").click();
  await expect(byTestId(page, "stop")).toBeVisible();
  await expect(byTestId(page, "stop")).toBeEnabled();
  // The loop runs in the worker: the page's own thread still answers.
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
    console.log(`page answered during the run in ${Date.now() - started} ms`);
  }

  const clicked = Date.now();
  await byTestId(page, "stop").click();
  await expect(page.locator("#run-status")).toContainText("stopped");
  console.log(`Stop took ${Date.now() - clicked} ms to show`);
  await expect(byTestId(page, "stop")).toBeHidden();
  await expect(byTestId(page, "step")).toBeEnabled();
  const steps = Number(await byTestId(page, "step-count").textContent());
  expect(steps).toBeGreaterThan(100);

  // Every step before the stop is still reachable.
  await byTestId(page, "back").click();
  await expect(byTestId(page, "step-count")).toHaveText(String(steps - 1));
  await byTestId(page, "step").click();
  await expect(byTestId(page, "step-count")).toHaveText(String(steps));
  expect(errors).toEqual([]);
});

test("Back after running a long program lands on the state stepping forward reaches", async ({ page }) => {
  const errors = await openProgram(page, LONG);
  await byTestId(page, "run").click();
  await expect(page.locator("#run-status")).toContainText("finished", { timeout: 20_000 });
  const end = Number(await byTestId(page, "step-count").textContent());
  expect(end).toBeGreaterThan(500_000);
  await expect(byTestId(page, "output")).toContainText("119995");

  for (let i = 1; i <= 4; i++) {
    await byTestId(page, "back").click();
    await expect(byTestId(page, "step-count")).toHaveText(String(end - i));
  }
  const afterBacks = await shownState(page);

  // A fresh page on the same program, moved forward to the same step by replay.
  const reference = await page.evaluate(async ({ source, n }) => {
    const { openSession } = await import("/www/bridge.js");
    const s = await openSession(source);
    const view = await s.jumpTo(n);
    await s.free();
    return view.snapshot;
  }, { source: LONG, n: end - 4 });
  expect(afterBacks.steps).toBe(String(reference.stepCount));
  const top = reference.frames[reference.frames.length - 1];
  expect(afterBacks.stack).toEqual(top.stack.map((v) => v.repr));
  expect(afterBacks.row).toContain(String(top.offset));
  expect(errors).toEqual([]);
});

test("jumpTo and back through the bridge match a fresh replay anywhere in a long run", async ({ page }) => {
  await openProgram(page, "pass\n");
  const mismatches = await page.evaluate(async (source) => {
    const { openSession } = await import("/www/bridge.js");
    const travelled = await openSession(source);
    const end = (await travelled.runToEnd()).snapshot.stepCount;
    const targets = [1, 2, 3, 299_999, end - 1, end];
    for (let i = 0; i < 12; i++) targets.push(Math.floor((end * (i * 37 % 97)) / 97));
    const bad = [];
    for (const n of targets) {
      const fresh = await openSession(source);
      const expected = (await fresh.jumpTo(n)).snapshot;
      await fresh.free();
      const got = (await travelled.jumpTo(n)).snapshot;
      if (JSON.stringify(got) !== JSON.stringify(expected)) bad.push(`jumpTo(${n})`);
      if (n > 0) {
        const back = (await travelled.back()).snapshot;
        const fresh2 = await openSession(source);
        const expectedBack = (await fresh2.jumpTo(n - 1)).snapshot;
        await fresh2.free();
        if (JSON.stringify(back) !== JSON.stringify(expectedBack)) bad.push(`back from ${n}`);
      }
    }
    const stats = await travelled.historyStats();
    await travelled.free();
    return { bad, stats, end };
  }, LONG);
  expect(mismatches.bad).toEqual([]);
  expect(mismatches.end).toBeGreaterThan(500_000);
  expect(mismatches.stats.checkpoints).toBeLessThanOrEqual(32);
});

test("the core's worker starts before the page's modules, and the first click acts", async ({ page }) => {
  const violations = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  // The page's bundle arrives late: www/boot.js has started the worker meanwhile, and the
  // page is not painted (so the Step button cannot be clicked) until the bundle has run.
  let releaseBundle;
  const bundleHeld = new Promise((resolve) => { releaseBundle = resolve; });
  await page.route("**/www/vendor/main.js", async (route) => {
    await bundleHeld;
    await route.continue();
  });
  await page.goto("index.html#example=", { waitUntil: "commit" });
  await expect.poll(() => page.evaluate(() => typeof window.pvmBoot?.worker)).toBe("object");
  const clicked = byTestId(page, "step").click();
  await page.waitForTimeout(200);
  releaseBundle();
  await clicked;
  // The click came while the first program was still loading: it waited for it.
  await expect(byTestId(page, "step-count")).toHaveText("1");
  await expect(byTestId(page, "phase")).toHaveText("fetch");
  expect(violations).toEqual([]);
});

// pvm's Python-source stdlib modules (src/stdlib/*.py) in the page. The wasm leaves them
// out: the page downloads www/vendor/stdlib.json next to the wasm and its worker hands the
// sources to the core before the first program runs (www/boot.js, www/worker.js). These
// tests import them the ways a learner does — stepping, time travel, Run, window.pvm.run —
// and check what the page shows; and that a page whose stdlib file cannot be loaded says
// so at the import and still runs everything else.

import { readFile } from "node:fs/promises";
import { test, expect, codeUrl, byTestId, frames, openProgram, click } from "./fixtures.js";

const COLLECTIONS = `import collections
Point = collections.namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x + p.y)
print(collections.Counter("abracadabra").most_common(2))
`;
// What python3.12 prints for COLLECTIONS.
const COLLECTIONS_OUTPUT = "Point(x=1, y=2) 3\n[('a', 5), ('b', 2)]";

/** Run, then the output is CPython's for COLLECTIONS and no error is shown. */
async function runShowsCollectionsOutput(page) {
  await click(page, "run");
  await expect(byTestId(page, "output")).toHaveText(COLLECTIONS_OUTPUT);
  await expect(byTestId(page, "error")).toBeHidden();
}

test("the stepper steps into a stdlib module's Python code", async ({ page }) => {
  const errors = await openProgram(page, COLLECTIONS);
  // Instruction by instruction (the import runs whole), into collections.namedtuple's frame.
  while ((await frames(page).count()) < 2) await click(page, "step-instruction");
  await expect(frames(page).nth(1)).toContainText("namedtuple");
  await expect(frames(page).nth(1)).toContainText("field_names'x y'");
  await expect(byTestId(page, "error")).toBeHidden();

  // Out of it, then line by line to the end: the output a person sees is CPython's.
  await click(page, "step-out");
  await expect(frames(page)).toHaveCount(1);
  while (await byTestId(page, "step-over").isEnabled()) await click(page, "step-over");
  await expect(byTestId(page, "output")).toHaveText(COLLECTIONS_OUTPUT);
  await expect(byTestId(page, "error")).toBeHidden();
  expect(errors).toEqual([]);
});

test("time travel over a stdlib import replays the same run", async ({ page }) => {
  const errors = await openProgram(page, COLLECTIONS);
  const output = byTestId(page, "output");
  await click(page, "run");
  await expect(output).toHaveText(COLLECTIONS_OUTPUT);
  const steps = await byTestId(page, "step-count").textContent();

  // Back line by line to before the second print: each step back replays from a
  // checkpoint taken before the import, which imports collections again.
  for (let i = 0; i < 20 && (await output.textContent()).includes("[("); i++) await click(page, "back-line");
  await expect(output).toHaveText("Point(x=1, y=2) 3");
  for (let i = 0; i < 20 && (await output.textContent()) !== ""; i++) await click(page, "back-line");
  await expect(output).toHaveText("");
  await expect(byTestId(page, "error")).toBeHidden();

  // And forward again: the same steps, the same output.
  await click(page, "run");
  await expect(output).toHaveText(COLLECTIONS_OUTPUT);
  await expect(byTestId(page, "step-count")).toHaveText(steps);
  await expect(byTestId(page, "error")).toBeHidden();
  expect(errors).toEqual([]);
});

const RUN_MODE = `from dataclasses import dataclass
from functools import reduce
import itertools, heapq, random

@dataclass
class Item:
    name: str
    price: int

items = [Item("pen", 3), Item("book", 12), Item("cup", 5)]
print(items[0])
print(reduce(lambda total, item: total + item.price, items, 0))
print(list(itertools.accumulate([1, 2, 3, 4])))
print(heapq.nsmallest(2, [item.price for item in items]))
random.seed(6)
print(random.randint(1, 100), random.choice("xyz"))
`;
// What python3.12 prints for RUN_MODE.
const RUN_MODE_OUTPUT = "Item(name='pen', price=3)\n20\n[1, 3, 6, 10]\n[3, 5]\n74 x\n";

test("Run and window.pvm.run import dataclasses, functools, itertools, heapq, random", async ({ page }) => {
  const errors = await openProgram(page, RUN_MODE);
  await click(page, "run");
  await expect(byTestId(page, "output")).toHaveText(RUN_MODE_OUTPUT.trim());
  await expect(byTestId(page, "error")).toBeHidden();

  const result = await page.evaluate((source) => window.pvm.run(source), RUN_MODE);
  expect(result).toEqual({ stdout: RUN_MODE_OUTPUT, stderr: "", exitCode: 0, instructions: expect.any(Number) });
  expect(errors).toEqual([]);
});

test("without its stdlib file the page says so at the import and runs the rest", async ({ page }) => {
  await page.route("**/www/vendor/stdlib.json", (route) => route.abort());
  const errors = await openProgram(page, COLLECTIONS);
  await click(page, "run");
  await expect(byTestId(page, "error")).toContainText(
    "ImportError: cannot load module 'collections': pvm's standard library did not load");
  await expect(byTestId(page, "output")).toHaveText("");

  const results = await page.evaluate(async () => [
    await window.pvm.run("from heapq import heappush\n"),
    await window.pvm.run("import math\nprint(math.sqrt(16))\n"),
    await window.pvm.run("import nothing_here\n"),
  ]);
  expect(results[0].exitCode).toBe(1);
  expect(results[0].stderr).toContain("ImportError: cannot load module 'heapq'");
  expect(results[1]).toMatchObject({ stdout: "4.0\n", exitCode: 0 });
  expect(results[2].stderr).toContain("ModuleNotFoundError: No module named 'nothing_here'");
  expect(errors).toEqual([]);
});

test("if the page's download of the stdlib fails, the worker downloads it again", async ({ page }) => {
  let requests = 0;
  await page.route("**/www/vendor/stdlib.json", (route) => (requests++ === 0 ? route.abort() : route.continue()));
  const errors = await openProgram(page, COLLECTIONS);
  await runShowsCollectionsOutput(page);
  expect(requests).toBe(2);
  expect(errors).toEqual([]);
});

test("if the worker's own download of the stdlib fails, the page's later one is used", async ({ page }) => {
  // The worker downloads the stdlib itself when the core is ready before the page's copy
  // has come. Here that download fails, and only then does the page's own download start.
  const boot = await readFile(new URL("../../www/boot.js", import.meta.url), "utf8");
  const held = boot.replace("fetch(stdlib)",
    "new Promise((release) => { window.releaseStdlib = release; }).then(() => fetch(stdlib))");
  expect(held).not.toBe(boot);
  let bootServed;
  const bootWasServed = new Promise((resolve) => { bootServed = resolve; });
  await page.route("**/www/boot.js", async (route) => {
    await route.fulfill({ contentType: "text/javascript", body: held });
    bootServed();
  });
  // The page's modules come after boot.js, so it is boot.js that starts the worker.
  await page.route("**/www/vendor/main.js", async (route) => { await bootWasServed; await route.continue(); });
  let requests = 0;
  await page.route("**/www/vendor/stdlib.json", async (route) => {
    if (requests++ > 0) return route.continue();
    await route.abort();
    await page.evaluate(() => window.releaseStdlib());
  });
  const errors = await openProgram(page, COLLECTIONS);
  await runShowsCollectionsOutput(page);
  expect(requests).toBe(2);
  expect(errors).toEqual([]);
});

test("after a core crash, the fresh worker has the stdlib too", async ({ page }) => {
  const errors = await openProgram(page, COLLECTIONS);
  await page.evaluate(() => window.pvm.testing.trapNextCall());
  await byTestId(page, "step").click();
  await expect(byTestId(page, "notice")).toContainText("a fresh session was started");
  await expect(byTestId(page, "step-count")).toHaveText("0");
  await runShowsCollectionsOutput(page);
  expect(errors).toEqual([]);
});

test("a worker that is never sent the stdlib downloads it itself", async ({ page }) => {
  // The boot.js of a page from before the stdlib moved out of the wasm (a stale cache).
  const oldBoot = `"use strict";
if (window.pvmBoot === undefined) {
  const worker = new Worker(new URL("www/vendor/worker.js", document.baseURI), { type: "module" });
  const url = new URL("pkg/pvm_bg.wasm", document.baseURI).href;
  fetch(url).then((r) => r.arrayBuffer()).then((wasm) => worker.postMessage({ op: "init", wasm }, [wasm]));
  window.pvmBoot = { worker };
}`;
  await page.route("**/www/boot.js", (route) => route.fulfill({ contentType: "text/javascript", body: oldBoot }));
  const stdlibRequests = [];
  page.on("request", (request) => request.url().endsWith("/stdlib.json") && stdlibRequests.push(request.url()));
  const errors = await openProgram(page, COLLECTIONS);
  await click(page, "run");
  await expect(byTestId(page, "output")).toHaveText(COLLECTIONS_OUTPUT);
  expect(stdlibRequests).toEqual([new URL("www/vendor/stdlib.json", page.url()).href]);
  expect(errors).toEqual([]);
});

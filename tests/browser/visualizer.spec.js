// The visualizer's panels and controls in headless Chromium: phases, frames,
// objects, time travel (back, scrubber), breakpoints, errors, the share link,
// autosave, and every gallery example against CPython's output (the oracle's,
// committed in gallery-golden.json by scripts/regen-gallery-golden.sh).

import { test, expect, codeUrl, byTestId, frames, openProgram, click } from "./fixtures.js";
import { mkdir, readFile } from "node:fs/promises";

const ARTIFACTS = new URL("../artifacts/", import.meta.url);
const GOLDEN = JSON.parse(await readFile(new URL("./gallery-golden.json", import.meta.url), "utf8"));

const currentRow = (page) => page.locator('[data-testid="bytecode"] [aria-current="true"]');
const stackItems = (page) => byTestId(page, "stack").getByTestId("stack-item");

async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(name, ARTIFACTS).pathname });
}

async function openExample(page, name) {
  await page.goto(`index.html#example=${name}`);
  await page.reload();
  await page.evaluate(() => window.pvm.ready);
  await expect(byTestId(page, "step")).toBeEnabled();
}

/** Everything a learner sees of the machine, as text, to compare two moments. */
async function machineState(page) {
  return {
    step: await byTestId(page, "step-count").textContent(),
    phase: await byTestId(page, "phase").textContent(),
    row: await currentRow(page).textContent(),
    stack: await stackItems(page).allTextContents(),
    frames: await frames(page).allTextContents(),
    output: await byTestId(page, "output").textContent(),
    explanation: await byTestId(page, "explanation").textContent(),
  };
}

const SQUARE = "def square(n):\n    return n * n\n\nprint(square(7))\n";

test("a call: phases push a frame, the stack and explanation follow, the return comes back", async ({ page }) => {
  const errors = await openProgram(page, SQUARE);
  // Up to the CALL: RESUME, LOAD_CONST code, MAKE_FUNCTION, STORE_NAME, PUSH_NULL, LOAD_NAME, PUSH_NULL, LOAD_NAME, LOAD_CONST 7
  while (!/CALL/.test(await currentRow(page).textContent() ?? "") || (await byTestId(page, "phase").textContent()) !== "execute") {
    await click(page, "step");
  }
  await expect(frames(page)).toHaveCount(2);
  await expect(frames(page).nth(1)).toContainText("square");
  await expect(frames(page).nth(1)).toContainText("n");
  await expect(frames(page).nth(1)).toHaveClass(/entering/);
  await expect(byTestId(page, "explanation")).toContainText("a new frame runs square");

  // Inside square: LOAD_FAST n twice, then BINARY_OP * pops 7 and 7 and pushes 49.
  await click(page, "step-instruction", 3); // RESUME, LOAD_FAST, LOAD_FAST
  await expect(stackItems(page)).toHaveText(["7", "7"]);
  await click(page, "step");
  await expect(byTestId(page, "phase")).toHaveText("fetch");
  await expect(currentRow(page)).toContainText("BINARY_OP");
  await click(page, "step");
  await expect(byTestId(page, "phase")).toHaveText("decode");
  await expect(page.locator(".lookup-table .cell.chosen")).toContainText("*");
  // Decode says what the bytes mean, then what the opcode does (from www/opcode-docs.js,
  // generated from the opcode table); the opcode panel and the listing's tooltip say it too.
  const binaryOpDoc = "Pops two operands and pushes the result of the binary operator.";
  await expect(byTestId(page, "explanation")).toHaveText(`Opcode 122 is BINARY_OP with argument 5: operator 5 is *. ${binaryOpDoc}`);
  await expect(page.locator("#opcode-info")).toContainText(`BINARY_OP — ${binaryOpDoc}`);
  await expect(currentRow(page).locator(".opname")).toHaveAttribute("title", binaryOpDoc);
  await expect(page.locator(".stack-effect")).toContainText("stack effect (lhs, rhs -- res)");
  await expect(page.locator(".stack-effect a")).toHaveAttribute("href", /dis\.html#opcode-BINARY_OP$/);
  await click(page, "step");
  await expect(byTestId(page, "phase")).toHaveText("execute");
  await expect(stackItems(page)).toHaveText(["49"]);
  await expect(byTestId(page, "explanation")).toHaveText("BINARY_OP * pops 7 and 7 and pushes 49.");
  await expect(page.locator("#opcode-info a")).toHaveAttribute("href", /dis\.html#opcode-BINARY_OP$/);
  await screenshot(page, "binary-op.png");

  await click(page, "step-instruction"); // RETURN_VALUE
  await expect(frames(page)).toHaveCount(1);
  await expect(page.locator(".returned-value")).toContainText("49");
  await expect(stackItems(page)).toHaveText(["NULL", "<built-in function print>", "49"]);
  expect(errors).toEqual([]);
});

test("back by phase, instruction and line, and the scrubber, return exactly to earlier states", async ({ page }) => {
  await openExample(page, "recursion");
  await click(page, "step-instruction", 5);
  await click(page, "step");
  const atFetch = await machineState(page);
  await click(page, "step-line", 3);
  const afterLines = await machineState(page);
  await click(page, "step", 2);
  await click(page, "back", 2);
  expect(await machineState(page)).toEqual(afterLines);

  // Scrubber back to an earlier step.
  await byTestId(page, "scrubber").fill(atFetch.step);
  await expect(byTestId(page, "step-count")).toHaveText(atFetch.step);
  expect(await machineState(page)).toEqual(atFetch);

  // Back one instruction lands on the previous instruction's execute phase.
  await click(page, "back-instruction");
  await expect(byTestId(page, "phase")).toHaveText("execute");
  await expect(byTestId(page, "step-count")).toHaveText(String(Number(atFetch.step) - 1));

  // Step line then back line is a round trip.
  const before = await machineState(page);
  await click(page, "step-line");
  await click(page, "step-line");
  const twoLines = await machineState(page);
  await click(page, "step-line");
  await click(page, "back-line");
  expect(await machineState(page)).toEqual(twoLines);
  expect(before.step).not.toEqual(twoLines.step);
  await expect(page.locator("#timeline-markers .marker").first()).toBeAttached();
});

test("step over runs a call to its return; step out leaves the frame", async ({ page }) => {
  await openExample(page, "recursion");
  // To line 6, print(fact(4)): step line until the module is there.
  while (!(await frames(page).first().textContent()).includes("line 6")) await click(page, "step-line");
  await click(page, "step-over");
  // print(fact(4)) ran whole (no stop inside fact's frames); line 6 was the last.
  await expect(byTestId(page, "output")).toHaveText("24");

  await click(page, "reset");
  while ((await frames(page).count()) < 3) await click(page, "step-instruction");
  await click(page, "step-out");
  await expect(frames(page)).toHaveCount(2);
  await click(page, "step-out");
  await expect(frames(page)).toHaveCount(1);
});

test("breakpoints set in the gutter stop Run to breakpoint and the animated run", async ({ page }) => {
  const errors = await openProgram(page, "total = 0\nfor i in range(3):\n    total += i\nprint(total)\n");
  const gutter = page.locator(".cm-breakpoint-gutter .cm-gutterElement");
  await gutter.nth(3).click(); // line 3 (element 0 is the gutter's spacer)
  await expect(page.locator(".breakpoint-dot:visible")).toHaveCount(1);

  await click(page, "run-to-breakpoint");
  await expect(frames(page).first()).toContainText("line 3");
  await expect(frames(page).first()).toContainText("i0int");
  // The instruction just executed is on line 2 (FOR_ITER); line 3 is next.
  await expect(page.locator(".cm-next-line")).toContainText("total += i");
  await click(page, "run-to-breakpoint");
  await expect(frames(page).first()).toContainText("i1int");
  await expect(page.locator("#run-status")).toContainText("breakpoint");

  await byTestId(page, "speed").fill("10");
  await click(page, "play");
  await expect(frames(page).first()).toContainText("i2int");
  await expect(byTestId(page, "play")).toHaveText("Play");

  await click(page, "run-to-breakpoint");
  await expect(byTestId(page, "output")).toHaveText("3");
  await expect(page.locator("#run-status")).toContainText("finished");
  expect(errors).toEqual([]);
});

test("Play animates the run to the end at full speed, and pauses", async ({ page }) => {
  await openExample(page, "loop");
  await byTestId(page, "speed").fill("1");
  await click(page, "play");
  await expect(byTestId(page, "play")).toHaveText("Pause");
  await click(page, "play");
  await expect(byTestId(page, "play")).toHaveText("Play");
  const paused = Number(await byTestId(page, "step-count").textContent());
  expect(paused).toBeGreaterThan(0);
  await byTestId(page, "speed").fill("10");
  await click(page, "play");
  await expect(byTestId(page, "output")).toHaveText("6", { timeout: 15_000 });
  await expect(byTestId(page, "play")).toHaveText("Play");
});

test("a runtime error shows the partial output and CPython's traceback", async ({ page }) => {
  await openExample(page, "exception");
  await click(page, "run");
  await expect(byTestId(page, "output")).toHaveText("start");
  const error = byTestId(page, "error");
  await expect(error).toBeVisible();
  await expect(error).toHaveText(GOLDEN.exception.stderr.replaceAll('"exception.py"', '"main.py"').trim());
  await screenshot(page, "traceback.png");
});

test("a syntax error is underlined in the editor at CPython's position", async ({ page }) => {
  await page.goto(codeUrl("x = 1\nprint(x +)\n"));
  await page.evaluate(() => window.pvm.ready);
  const mark = page.locator(".cm-syntax-error");
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText(")");
  await expect(mark).toHaveAttribute("title", "SyntaxError: invalid syntax");
  await expect(byTestId(page, "error")).toContainText("SyntaxError: invalid syntax");
  await screenshot(page, "syntax-error-marked.png");
});

test("the share link carries the program and the step", async ({ page, context }) => {
  await openExample(page, "function");
  await click(page, "step-instruction", 4);
  await click(page, "step");
  const state = await machineState(page);
  await click(page, "share");
  await expect(page).toHaveURL(/#code=[A-Za-z0-9_-]+&step=13$/);
  const url = page.url();

  const other = await context.newPage();
  await other.goto(url);
  await other.evaluate(() => window.pvm.ready);
  await expect(byTestId(other, "step-count")).toHaveText(state.step);
  expect(await machineState(other)).toEqual(state);
});

test("the editor's buffer is autosaved and restored on reload", async ({ page }) => {
  await page.goto("index.html");
  await page.evaluate(() => window.pvm.ready);
  await page.locator('[data-testid="editor"] .cm-content').click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("answer = 42\nprint(answer)\n");
  await page.goto("index.html");
  await page.evaluate(() => window.pvm.ready);
  await expect(byTestId(page, "editor")).toContainText("answer = 42");
  await click(page, "run");
  await expect(byTestId(page, "output")).toHaveText("42");

  // Choosing an example, then "Your program", brings the buffer back.
  await page.locator("#example-select").selectOption("loop");
  await expect(byTestId(page, "editor")).toContainText("range(4)");
  await page.locator("#example-select").selectOption("");
  await expect(byTestId(page, "editor")).toContainText("answer = 42");
});

test("objects: two names to one list share a box; strings can be shown inline", async ({ page }) => {
  await openExample(page, "identity");
  // Until a = [1, 2]; b = a; c = [1, 2] have run.
  while (!(await frames(page).first().locator("th").allTextContents()).includes("c")) await click(page, "step-line");
  const pointer = (name) => page.locator(".heap-frame tr", { has: page.locator(`th:text-is("${name}")`) }).getByTestId("heap-pointer");
  const a = await pointer("a").getAttribute("data-target");
  const b = await pointer("b").getAttribute("data-target");
  const c = await pointer("c").getAttribute("data-target");
  expect(a).toBe(b);
  expect(c).not.toBe(a);
  await expect(page.locator(`[data-testid="heap-object"][data-id="${a}"]`)).toContainText("list");
  await expect(page.locator(".heap-arrow")).toHaveCount(3);
  await screenshot(page, "objects.png");

  await openProgram(page, "s = 'hi'\nt = s\nprint(t)\n");
  await click(page, "step-line", 2);
  await expect(page.locator('[data-testid="heap-object"][data-kind="str"]')).toHaveCount(1);
  await byTestId(page, "heap-inline").check();
  await expect(page.locator('[data-testid="heap-object"][data-kind="str"]')).toHaveCount(0);
  await expect(page.locator(".heap-frame")).toContainText("'hi'");
});

test("closures: cells and free variables are labelled in frames", async ({ page }) => {
  await openExample(page, "closure");
  const runningName = async () => (await frames(page).count()) < 2 ? "" : frames(page).nth(1).locator(".qualname").textContent();
  while (!(await runningName()).endsWith("increment")) await click(page, "step-instruction");
  await expect(frames(page).first().locator("tr.cell")).toHaveCount(0); // tick is a module global

  await click(page, "step-instruction", 2); // COPY_FREE_VARS, RESUME
  await expect(frames(page).nth(1).locator("tr.free")).toContainText("count");
  await expect(frames(page).nth(1).locator("tr.free")).toContainText("free");

  await click(page, "reset");
  while (!(await runningName()).endsWith("counter")) await click(page, "step-instruction");
  for (let i = 0; i < 5 && (await frames(page).nth(1).locator("tr.cell").count()) === 0; i++) await click(page, "step-line");
  await expect(frames(page).nth(1).locator("tr.cell")).toContainText("count");
  await expect(frames(page).nth(1).locator("tr.cell")).toContainText("cell");
});

test("bytecode: jump arrows, raw bytes with CACHE units, hover links source and rows", async ({ page }) => {
  await openExample(page, "loop");
  await expect(page.locator(".jump-arrows .arrow.backward")).toHaveCount(1);
  await expect(page.locator(".jump-arrows .arrow.forward").first()).toBeAttached();

  // The loop's JUMP_BACKWARD, once executed, lights its arrow.
  while (!/JUMP_BACKWARD/.test(await currentRow(page).textContent() ?? "")) await click(page, "step-instruction");
  await expect(page.locator(".jump-arrows .arrow.backward.active")).toHaveCount(1);
  await expect(byTestId(page, "explanation")).toContainText("jumps to offset");
  await click(page, "reset");

  await byTestId(page, "view-raw").click();
  await expect(page.locator(".raw-bytes").first()).toBeVisible();
  await expect(page.locator(".raw-bytes .unit.cache").first()).toContainText("00 00");
  await click(page, "step-instruction", 2);
  await click(page, "step");
  await expect(page.locator(".raw-bytes .unit.current")).toHaveCount(1);
  await screenshot(page, "raw-bytes.png");
  await byTestId(page, "view-dis").click();

  // Hovering the BINARY_OP row highlights `total += i` in the editor.
  await page.locator(".listing tr", { hasText: "BINARY_OP" }).first().hover();
  await expect(page.locator(".cm-source-range")).toHaveText("total += i");
  // Hovering the source highlights the rows of that span.
  await page.locator(".cm-line", { hasText: "print(total)" }).hover({ position: { x: 20, y: 6 } });
  await expect(page.locator(".listing tr.source-hover").first()).toBeAttached();
});

test("the listing scrolls to keep the current instruction in view, in dis and raw bytes", async ({ page }) => {
  // 120 assignments: a listing far taller than its pane.
  const program = Array.from({ length: 120 }, (_, i) => `v${i} = ${i}`).join("\n") + "\nprint('end')\n";
  await openProgram(page, program);
  await expect(currentRow(page)).toContainText("RESUME");
  await expect(currentRow(page)).toBeInViewport();
  const last = page.locator('[data-testid="bytecode"] tr', { hasText: "RETURN_CONST" });
  await expect(last).not.toBeInViewport();

  await click(page, "run");
  await expect(page.locator("#run-status")).toContainText("finished (exit 0)");
  await expect(currentRow(page)).toContainText("RETURN_CONST");
  await expect(currentRow(page)).toBeInViewport();

  await click(page, "reset");
  await expect(currentRow(page)).toContainText("RESUME");
  await expect(currentRow(page)).toBeInViewport();
  await expect(last).not.toBeInViewport();

  await byTestId(page, "view-raw").click();
  await click(page, "run");
  await expect(page.locator(".raw-bytes .unit.current")).toBeInViewport();
});

test("help overlay, keyboard shortcuts and the dark theme", async ({ page }) => {
  await openExample(page, "arithmetic");
  await page.locator("h1").click();
  await page.keyboard.press("ArrowRight");
  await expect(byTestId(page, "phase")).toHaveText("fetch");
  await page.keyboard.press("ArrowDown");
  await expect(byTestId(page, "phase")).toHaveText("execute");
  await page.keyboard.press("ArrowUp");
  await expect(byTestId(page, "step-count")).toHaveText("0");
  await page.keyboard.press("?");
  await expect(page.locator("#help")).toBeVisible();
  await expect(page.locator("#help")).toContainText("Step over");
  await page.keyboard.press("Escape");
  await expect(page.locator("#help")).toBeHidden();
  await page.keyboard.press("t");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await click(page, "step-line", 2);
  await screenshot(page, "dark.png");
  for (const id of ["step", "step-over", "back-line", "run-to-breakpoint", "play"]) {
    await expect(byTestId(page, id)).toHaveAttribute("aria-label", /.+/);
  }
});

test("every gallery example runs to the end with CPython's output", async ({ page }) => {
  const names = await page.goto("index.html").then(() => page.evaluate(async () => {
    const { EXAMPLES } = await import("./www/examples.js");
    return Object.keys(EXAMPLES);
  }));
  expect(names.length).toBeGreaterThanOrEqual(12);
  expect(Object.keys(GOLDEN).sort()).toEqual([...names].sort());
  for (const name of names) {
    await openExample(page, name);
    await click(page, "run");
    const golden = GOLDEN[name];
    await expect(page.locator("#run-status")).toContainText(`finished (exit ${golden.exitCode})`);
    await expect(byTestId(page, "output")).toHaveText(golden.stdout.trim());
    if (golden.stderr) {
      await expect(byTestId(page, "error")).toHaveText(golden.stderr.replaceAll(`"${name}.py"`, '"main.py"').trim());
    } else {
      await expect(byTestId(page, "error")).toBeHidden();
    }
  }
});

test("the layout holds at tablet size", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await openExample(page, "class");
  await click(page, "step-line", 4);
  for (const id of ["editor", "bytecode", "stack", "frames", "heap", "explanation"]) {
    await expect(byTestId(page, id)).toBeVisible();
  }
  await screenshot(page, "tablet.png");
});

// The page in real headless Chromium: stepping phase by phase, run mode
// through window.pvm.run, and a SyntaxError in the error panel.

import { test, expect, codeUrl, byTestId, openProgram } from "./fixtures.js";
import { mkdir } from "node:fs/promises";

const ARTIFACTS = new URL("../artifacts/", import.meta.url);

const currentRow = (page) => page.locator('[data-testid="bytecode"] [aria-current="true"]');

async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = new URL(name, ARTIFACTS);
  await page.screenshot({ path: path.pathname });
  return path;
}

// `x = 1 + 2; print(x)`: CPython 3.12 folds 1 + 2 into the constant 3.
//   0 RESUME 0 | 2 LOAD_CONST 3 | 4 STORE_NAME x | 6 PUSH_NULL | 8 LOAD_NAME print
//   10 LOAD_NAME x | 12 CALL 1 | 20 POP_TOP | 22 RETURN_CONST None
// Each row: the instruction, and the operand stack after its execute phase.
const PRINT_X = [
  ["RESUME", []],
  ["LOAD_CONST", ["3"]],
  ["STORE_NAME", []],
  ["PUSH_NULL", ["NULL"]],
  ["LOAD_NAME", ["NULL", "<built-in function print>"]],
  ["LOAD_NAME", ["NULL", "<built-in function print>", "3"]],
  ["CALL", ["None"]],
  ["POP_TOP", []],
];

test("steps x = 1 + 2; print(x) phase by phase, then runs to the end", async ({ page }) => {
  const errors = await openProgram(page, "x = 1 + 2\nprint(x)\n");
  const phase = byTestId(page, "phase");
  const stack = byTestId(page, "stack").getByTestId("stack-item");

  await expect(byTestId(page, "editor")).toContainText("print(x)");
  await expect(byTestId(page, "bytecode")).toContainText("LOAD_CONST");
  await expect(byTestId(page, "step-count")).toHaveText("0");
  await expect(currentRow(page)).toHaveCount(1);
  await expect(currentRow(page)).toContainText("RESUME");

  let steps = 0;
  let stackBefore = [];
  for (const [opname, stackAfter] of PRINT_X) {
    for (const expectedPhase of ["fetch", "decode", "execute"]) {
      await byTestId(page, "step").click();
      steps += 1;
      await expect(phase).toHaveText(expectedPhase);
      await expect(byTestId(page, "step-count")).toHaveText(String(steps));
      await expect(currentRow(page)).toHaveCount(1);
      await expect(currentRow(page)).toContainText(opname);
      await expect(stack).toHaveText(expectedPhase === "execute" ? stackAfter : stackBefore);
      await expect(byTestId(page, "explanation")).not.toBeEmpty();
    }
    if (opname === "LOAD_NAME" && stackAfter.length === 3) await screenshot(page, "mid-step.png");
    stackBefore = stackAfter;
  }

  // The module's frame shows the variable the program defined.
  await expect(byTestId(page, "frames").getByTestId("frame")).toHaveCount(1);
  await expect(byTestId(page, "frames").getByTestId("frame")).toContainText("<module>");
  await expect(byTestId(page, "frames").getByTestId("frame")).toContainText("x");
  await expect(byTestId(page, "output")).toHaveText("3");

  // Back undoes one phase: the CALL's output is still there, the POP_TOP not yet executed.
  await byTestId(page, "back").click();
  await expect(phase).toHaveText("decode");
  await expect(currentRow(page)).toContainText("POP_TOP");
  await expect(stack).toHaveText(["None"]);

  await byTestId(page, "run").click();
  await expect(byTestId(page, "output")).toHaveText("3");
  await expect(byTestId(page, "error")).toBeHidden();
  await expect(byTestId(page, "step")).toBeDisabled();
  await screenshot(page, "finished.png");

  await byTestId(page, "reset").click();
  await expect(byTestId(page, "step-count")).toHaveText("0");
  await expect(byTestId(page, "output")).toHaveText("");
  expect(errors).toEqual([]);
});

test("window.pvm.run runs a program to the end with stdin", async ({ page }) => {
  await page.goto("index.html");
  const result = await page.evaluate(async () => {
    await window.pvm.ready;
    return window.pvm.run("x = 1 + 2\nprint(x)\n");
  });
  expect(result).toEqual({ stdout: "3\n", stderr: "", exitCode: 0, instructions: expect.any(Number) });
  expect(result.instructions).toBeGreaterThan(0);

  const withInput = await page.evaluate(() =>
    window.pvm.run("name = input()\nprint('hello', name)\n", { stdin: "Ada\n" }));
  expect(withInput.stdout).toBe("hello Ada\n");

  const failing = await page.evaluate(() => window.pvm.run("print(1 / 0)\n"));
  expect(failing.exitCode).toBe(1);
  expect(failing.stderr).toContain("ZeroDivisionError: division by zero");
});

test("a SyntaxError shows in the error panel", async ({ page }) => {
  await page.goto(codeUrl("print(\n"));
  await page.evaluate(() => window.pvm.ready);
  const error = byTestId(page, "error");
  await expect(error).toBeVisible();
  await expect(error).toContainText("SyntaxError");
  await expect(error).toContainText("'(' was never closed");
  await expect(byTestId(page, "step")).toBeDisabled();
  await screenshot(page, "syntax-error.png");
});

test("editing the source recompiles and resets the session", async ({ page }) => {
  await openProgram(page, "x = 1 + 2\nprint(x)\n");
  await byTestId(page, "step-instruction").click();
  await expect(byTestId(page, "step-count")).not.toHaveText("0");

  await page.locator('[data-testid="editor"] .cm-content').click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("print(x * 2)\n");
  await expect(byTestId(page, "step-count")).toHaveText("0");
  await expect(page).toHaveURL(/#code=/);
  await byTestId(page, "run").click();
  await expect(byTestId(page, "output")).toHaveText("3\n6");
});

test("the page opens built-in examples and, with no hash, a default one", async ({ page }) => {
  await page.goto("index.html");
  await page.evaluate(() => window.pvm.ready);
  await expect(byTestId(page, "bytecode")).toContainText("RESUME");
  await expect(byTestId(page, "step")).toBeEnabled();

  await page.goto("index.html#example=function");
  await page.reload();
  await page.evaluate(() => window.pvm.ready);
  await expect(byTestId(page, "editor")).toContainText("def square");
});

test("every built-in example steps to the end with the output of run mode", async ({ page }) => {
  test.setTimeout(180_000); // 14 examples, line by line
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto("index.html");
  const examples = await page.evaluate(async () => {
    const { EXAMPLES } = await import("./www/examples.js");
    return Object.keys(EXAMPLES);
  });
  for (const name of examples) {
    await page.goto(`index.html#example=${name}`);
    await page.reload();
    await page.evaluate(() => window.pvm.ready);
    await expect(byTestId(page, "step")).toBeEnabled();
    const source = await page.evaluate(async (name) => {
      const { EXAMPLES } = await import("./www/examples.js");
      return EXAMPLES[name].source;
    }, name);
    const expected = await page.evaluate((source) => window.pvm.run(source), source);
    // One click at a time: the next only once this one's step is on screen.
    while (await byTestId(page, "step-line").isEnabled()) {
      const before = await byTestId(page, "step-count").textContent();
      await byTestId(page, "step-line").click();
      await expect(byTestId(page, "step-count")).not.toHaveText(before);
    }
    await expect(byTestId(page, "output")).toHaveText(expected.stdout.trim());
    if (expected.stderr) await expect(byTestId(page, "error")).toHaveText(expected.stderr.trim());
    else await expect(byTestId(page, "error")).toBeHidden();
  }
  expect(errors).toEqual([]);
});

test("Run pauses an endless loop and the page stays usable", async ({ page }) => {
  await openProgram(page, "n = 0\nwhile True:\n    n += 1\n");
  await byTestId(page, "run").click();
  await expect(page.locator("#run-status")).toContainText("paused");
  await expect(byTestId(page, "step")).toBeEnabled();
  await byTestId(page, "step").click();
  await expect(byTestId(page, "phase")).toHaveText(/^(fetch|decode|execute)$/);
  await expect(byTestId(page, "frames").getByTestId("frame")).toContainText("n");
});

test("the page feeds its stdin box to input()", async ({ page }) => {
  await openProgram(page, "name = input()\nprint('hello', name)\n");
  await page.locator(".stdin summary").click();
  await page.locator("#stdin").fill("Ada\n");
  await expect(byTestId(page, "step-count")).toHaveText("0");
  await byTestId(page, "run").click();
  await expect(byTestId(page, "output")).toHaveText("hello Ada");
});

test("#code= carries any UTF-8 source", async ({ page }) => {
  const source = "s = 'héllo ✓ 🐍'\nprint(s, len(s))\n";
  await openProgram(page, source);
  await expect(byTestId(page, "editor")).toContainText("héllo ✓ 🐍");
  await byTestId(page, "run").click();
  await expect(byTestId(page, "output")).toHaveText("héllo ✓ 🐍 9");
});

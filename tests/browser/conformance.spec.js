// Issue 3: "the page steps through any of these programs". A sample of the conformance
// programs (tests/programs, with the oracle's goldens in tests/golden) is opened through
// `#code=`, given its stdin in the page's input box, stepped a few lines and run to the
// end with the page's own buttons, and the output and error panels must show exactly what CPython printed.
// (tests/session_conformance.rs drives the same stepper over every program natively.)

import { test, expect, byTestId } from "./fixtures.js";
import { readFile } from "node:fs/promises";

const TESTS = new URL("../", import.meta.url);

/**
 * Diverse on purpose: generators, classes, match, imports of the Python-source stdlib,
 * exceptions (caught, chained, uncaught), input, syntax errors.
 */
const SAMPLE = [
  "c3_gen_send",
  "c3_gen_yield_from",
  "c3_gen_throw_close",
  "c3_class_mro",
  "c3_class_inherit",
  "c3_dunder_ops",
  "c3_closures",
  "c5_match_class_patterns",
  "c5_lib_random_simulation",
  "c5_import_from_as",
  "c3_fstrings",
  "c3_comprehensions",
  "c3_try_full",
  "c3_with_multi",
  "c3_err_cause",
  "c3_err_context_chain3",
  "c3_err_gen_throw",
  "c3_err_recursion",
  "c3_builtins_b",
  "input_echo",
  "err_zero_division",
  "syntax_missing_colon",
];

const read = (path) => readFile(new URL(path, TESTS), "utf8").catch(() => "");

for (const name of SAMPLE) {
  test(`the page runs ${name}.py to the end with CPython's output`, async ({ page }) => {
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const source = await read(`programs/${name}.py`);
    const stdin = await read(`programs/${name}.in`);
    const [stdout, stderr, code] = await Promise.all(
      ["out", "err", "code"].map((ext) => read(`golden/${name}.${ext}`)));
    expect(source).not.toBe("");

    await page.goto(`index.html#code=${Buffer.from(source, "utf8").toString("base64url")}`);
    await page.evaluate(() => window.pvm.ready);
    if (stdin) {
      await page.locator(".stdin summary").click();
      await page.locator("#stdin").fill(stdin);
    }
    const compiles = !stderr.includes("SyntaxError");
    if (compiles) {
      // A few lines by hand first, then Run goes on from there.
      for (let i = 0; i < 3; i++) {
        await byTestId(page, "step-line").click();
        await page.locator("body:not([data-busy])").waitFor({ state: "attached" });
      }
      await byTestId(page, "run").click();
    }
    await expect(page.locator("#run-status")).toContainText(`finished (exit ${code.trim()})`, { timeout: 20_000 });

    // The page names the program main.py; CPython's goldens name it NAME.py.
    const shown = await page.evaluate(() => ({
      output: document.querySelector('[data-testid="output"]').textContent,
      error: document.querySelector('[data-testid="error"]').textContent,
    }));
    expect(shown.output).toBe(stdout);
    expect(shown.error.replaceAll('File "main.py"', `File "${name}.py"`)).toBe(stderr);
    expect(errors).toEqual([]);
  });
}

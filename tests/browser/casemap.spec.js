// Case mapping in the wasm build. Natively, str.lower/upper/casefold/swapcase/title/capitalize
// use Rust core's Unicode tables; the wasm leaves those out (about 10 KB gzipped) and asks the
// page's JS engine (String.prototype.toLowerCase/toUpperCase) instead: see
// src/runtime/casemap.rs. `cargo test --test conformance` proves the native path against the
// oracle's goldens; this spec runs the same program, tests/programs/s6_str_casemap.py, in the
// page, so the JS path is held to the same golden output.
//
// Every character of that program maps the same way in CPython 3.12 and in the JS engine
// (SpecialCasing, final sigma, Turkish İ, ligatures, Cherokee, titlecase digraphs, Armenian,
// combining marks). Where they differ (characters new since Unicode 15.0, CPython 3.12's
// database) is listed in docs/known-gaps/README.md and kept out of the program.

import { test, expect } from "./fixtures.js";
import { readFile } from "node:fs/promises";

const TESTS = new URL("../", import.meta.url);
const read = (path) => readFile(new URL(path, TESTS), "utf8");

test("str case mapping in the page's wasm prints what CPython prints", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const source = await read("programs/s6_str_casemap.py");
  const expected = await read("golden/s6_str_casemap.out");

  await page.goto("index.html");
  const result = await page.evaluate(async (program) => {
    await window.pvm.ready;
    return window.pvm.run(program);
  }, source);

  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toBe(expected);
  expect(errors).toEqual([]);
});

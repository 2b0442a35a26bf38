// Issue 7's page: whatever a classroom pastes, the page stays up, says what went wrong and
// keeps the learner's code. A wasm trap restarts the core, the editor is autosaved,
// everything from the program is text (never markup), a Content-Security-Policy holds,
// a broken #code= link gives a message, and nothing touches the network at run time.

import { test, expect, codeUrl, byTestId, click } from "./fixtures.js";
import { readdir, readFile } from "node:fs/promises";

const editorContent = (page) => page.locator('[data-testid="editor"] .cm-content');

/** Page errors and console errors, collected from the start. */
function watchErrors(page) {
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

async function open(page, url) {
  await page.goto(url);
  await page.evaluate(() => window.pvm.ready);
}

/** Replaces the editor's text the way a learner does: select all, type. */
async function typeProgram(page, source) {
  await editorContent(page).click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type(source);
}

test("a trap inside wasm shows an internal error, keeps the program and starts a fresh session", async ({ page }) => {
  const errors = watchErrors(page);
  const workers = [];
  page.on("worker", (worker) => workers.push(worker));
  await open(page, "index.html");
  const program = "total = 0\ntotal += sum(range(4))\nprint('total', total)\n";
  await typeProgram(page, program);
  await click(page, "step-instruction");
  await click(page, "step-instruction");
  await expect(byTestId(page, "step-count")).toHaveText("6");
  await expect(workers).toHaveLength(1);

  // The next call into the core executes a real wasm `unreachable` instruction.
  await page.evaluate(() => window.pvm.testing.trapNextCall());
  await byTestId(page, "step").click();

  const notice = byTestId(page, "notice");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Internal error in the PVM core");
  await expect(notice).toContainText("unreachable");
  await expect(notice).toContainText("Your program is kept; a fresh session was started.");
  // A new worker (a fresh wasm instance) runs the program again from step 0.
  await expect.poll(() => workers.length).toBe(2);
  await expect(byTestId(page, "step-count")).toHaveText("0");
  expect((await editorContent(page).innerText()).trimEnd()).toBe(program.trimEnd());

  await click(page, "run");
  await expect(page.locator("#run-status")).toContainText("finished (exit 0)");
  await expect(byTestId(page, "output")).toHaveText("total 6");
  await click(page, "back");
  await expect(byTestId(page, "phase")).toHaveText("decode");
  expect(await page.evaluate(() => window.pvm.run("print(6 * 7)\n"))).toMatchObject({ stdout: "42\n", exitCode: 0 });

  // After the crash, a reload (here a fresh visit without the link) restores the autosave.
  await open(page, "index.html");
  await expect(editorContent(page)).toContainText("print('total', total)");
  await expect(byTestId(page, "notice")).toBeHidden();
  expect(errors).toEqual([]);
});

test("a core that cannot be downloaded is reported, and the program in the editor is kept", async ({ page }) => {
  // The wasm fails for boot.js and for the worker's own retry: every call the page makes
  // (opening the program, then the first view's, sent without waiting for the open) fails.
  await page.route("**/pkg/pvm_bg.wasm", (route) => route.abort());
  const program = "print('kept')\n";
  await page.goto(codeUrl(program));
  const error = byTestId(page, "error");
  await expect(error).toContainText("The page could not load the program");
  await expect(error).toContainText("the PVM core could not be loaded");
  await expect(byTestId(page, "step")).toBeDisabled();
  await expect(editorContent(page)).toHaveText("print('kept')");
});

test("a program that once overflowed the wasm stack leaves the page usable", async ({ page }) => {
  // Hashing a 100,000-deep nested tuple recursed in the core's Rust code: in wasm, a genuine
  // stack overflow (RangeError). The core now raises RecursionError instead; either way the
  // page stays up, keeps the program and runs the next one.
  const errors = watchErrors(page);
  const program = "t = ()\nfor i in range(100000):\n    t = (t,)\nd = {t: 1}\nprint('hashed')\n";
  await open(page, codeUrl(program));
  await byTestId(page, "run").click();
  const crashed = byTestId(page, "notice").filter({ hasText: "Internal error in the PVM core" });
  await expect(crashed.or(page.locator("#run-status").filter({ hasText: "finished" }))).toBeVisible({ timeout: 20_000 });
  if (await crashed.isVisible()) {
    await expect(crashed).toContainText("a fresh session was started");
    await expect(byTestId(page, "step-count")).toHaveText("0");
  } else {
    await expect(byTestId(page, "error")).toContainText("RecursionError");
    await click(page, "reset");
  }
  await expect(editorContent(page)).toContainText("d = {t: 1}");
  await click(page, "step-instruction");
  await expect(byTestId(page, "phase")).toHaveText("execute");
  expect(await page.evaluate(() => window.pvm.run("print('next')\n"))).toMatchObject({ stdout: "next\n" });
  expect(errors).toEqual([]);
});

test("the editor's text is autosaved and comes back after a reload", async ({ page }) => {
  await open(page, "index.html");
  await typeProgram(page, "greeting = 'saved'\nprint(greeting)\n");
  await page.reload();
  await page.evaluate(() => window.pvm.ready);
  await expect(editorContent(page)).toContainText("greeting = 'saved'");
  await open(page, "index.html"); // a new visit, without the #code= the edit wrote
  await expect(editorContent(page)).toContainText("greeting = 'saved'");
  await click(page, "run");
  await expect(byTestId(page, "output")).toHaveText("saved");
});

test("program text, output, values and errors are shown as text, never as markup", async ({ page }) => {
  const errors = watchErrors(page);
  const dialogs = [];
  page.on("dialog", async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  const source = [
    "# <script>alert('comment')</script>",
    "markup = '<b id=\"injected\">bold</b>'",
    "class Tag:",
    "    def __repr__(self):",
    "        return '<img src=x onerror=alert(2)>'",
    "tag = Tag()",
    "things = {'<i>key</i>': [markup, tag]}",
    "print(\"<img src=x onerror=alert(1)>\")",
    "print(markup, things)",
    "raise ValueError('<script>alert(3)</script>')",
    "",
  ].join("\n");
  await open(page, codeUrl(source));
  // Before running: the source in the editor, the constants in the listing.
  await expect(editorContent(page)).toContainText("print(\"<img src=x onerror=alert(1)>\")");
  await expect(byTestId(page, "bytecode")).toContainText("'<b id=\"injected\">bold</b>'");

  // Stepping shows the values (stack, frames, objects) as they appear.
  // (up to the first print: line 8)
  for (let i = 0; i < 200 && !/line 8,/.test(await byTestId(page, "frames").textContent()); i++) {
    await click(page, "step-line");
  }
  await expect(byTestId(page, "frames")).toContainText("<b id=\"injected\">bold</b>");
  await expect(byTestId(page, "frames")).toContainText("{'<i>key</i>': ['<b id=\"injected\">bold</b>'");
  await expect(byTestId(page, "heap")).toContainText("<i>key</i>");
  await click(page, "run");

  const output = await byTestId(page, "output").textContent();
  expect(output).toBe("<img src=x onerror=alert(1)>\n<b id=\"injected\">bold</b> {'<i>key</i>': ['<b id=\"injected\">bold</b>', <img src=x onerror=alert(2)>]}\n");
  await expect(byTestId(page, "error")).toContainText("ValueError: <script>alert(3)</script>");

  // No element came from the program's text, and nothing ran.
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll("img").length,
    bold: document.querySelectorAll("b, #injected").length,
    italic: document.querySelectorAll("i").length,
    inlineScripts: [...document.querySelectorAll("script")].filter((s) => !s.src).length,
  }));
  expect(injected).toEqual({ img: 0, bold: 0, italic: 0, inlineScripts: 0 });
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test("the front end never writes HTML from strings", async () => {
  const www = new URL("../../www/", import.meta.url);
  const files = (await readdir(www)).filter((name) => name.endsWith(".js"));
  expect(files.length).toBeGreaterThan(10);
  for (const name of files) {
    const text = await readFile(new URL(name, www), "utf8");
    expect(text, name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  }
});

test("a Content-Security-Policy holds, and running a program breaks none of it", async ({ page }) => {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const errors = watchErrors(page);
  await open(page, codeUrl("def f(n):\n    return [i * i for i in range(n)]\nprint(f(4))\nprint(input())\n"));

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("worker-src 'self'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);

  await page.locator(".stdin summary").click();
  await page.locator("#stdin").fill("typed\n");
  for (let i = 0; i < 5; i++) await click(page, "step");
  await click(page, "step-line");
  await click(page, "run");
  await expect(byTestId(page, "output")).toHaveText("[0, 1, 4, 9]\ntyped");
  await click(page, "back-line");
  await page.locator("#example-select").selectOption("function");
  await click(page, "run");
  await click(page, "view-raw");
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(errors).toEqual([]);

  // The policy is live: an inline script is refused (and reported).
  const ran = await page.evaluate(() => {
    window.inlineRan = false;
    const script = document.createElement("script");
    script.textContent = "window.inlineRan = true";
    document.body.append(script);
    return window.inlineRan;
  });
  expect(ran).toBe(false);
  await expect.poll(() => page.evaluate(() => window.violations.length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.violations[0])).toMatch(/^script-src/);
});

test("a malformed #code= link gives a message and the autosaved or default program", async ({ page }) => {
  const errors = watchErrors(page);
  const program = "print('link')\n";
  const good = Buffer.from(program, "utf8").toString("base64url");
  const broken = {
    "not base64": "%%%not*base64",
    "truncated base64": good.slice(0, 5),
    "truncated UTF-8": Buffer.from("print('é')", "utf8").subarray(0, 8).toString("base64url"),
    "corrupted bytes": Buffer.from([0x70, 0xff, 0xfe, 0x29]).toString("base64url"),
  };

  // Nothing autosaved yet: the default example, with a message.
  for (const [what, code] of Object.entries(broken)) {
    await open(page, `index.html#code=${code}`);
    const notice = byTestId(page, "notice");
    await expect(notice, what).toBeVisible();
    await expect(notice, what).toContainText("This link's program could not be read");
    await expect(notice, what).toContainText("Showing an example instead.");
    await expect(page.locator("#example-select"), what).not.toHaveValue("");
    await expect(byTestId(page, "step"), what).toBeEnabled();
    await expect(byTestId(page, "bytecode"), what).toContainText("RESUME");
    await page.goto("about:blank");
  }

  // With an autosaved program, that one comes back (and runs).
  await open(page, "index.html");
  await typeProgram(page, "print('my own work')\n");
  await page.goto("about:blank");
  await open(page, `index.html#code=${broken["truncated base64"]}`);
  await expect(byTestId(page, "notice")).toContainText("Showing your last autosaved program instead.");
  await expect(editorContent(page)).toContainText("print('my own work')");
  await click(page, "run");
  await expect(byTestId(page, "output")).toHaveText("my own work");

  // A good link still opens its program, with no message.
  await open(page, `index.html#code=${good}`);
  await expect(byTestId(page, "notice")).toBeHidden();
  await expect(editorContent(page)).toContainText("print('link')");
  expect(errors).toEqual([]);
});

test("no network requests at run time, and none ever to another origin", async ({ page, context, baseURL }) => {
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  await open(page, codeUrl("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(12))\nprint(input())\n"));
  const origin = new URL(baseURL).origin;
  const atLoad = requests.length;
  expect(atLoad).toBeGreaterThan(0);

  await page.locator(".stdin summary").click();
  await page.locator("#stdin").fill("from stdin\n");
  for (let i = 0; i < 4; i++) await click(page, "step");
  await click(page, "step-instruction");
  await click(page, "step-line");
  await click(page, "step-over");
  await click(page, "run");
  await expect(byTestId(page, "output")).toHaveText("144\nfrom stdin");
  await click(page, "back");
  await click(page, "back-line");
  await byTestId(page, "scrubber").fill("30");
  await click(page, "reset");
  await click(page, "play");
  await click(page, "play");
  await page.evaluate(() => window.pvm.run("print(sum(range(10)))\n"));
  await page.locator("#example-select").selectOption("loop");
  await click(page, "run");

  expect(requests.slice(atLoad)).toEqual([]);
  for (const url of requests) expect(new URL(url).origin, url).toBe(origin);
});

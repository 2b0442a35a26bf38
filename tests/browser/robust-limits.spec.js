// The limits of docs/limits.md in the browser, where the wasm core runs in a Web Worker whose
// machine stack (about 800 KiB) no page can raise: deep nesting, recursion through builtins and
// deeply nested data end in CPython's errors, never in "RangeError: Maximum call stack size
// exceeded" (which would kill the core), and the core keeps working afterwards.

import { test, expect } from "./fixtures.js";

/** Runs `source` through window.pvm.run (the page's Run, no step events). */
async function run(page, source) {
  return page.evaluate(async (src) => {
    await window.pvm.ready;
    return window.pvm.run(src);
  }, source);
}

const lastLine = (text) => text.trimEnd().split("\n").pop();

test.beforeEach(async ({ page }) => {
  await page.goto("index.html");
  await page.evaluate(() => window.pvm.ready);
});

test("deep nesting compiles up to the browser's limits, then gives CPython's errors", async ({ page }) => {
  const cases = [
    // [source, expected last line of stdout or stderr]
    ["x = " + "1+".repeat(899) + "1\nprint(x)\n", "900"],
    ["x = " + "-".repeat(500) + "1\nprint(x)\n", "1"],
    ["x = " + "(".repeat(199) + "1" + ")".repeat(199) + "\nprint(x)\n", "1"],
    ["def f(x): return x\nprint(" + "f(".repeat(150) + "1" + ")".repeat(150) + ")\n", "1"],
    ["x = " + "1+".repeat(99_999) + "1\n", "RecursionError: maximum recursion depth exceeded during compilation"],
    ["class A: pass\na = A()\nb = a" + ".a".repeat(100_000) + "\n", "RecursionError: maximum recursion depth exceeded during compilation"],
    ["x = " + "-".repeat(100_000) + "1\n", "MemoryError: Parser stack overflowed - Python source too complex to parse"],
    ["x = " + "not ".repeat(10_000) + "1\n", "MemoryError: Parser stack overflowed - Python source too complex to parse"],
    ["x = 7\nif x == 0: pass\n" + "elif x == 1: pass\n".repeat(10_000), "MemoryError: Parser stack overflowed - Python source too complex to parse"],
    ["x = " + "[".repeat(1000) + "]".repeat(1000) + "\n", "SyntaxError: too many nested parentheses"],
  ];
  for (const [source, want] of cases) {
    const out = await run(page, source);
    expect(lastLine(out.exitCode === 0 ? out.stdout : out.stderr), source.slice(0, 40)).toBe(want);
  }
});

test("recursion through builtins ends in RecursionError about 200 levels deep", async ({ page }) => {
  const probe = (body, call) => `
n = 0
${body}
try:
    ${call}
except RecursionError as e:
    print(n, e)
`;
  const cases = [
    probe("class R:\n    def __repr__(self):\n        global n\n        n += 1\n        return repr(R())", "repr(R())"),
    probe("class E:\n    def __eq__(self, o):\n        global n\n        n += 1\n        return [E()] == [E()]", "E() == E()"),
    probe("class H:\n    def __hash__(self):\n        global n\n        n += 1\n        return hash(H())", "hash(H())"),
    probe("class L:\n    def __lt__(self, o):\n        global n\n        n += 1\n        return sorted([L(), L()]) and True", "L() < L()"),
    probe("def key(x):\n    global n\n    n += 1\n    return sorted([1, 2], key=key)", "key(0)"),
  ];
  for (const source of cases) {
    // Twice: the engine's optimised code (after the first run) takes more stack per level.
    for (let round = 0; round < 2; round++) {
      const out = await run(page, source);
      expect(out.exitCode, out.stderr).toBe(0);
      const [depth, ...message] = out.stdout.trim().split(" ");
      expect(Number(depth)).toBeGreaterThanOrEqual(200);
      expect(message.join(" ")).toMatch(/^maximum recursion depth exceeded/);
    }
  }
});

test("tuples nested 100,000 deep as keys, compared and printed: RecursionError, no crash", async ({ page }) => {
  const source = `
t = ()
t2 = ()
for _ in range(10**5):
    t = (t,)
    t2 = (t2,)
for f in [lambda: {t: 1}, lambda: hash(t), lambda: t == t2, lambda: t < t2, lambda: repr(t), lambda: t == t2]:
    try:
        f()
        print('ok')
    except RecursionError as e:
        print(e)
`;
  const out = await run(page, source);
  expect(out.exitCode, out.stderr).toBe(0);
  expect(out.stdout.trim().split("\n")).toEqual([
    "maximum recursion depth exceeded",
    "maximum recursion depth exceeded",
    "maximum recursion depth exceeded in comparison",
    "maximum recursion depth exceeded in comparison",
    "maximum recursion depth exceeded while getting the repr of an object",
    "maximum recursion depth exceeded in comparison",
  ]);
  // The core is still alive.
  expect((await run(page, "print(6 * 7)\n")).stdout).toBe("42\n");
});

test("the whole heap has a memory budget", async ({ page }) => {
  const source = `
x = []
try:
    while True:
        x.append('a' * 10**6)
except MemoryError:
    print('MemoryError after', len(x) // 100 * 100)
`;
  const out = await run(page, source);
  expect(out.stdout).toBe("MemoryError after 500\n");
});

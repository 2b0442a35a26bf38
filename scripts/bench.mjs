// Runs the benchmark programs side by side and writes BENCHMARKS.md (see scripts/bench.sh):
//   native:  target/release/pvm run  vs  CPython 3.12 (native python3.12, else the oracle)
//   browser: window.pvm.run-style run mode of our wasm  vs  Pyodide 0.27.8, same Chromium
// plus the page's gzipped size, its start-up (navigation -> first step shown) and the time
// travel in wasm. The machine is shared, so each pair runs interleaved and we report ratios.

import { spawnSync, execSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { serveRoot, urlOf, ROOT } from "../tests/browser/server.js";
import { measureStartup, CHROMIUM_ARGS } from "./startup.mjs";
import { pageSizes } from "./page-size.mjs";

// Best of 5 natively and of 16 in the browser: with fewer (3 and 8 until session 8), two runs
// of the script on the same build gave ratios up to 20 % apart for one program.
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
// In the browser a program's first runs can time V8's baseline code: the optimising tier
// compiles hot wasm functions in the background, and for our big `dispatch`/`run_loop` and
// Pyodide's eval loop alike that takes several runs of a short program. Both engines get the
// same number of interleaved runs; the table shows the first (what a user's first Run costs)
// and the best (the engine's steady state).
const BROWSER_REPEATS = Number(process.env.BENCH_BROWSER_REPEATS ?? 16);
const PROGRAMS = readdirSync(join(ROOT, "bench")).filter((f) => f.endsWith(".py") && f !== "timetravel.py").sort();
const PVM = join(ROOT, "target/release/pvm");
const NATIVE_PY = "/root/.pyenv/versions/3.12.1/bin/python3.12";
const ORACLE = join(ROOT, "../shared/oracle/oracle.mjs");

const cpython = existsSync(NATIVE_PY)
  ? { name: "CPython 3.12.1 (native)", argv: (file) => [NATIVE_PY, file] }
  : { name: "CPython 3.12.7 (the oracle, Pyodide in Node)", argv: (file) => ["node", ORACLE, file, "--run"] };

function timeCommand(argv) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, stdout: result.stdout, status: result.status };
}

const best = (xs) => Math.min(...xs);
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const ratio = (a, b) => (a / b).toFixed(2);

// ---- native ------------------------------------------------------------------
const native = {};
for (const program of PROGRAMS) {
  const file = join(ROOT, "bench", program);
  const ours = [], theirs = [];
  let same = true;
  for (let i = 0; i < REPEATS; i++) {
    const a = timeCommand([PVM, "run", file]);
    const b = timeCommand(cpython.argv(file));
    ours.push(a.ms); theirs.push(b.ms);
    same &&= a.stdout === b.stdout && a.status === 0;
  }
  native[program] = { pvm: best(ours), cpython: best(theirs), same };
  console.log(`native  ${program.padEnd(16)} pvm ${fmt(best(ours))} ms  cpython ${fmt(best(theirs))} ms  ${same ? "" : "OUTPUT DIFFERS"}`);
}

// ---- sizes -----------------------------------------------------------------------
// (scripts/page-size.mjs: the same figures alone, file by file.)
const sizes = pageSizes();
console.log("sizes", sizes.perFile, "page", sizes.pageGz);

// ---- browser ----------------------------------------------------------------------
const chromiumPath = process.env.CHROMIUM_PATH || execSync("command -v chromium || command -v chromium-browser", { shell: "/bin/sh" }).toString().trim();
const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
const server = await serveRoot();
const base = urlOf(server);

// Start-up: navigation -> the first step shown (step-count "1"), the median of 15 fresh pages
// (a median of 5 moved by ±30 ms between runs of this script on a quiet machine).
const STARTUP_RUNS = 15;
// (scripts/startup.mjs: the same measurement alone, and where its time goes).
const { painted: startup, locator: startupLocator } = await measureStartup(browser, base, STARTUP_RUNS);
console.log("first step after navigation (ms), click when painted:", startup.times.map(fmt).join(" "));
console.log("first step after navigation (ms), Playwright's click:", startupLocator.times.map(fmt).join(" "));

const page = await browser.newPage();
page.on("console", (m) => process.env.BENCH_VERBOSE && console.log("page:", m.text()));
await page.goto(`${base}bench/blank.html`);
await page.evaluate(async () => {
  const pvm = await import("/pkg/pvm.js");
  const wasm = await pvm.default();
  // The wasm leaves out the Python stdlib modules; the page's worker provides them, so do we.
  const stdlib = await (await fetch("/www/vendor/stdlib.json")).json();
  for (const [name, source] of Object.entries(stdlib)) pvm.provideStdlibModule(name, source);
  const { loadPyodide } = await import("/node_modules/pyodide/pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: "/node_modules/pyodide/" });
  let out = "";
  pyodide.setStdout({ batched: (s) => { out += s + "\n"; } });
  window.bench = {
    ours(source) {
      const t = performance.now();
      const result = pvm.run(source, "");
      return { ms: performance.now() - t, stdout: result.stdout };
    },
    pyodide(source) {
      out = "";
      const globals = pyodide.runPython("dict(__name__='__main__')");
      const t = performance.now();
      pyodide.runPython(source, { globals });
      const ms = performance.now() - t;
      globals.destroy();
      return { ms, stdout: out };
    },
    // Time travel in wasm: run bench/timetravel.py to the end, then jumps and backs.
    timeTravel(source) {
      const memoryBefore = wasm.memory.buffer.byteLength;
      const s = new pvm.Session(source, "");
      let t = performance.now();
      let view = s.runToEnd();
      const runMs = performance.now() - t;
      const steps = view.snapshot.stepCount;
      const jumps = [], backs = [], lines = [];
      let seed = 7;
      const next = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
      s.jumpTo(next(steps)); // warm-up: the first calls run before the engine's optimising tier
      for (let i = 0; i < 60; i++) {
        const target = next(steps);
        t = performance.now(); view = s.jumpTo(target); jumps.push(performance.now() - t);
        if (view.snapshot.stepCount !== target) throw new Error(`jumpTo(${target}) landed on ${view.snapshot.stepCount}`);
        t = performance.now(); s.back(); backs.push(performance.now() - t);
        t = performance.now(); s.backLine(); lines.push(performance.now() - t);
      }
      const stats = s.historyStats();
      s.free();
      const sum = (xs) => {
        xs.sort((a, b) => a - b);
        return { median: xs[xs.length >> 1], p90: xs[Math.floor(xs.length * 0.9)], max: xs[xs.length - 1] };
      };
      return { steps, runMs, jump: sum(jumps), back: sum(backs), backLine: sum(lines), stats,
        memoryBefore, memoryBytes: wasm.memory.buffer.byteLength };
    },
  };
});

// Time travel first, on a fresh wasm instance (its memory figure is then its own).
const tt = await page.evaluate((s) => window.bench.timeTravel(s), readFileSync(join(ROOT, "bench/timetravel.py"), "utf8"));
console.log("time travel (wasm)", tt);

// Besides each run's wall time, the CPU time of the page's main thread (Chrome's ThreadTime
// metric) around it: on a loaded machine the wall time also counts the time the thread waited
// for a core, the CPU time does not. The two engines pay the same small overhead for the
// evaluate call around the run.
const cdp = await page.context().newCDPSession(page);
await cdp.send("Performance.enable");
const threadMs = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime").value * 1000;
async function timed(engine, source) {
  const before = await threadMs();
  const result = await page.evaluate(([e, s]) => window.bench[e](s), [engine, source]);
  return { ...result, cpu: (await threadMs()) - before };
}

const inBrowser = {};
for (const program of PROGRAMS) {
  const source = readFileSync(join(ROOT, "bench", program), "utf8");
  const ours = [], theirs = [], oursCpu = [], theirsCpu = [];
  let same = true;
  for (let i = 0; i < BROWSER_REPEATS; i++) {
    const a = await timed("ours", source);
    const b = await timed("pyodide", source);
    ours.push(a.ms); theirs.push(b.ms); oursCpu.push(a.cpu); theirsCpu.push(b.cpu);
    same &&= a.stdout === b.stdout;
  }
  inBrowser[program] = { pvm: best(ours), pyodide: best(theirs), pvmCpu: best(oursCpu), pyodideCpu: best(theirsCpu),
    pvmFirst: ours[0], pyodideFirst: theirs[0], same };
  console.log(`browser ${program.padEnd(16)} pvm ${fmt(best(ours))} ms  pyodide ${fmt(best(theirs))} ms  cpu ${fmt(best(oursCpu))} / ${fmt(best(theirsCpu))} ms  (first runs ${fmt(ours[0])} / ${fmt(theirs[0])} ms)  ${same ? "" : "OUTPUT DIFFERS"}`);
}



// Stop: how long after stop() a runaway loop's run resolves (through the worker), best/worst of 5.
const stopLatency = await page.evaluate(async () => {
  // The bridge finds www/vendor/worker.js from the document's base, as on the page (index.html at
  // the root); this blank page lives in bench/, so it gets the page's base.
  document.head.append(Object.assign(document.createElement("base"), { href: "/" }));
  const { openSession } = await import("/www/bridge.js");
  const times = [];
  for (let i = 0; i < 5; i++) {
    const s = await openSession("n = 0\nwhile True:\n    n += sum(range(2000))\n");
    const running = s.runToEnd();
    await new Promise((done) => setTimeout(done, 300));
    const t = performance.now();
    s.stop();
    const view = await running;
    times.push(performance.now() - t);
    if (view.stopped !== "stop") throw new Error(`run ended with ${view.stopped}`);
    await s.free();
  }
  times.sort((a, b) => a - b);
  return { min: times[0], max: times[times.length - 1] };
});
console.log("stop latency (ms)", stopLatency);
await browser.close();
server.close();

const nativeTT = existsSync(join(ROOT, "target/time-travel.json"))
  ? JSON.parse(readFileSync(join(ROOT, "target/time-travel.json"), "utf8")) : null;

// ---- BENCHMARKS.md --------------------------------------------------------------------
const cpu = cpus()[0]?.model ?? "unknown CPU";
const date = new Date().toISOString().replace("T", " ").slice(0, 16) + " UTC";
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const verdict = (ok) => (ok ? "met" : "**not met**");
const rows = PROGRAMS.map((p) => {
  const n = native[p], b = inBrowser[p];
  return `| ${p} | ${fmt(n.pvm)} | ${fmt(n.cpython)} | ${ratio(n.pvm, n.cpython)}× | ${fmt(b.pvm)} | ${fmt(b.pyodide)} | ${ratio(b.pvm, b.pyodide)}× | ${fmt(b.pvmCpu)} / ${fmt(b.pyodideCpu)} ms, ${ratio(b.pvmCpu, b.pyodideCpu)}× | ${fmt(b.pvmFirst)} / ${fmt(b.pyodideFirst)} ms, ${ratio(b.pvmFirst, b.pyodideFirst)}× |${n.same && b.same ? "" : " output differs"}`;
});
const slowerThanPyodide = PROGRAMS.filter((p) => inBrowser[p].pvm > inBrowser[p].pyodide);
const slowerByCpu = PROGRAMS.filter((p) => inBrowser[p].pvmCpu > inBrowser[p].pyodideCpu);
const slowerThanCPython = PROGRAMS.filter((p) => native[p].pvm > native[p].cpython);
const notes = existsSync(join(ROOT, "bench/NOTES.md")) ? readFileSync(join(ROOT, "bench/NOTES.md"), "utf8") : "";

const md = `# Benchmarks

Generated by \`bash scripts/bench.sh\` — do not edit by hand (the analysis lives in
bench/NOTES.md and is copied in below).

Machine: ${cpus().length} CPUs (nproc), ${cpu}; ${date}. The machine is shared with other
builds, so absolute times are noisy: each pair runs interleaved in the same script run and the
ratio is what matters. Times are in milliseconds: natively the best of ${REPEATS} runs; in the
browser the best of ${BROWSER_REPEATS} runs (V8's optimised code, once its background compiler
has got to the hot functions), both as wall time and as the CPU time of the page's main thread
(Chrome's ThreadTime metric: unlike the wall time, it does not count the time the thread waited
for a core on the loaded machine), and in the last column the first run of each program (what a
first press of Run costs, baseline code included).

## Run mode: bench/*.py

Native: \`target/release/pvm run\` vs ${cpython.name}, whole process (start-up included).
Browser: our wasm's run mode (\`run()\` of pkg/pvm.js, what \`window.pvm.run\` calls) vs
Pyodide 0.27.8 (\`runPython\`, fresh globals), in the same headless Chromium page, compile +
run, no process start-up. Ratio = pvm / peer: below 1 means pvm is faster.

| program | pvm native | CPython | ratio | pvm wasm | Pyodide | ratio | main-thread CPU: pvm / Pyodide | first run: pvm / Pyodide |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

- Run mode at least as fast as Pyodide on every program: ${verdict(slowerThanPyodide.length === 0 && slowerByCpu.length === 0)}${slowerThanPyodide.length || slowerByCpu.length ? ` (slower by wall time on ${slowerThanPyodide.join(", ") || "none"}; by main-thread CPU time on ${slowerByCpu.join(", ") || "none"})` : ""}.
- Natively within 1.0× CPython: ${verdict(slowerThanCPython.length === 0)}${slowerThanCPython.length ? ` (slower on ${slowerThanCPython.join(", ")})` : ""}.
${slowerThanPyodide.length || slowerThanCPython.length ? `- Where each gap comes from: the profiles under "The gap that remains, per program" below.\n` : ""}- Run mode builds no events: \`vm::run\` calls \`Vm::run_to_end\`, which executes instructions
  without the stepper (no snapshots, reprs or explanations are made).

## Size and start-up

| figure | value | budget | |
|---|---:|---:|---|
| release wasm (pkg/pvm_bg.wasm), gzip -9 | ${kb(sizes.wasmGz)} (${kb(sizes.wasmRaw)} raw) | 400 KB | ${verdict(sizes.wasmGz <= 400 * 1024)} |
| whole page (${sizes.files} files: index.html, pkg/pvm_bg.wasm, www/style.css, www/boot.js, www/vendor/ with stdlib.json), gzip -9 | ${kb(sizes.pageGz)} | 700 KB | ${verdict(sizes.pageGz <= 700 * 1024)} |
| first step possible: step 1 shown after navigation, Step clicked (input events) as soon as it is painted (headless Chromium, median of ${STARTUP_RUNS}; runs ${fmt(startup.times[0])}–${fmt(startup.times.at(-1))} ms) | ${fmt(startup.median)} ms | 300 ms | ${verdict(startup.median <= 300)} |
| the same with Playwright's \`page.click\` (sessions 3–7's figure: its injected script and actionability checks add round trips through the page's busy main thread; median of ${STARTUP_RUNS}, runs ${fmt(startupLocator.times[0])}–${fmt(startupLocator.times.at(-1))} ms) | ${fmt(startupLocator.median)} ms | | |

${sizes.wasmGz > 400 * 1024 ? `The wasm's size against its budget, and its trade-off with run-mode speed: "In the browser" below.\n\n` : ""}## Time travel

bench/timetravel.py: ${tt.steps} steps. The session keeps at most 32 checkpoints (whole-machine
copies) and replays from the nearest one.

| | native (release) | wasm (Chromium) | budget |
|---|---:|---:|---:|
| run to the end with history | ${nativeTT ? fmt(nativeTT.run_to_end_ms) + " ms" : "–"} | ${fmt(tt.runMs)} ms | |
| jump to a random step: median / p90 / max | ${nativeTT ? `${fmt(nativeTT.jump_to.median_ms)} / ${fmt(nativeTT.jump_to.max_ms)} ms` : "–"} | ${fmt(tt.jump.median)} / ${fmt(tt.jump.p90)} / ${fmt(tt.jump.max)} ms | 16 ms |
| back one phase: median / p90 / max | ${nativeTT ? `${fmt(nativeTT.back.median_ms)} / ${fmt(nativeTT.back.max_ms)} ms` : "–"} | ${fmt(tt.back.median)} / ${fmt(tt.back.p90)} / ${fmt(tt.back.max)} ms | 16 ms |
| back one line: median / p90 / max | ${nativeTT ? `${fmt(nativeTT.back_line.median_ms)} / ${fmt(nativeTT.back_line.max_ms)} ms` : "–"} | ${fmt(tt.backLine.median)} / ${fmt(tt.backLine.p90)} / ${fmt(tt.backLine.max)} ms | 16 ms |
| checkpoints kept / spacing (instructions) | ${nativeTT ? `${nativeTT.checkpoints} / ${nativeTT.interval}` : "–"} | ${tt.stats.checkpoints} / ${tt.stats.interval} | ≤ 32 |
| memory | ${nativeTT ? `${kb(nativeTT.session_bytes)} for the session with its history (a fresh session: ${kb(nativeTT.fresh_session_bytes)})` : "–"} | wasm linear memory ${kb(tt.memoryBefore)} before, ${kb(tt.memoryBytes)} after | bounded |

Stop (www/worker.js runs in slices and checks for a stop message between them): a
\`while True\` run (each iteration sums 2,000 ints) resolves ${fmt(stopLatency.min)}–${fmt(stopLatency.max)} ms after \`stop()\` (budget 100 ms: ${verdict(stopLatency.max <= 100)}).

(native p90 is not measured: its max is shown; the native column has no p90.)
Jumps within 16 ms: native (max) ${verdict(nativeTT && nativeTT.jump_to.max_ms <= 16)}, wasm (p90) ${verdict(tt.jump.p90 <= 16 && tt.back.p90 <= 16 && tt.backLine.p90 <= 16)}, wasm (max) ${verdict(tt.jump.max <= 16 && tt.back.max <= 16 && tt.backLine.max <= 16)}.

${notes}`;
writeFileSync(join(ROOT, "BENCHMARKS.md"), md);
console.log("wrote BENCHMARKS.md");

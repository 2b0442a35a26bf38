// The bridge to the WebAssembly core, which runs in a Web Worker (www/worker.js) so the
// page never freezes. This is the page's whole API to the core (extend it, keep what is
// here stable):
//
//   ready                       Promise: the core is loaded
//   runProgram(source, {stdin}) Promise<{stdout, stderr, exitCode, instructions}> (window.pvm.run)
//   openSession(source, stdin)  Promise<RemoteSession> (resolves at once: its calls queue behind the open)
//   onCrash(listener)           listener(error) after the core failed and was restarted
//   trapNextCall()              makes the next session call execute a wasm trap (for tests)
//
// A RemoteSession has every method of the wasm Session (src/wasm.rs), each returning a
// Promise: most give a *view* {event, codeIndex, snapshot} (shapes of src/vm/events.rs,
// camelCase); codeObjects(), heapView(), historyStats() ... give what wasm.rs says. E.g.
//   view() step() stepInstruction() stepLine()      forward
//   back() backInstruction() backLine() jumpTo(n)   time travel (checkpoints + replay: fast anywhere)
//   runToEnd()  runs in slices; resolves to a view with `stopped`: null (the program ended),
//               "stop" (stop() was called) or "budget" (paused after a step budget; Run goes on).
//               Every earlier step stays reachable with back/jumpTo.
//   stop()      halts a runToEnd() within a slice (milliseconds); not queued behind it
//   free()
// Calls are answered in order; each waits for the previous one to finish.
//
// The core must never fail, but if it does (a wasm trap: a panic, `unreachable`, a stack
// overflow; or the worker dying), its memory can no longer be trusted. The bridge then
// rejects every pending call with a `CoreCrash`, throws the worker away and starts a fresh
// one; sessions opened before are gone (their calls reject with `CoreCrash` too), and the
// page opens the program again in a new session.

/** The core failed; the bridge has already started a fresh worker. */
export class CoreCrash extends Error {
  constructor(message) {
    super(message);
    this.name = "CoreCrash";
  }
}

/** Relative to the page, not to this module: the page loads it bundled into www/vendor/. */
const WORKER_URL = new URL("www/vendor/worker.js", document.baseURI);
const WASM_URL = new URL("pkg/pvm_bg.wasm", document.baseURI).href;
const STDLIB_URL = new URL("www/vendor/stdlib.json", document.baseURI).href;
let worker = null;
/** Bumped by each restart: sessions remember the worker they live in. */
let generation = 0;
let pending = new Map();
let nextId = 1;
const crashListeners = [];

function startWorker() {
  // The first worker may have been started by www/boot.js, before any module ran.
  worker = globalThis.pvmBoot?.worker;
  globalThis.pvmBoot = null;
  if (!worker) {
    worker = new Worker(WORKER_URL, { type: "module" });
    worker.postMessage({ op: "init", wasm: WASM_URL });
    worker.postMessage({ op: "stdlib", url: STDLIB_URL });
  }
  generation += 1;
  const mine = generation;
  worker.onmessage = ({ data }) => {
    if (mine !== generation) return;
    const call = pending.get(data.id);
    pending.delete(data.id);
    if (!("error" in data)) call?.resolve(data.result);
    else if (data.crashed) crash(data.error, call);
    else call?.reject(new Error(data.error));
  };
  // The worker itself died (it could not even report an error).
  worker.onerror = (event) => {
    event.preventDefault?.();
    if (mine === generation) crash(event.message || "the core's worker stopped");
  };
}

/** Rejects everything pending, restarts the worker and tells the listeners. */
function crash(message, call) {
  const error = new CoreCrash(message);
  const waiting = [...pending.values()];
  pending = new Map();
  worker.terminate();
  startWorker();
  for (const { reject } of call ? [call, ...waiting] : waiting) reject(error);
  for (const listener of crashListeners) listener(error);
}

function request(op, ...args) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, args });
  });
}

startWorker();

/** Resolves once the wasm core is instantiated (in the worker). */
export const ready = request("ready").then(() => undefined);

/** `listener(error)` runs after the core crashed and a fresh worker was started. */
export function onCrash(listener) {
  crashListeners.push(listener);
}

/**
 * For the browser tests: the next session call executes a genuine wasm trap
 * (`unreachable`) instead of its method, so the crash path can be checked.
 */
export function trapNextCall() {
  return request("trapNextCall");
}

/**
 * Runs a program to the end in run mode (no step events).
 * @returns {Promise<{stdout: string, stderr: string, exitCode: number, instructions: number}>}
 */
export function runProgram(source, { stdin = "" } = {}) {
  return request("runProgram", String(source), String(stdin ?? ""));
}

/** Session ids are chosen here, not by the worker, so the calls of a session just opened go
 * out with its `open` at once, without waiting for the reply: the page's first view is one
 * round trip to the worker after it starts, not two. */
let nextSessionId = 1;

/** A stepping session in the worker (see the top of this file). */
export async function openSession(source, stdin = "") {
  const id = nextSessionId++;
  const opened = request("open", id, String(source), String(stdin ?? ""));
  // Its failure reaches every call made on the session too (they are answered after it);
  // a crash has restarted the worker and made the session `gone`.
  opened.catch(() => {});
  const born = generation;
  const alive = () => born === generation;
  const gone = () => Promise.reject(new CoreCrash("the core was restarted; this session is gone"));
  const own = {
    async runToEnd() {
      if (!alive()) return gone();
      const { view, stopped } = await request("run", id);
      return { ...view, stopped };
    },
    stop() {
      if (alive()) worker.postMessage({ op: "stop" });
    },
    free() {
      return alive() ? request("free", id) : Promise.resolve();
    },
  };
  // Every other method of the wasm Session (src/wasm.rs) is called in the worker.
  return new Proxy(own, {
    get(target, name) {
      if (name in target || typeof name !== "string" || name === "then") return target[name];
      return (...args) => (alive() ? request("call", id, name, ...args) : gone());
    },
  });
}

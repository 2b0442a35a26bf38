// The bridge to the WebAssembly core, which runs in a Web Worker (www/worker.js) so the
// page never freezes. This is the page's whole API to the core (owned by perf; extend it,
// keep what is here stable):
//
//   ready                       Promise: the core is loaded
//   runProgram(source, {stdin}) Promise<{stdout, stderr, exitCode, instructions}> (window.pvm.run)
//   openSession(source, stdin)  Promise<RemoteSession>
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

const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const pending = new Map();
let nextId = 1;

worker.onmessage = ({ data }) => {
  const { resolve, reject } = pending.get(data.id);
  pending.delete(data.id);
  if ("error" in data) reject(new Error(data.error));
  else resolve(data.result);
};

function request(op, ...args) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, args });
  });
}

/** Resolves once the wasm core is instantiated (in the worker). */
export const ready = request("ready").then(() => undefined);

/**
 * Runs a program to the end in run mode (no step events).
 * @returns {Promise<{stdout: string, stderr: string, exitCode: number, instructions: number}>}
 */
export function runProgram(source, { stdin = "" } = {}) {
  return request("runProgram", String(source), String(stdin ?? ""));
}

/** A stepping session in the worker (see the top of this file). */
export async function openSession(source, stdin = "") {
  const id = await request("open", String(source), String(stdin ?? ""));
  const own = {
    async runToEnd() {
      const { view, stopped } = await request("run", id);
      return { ...view, stopped };
    },
    stop() {
      worker.postMessage({ op: "stop" });
    },
    free() {
      return request("free", id);
    },
  };
  // Every other method of the wasm Session (src/wasm.rs) is called in the worker.
  return new Proxy(own, {
    get(target, name) {
      if (name in target || typeof name !== "string" || name === "then") return target[name];
      return (...args) => request("call", id, name, ...args);
    },
  });
}

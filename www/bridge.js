// The bridge to the WebAssembly core (pkg/, built by wasm-pack --target web).
// Both the stepping page and `window.pvm.run` use this one module instance.

import init, { Session, run } from "../pkg/pvm.js";

const loaded = init();

/** Resolves once the wasm core is instantiated. */
export const ready = loaded.then(() => undefined);

/**
 * Runs a program to the end in run mode (no step events).
 * @returns {Promise<{stdout: string, stderr: string, exitCode: number, instructions: number}>}
 */
export async function runProgram(source, { stdin = "" } = {}) {
  await loaded;
  return run(String(source), String(stdin ?? ""));
}

/**
 * A stepping session. Every stepping call returns a view:
 * {event, codeIndex, snapshot} (shapes of src/vm/events.rs, camelCase).
 */
export async function openSession(source, stdin = "") {
  await loaded;
  return new Session(source, stdin);
}

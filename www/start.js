// The first thing the page runs (index.html loads it `async`, ahead of main.js and the
// editor bundle): it starts the core's worker and opens the first program in it, so the
// wasm loads and the program compiles while the rest of the page is still arriving.
// main.js picks the session up from here.

import { openSession } from "./bridge.js";
import { readHash, autosaved } from "./share.js";
import { EXAMPLES, DEFAULT_EXAMPLE } from "./examples.js";

/**
 * The program the URL (or the autosave, or the gallery) asks for:
 * {source, step?, example: name | null, notice: text | null}. A `#code=` link that
 * cannot be read falls back to the autosaved program (or the default example) with a
 * notice saying so, never to a blank page.
 */
export function chooseProgram(hash = location.hash) {
  const { code, codeError, example, step } = readHash(hash);
  if (code !== undefined) return { source: code, step, example: null, notice: null };
  const saved = autosaved();
  let notice = null;
  if (codeError !== undefined) {
    notice = `This link's program could not be read: ${codeError}. `
      + (saved !== null ? "Showing your last autosaved program instead." : "Showing an example instead.");
  }
  if (!(example in EXAMPLES) && saved !== null) return { source: saved, step, example: null, notice };
  const name = example in EXAMPLES ? example : DEFAULT_EXAMPLE;
  return { source: EXAMPLES[name].source, step, example: name, notice };
}

/** The program the page opens with. */
export const first = chooseProgram();

/** Its session, opened as soon as the worker is there (the stdin box starts empty). */
export const firstSession = openSession(first.source, "");

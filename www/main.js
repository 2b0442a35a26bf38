// Wires the page together: the editor and the URL choose a program, the wasm
// core steps it, and the views render each step.

import { ready, runProgram, openSession } from "./bridge.js";
import { createEditor } from "./editor.js";
import { createBytecodeView } from "./bytecode-view.js";
import { createMachineView } from "./machine-view.js";
import { createPhaseView } from "./phase-view.js";
import { createControls } from "./controls.js";
import { readHash, writeCodeHash, encodeSource } from "./share.js";
import { EXAMPLES, DEFAULT_EXAMPLE } from "./examples.js";

// The scripting contract (DESIGN.md): run mode with the same core the page
// steps with. `ready` also waits for the first program to be on screen.
let firstProgramShown;
const shown = new Promise((resolve) => { firstProgramShown = resolve; });
window.pvm = { ready: ready.then(() => shown), run: runProgram };

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
const RECOMPILE_DELAY_MS = 400;

const bytecodeView = createBytecodeView(byTestId("bytecode"));
const machineView = createMachineView({
  stack: byTestId("stack"), frames: byTestId("frames"),
  output: byTestId("output"), error: byTestId("error"),
});
const phaseView = createPhaseView({
  phase: byTestId("phase"), detail: document.getElementById("phase-detail"),
  explanation: byTestId("explanation"),
});
const stepCount = byTestId("step-count");
const instructionCount = document.getElementById("instruction-count");
const runStatus = document.getElementById("run-status");

const stdinBox = document.getElementById("stdin");
let session = null;
let codeObjects = [];

/** Runs one stepping call of the session and renders its view. */
function stepWith(call) {
  return () => {
    flushEdits();
    loading = loading.then(async () => {
      if (!session) return;
      try {
        show(await call(session));
      } catch (error) {
        // The core must never fail; if it does, say so instead of freezing the page.
        machineView.showError(`Internal error in the PVM core: ${error}`);
        controls.update({ ready: false });
      }
    });
  };
}

const controls = createControls(document.body, {
  step: stepWith((s) => s.step()),
  "step-instruction": stepWith((s) => s.stepInstruction()),
  "step-line": stepWith((s) => s.stepLine()),
  back: stepWith((s) => s.back()),
  // The core runs in a worker, in slices: the page stays responsive, and Stop
  // (or a step budget) pauses the run with every step before it still reachable.
  run: stepWith(async (s) => {
    controls.running(true);
    try {
      return await s.runToEnd();
    } finally {
      controls.running(false);
    }
  }),
  stop: () => session?.stop(),
  reset: () => load(editor.getSource()),
});
controls.update({ ready: false });

/** Renders one view {event, codeIndex, snapshot} returned by the session. */
function show({ event, codeIndex, snapshot, stopped = null }) {
  phaseView.render(event, snapshot);
  const pushed = event?.phase === "execute" && !event.framePushed ? event.pushed.length : 0;
  machineView.render(snapshot, pushed);

  const top = snapshot.frames[snapshot.frames.length - 1];
  const current = event
    ? { codeIndex, offset: event.offset }
    : top ? { codeIndex: top.codeIndex, offset: top.offset } : null;
  bytecodeView.mark(current?.codeIndex, current?.offset, event?.phase, {
    prefixes: event?.phase === "fetch" ? event.extendedArgs.map(([offset]) => offset) : [],
    jumpTarget: jumpTargetOf(event),
  });
  editor.markLine(current ? lineOf(current.codeIndex, current.offset) : null);

  stepCount.textContent = String(snapshot.stepCount);
  instructionCount.textContent = `${snapshot.instructionCount} instruction${snapshot.instructionCount === 1 ? "" : "s"}`;
  runStatus.textContent = snapshot.finished
    ? `finished (exit ${snapshot.exitCode}) ·`
    : stopped === "stop" ? "stopped (Run goes on) ·"
    : stopped === "budget" ? "paused after the step budget: still running (Run goes on) ·" : "";
  runStatus.className = snapshot.exitCode ? "failed" : "";
  controls.update({ ready: true, finished: snapshot.finished, stepCount: snapshot.stepCount });
}

/** The offset a jump instruction may go to, once it is decoded. */
function jumpTargetOf(event) {
  if (event?.phase === "decode" && event.lookup?.table === "jump_offset") return Number(event.lookup.value);
  if (event?.phase === "execute" && event.jump) return event.jump.target;
  return null;
}

function lineOf(codeIndex, offset) {
  const ins = codeObjects[codeIndex]?.instructions.find((i) => i.offset === offset);
  return ins?.line ?? null;
}

/** Compiles `source` into a fresh session at step 0. */
let loading = Promise.resolve();
function load(source) {
  loading = loading.then(async () => {
    session?.free();
    session = await openSession(source, stdinBox.value);
    codeObjects = await session.codeObjects();
    bytecodeView.render(codeObjects);
    show(await session.view());
  }).catch((error) => {
    session = null;
    machineView.clear();
    machineView.showError(`The page could not load the program: ${error}`);
    controls.update({ ready: false });
  });
  return loading;
}

// --- the program: from the URL, an example, or the default example ----------
const exampleSelect = document.getElementById("example-select");
for (const [name, { title }] of Object.entries(EXAMPLES)) {
  exampleSelect.append(new Option(title, name));
}

function initialSource() {
  const { code, example } = readHash();
  if (code !== undefined) {
    exampleSelect.value = "";
    return code;
  }
  const name = example in EXAMPLES ? example : DEFAULT_EXAMPLE;
  exampleSelect.value = name;
  return EXAMPLES[name].source;
}

// Edits (of the source or of stdin) restart the program after a pause in
// typing, or at once when a stepping button is pressed.
let recompileTimer = null;
function scheduleRecompile() {
  clearTimeout(recompileTimer);
  recompileTimer = setTimeout(flushEdits, RECOMPILE_DELAY_MS);
}
function flushEdits() {
  if (recompileTimer === null) return;
  clearTimeout(recompileTimer);
  recompileTimer = null;
  writeCodeHash(editor.getSource());
  load(editor.getSource());
}

const editor = createEditor(byTestId("editor"), initialSource(), () => {
  exampleSelect.value = "";
  scheduleRecompile();
});
stdinBox.addEventListener("input", scheduleRecompile);

exampleSelect.addEventListener("change", () => {
  const example = EXAMPLES[exampleSelect.value];
  if (!example) return;
  history.replaceState(null, "", `#example=${exampleSelect.value}`);
  editor.setSource(example.source);
  load(example.source);
});

window.addEventListener("hashchange", () => {
  editor.setSource(initialSource());
  load(editor.getSource());
});

document.getElementById("share").addEventListener("click", async (event) => {
  const url = new URL(location.href);
  url.hash = `code=${encodeSource(editor.getSource())}`;
  try {
    await navigator.clipboard.writeText(url.href);
    event.target.textContent = "Link copied";
  } catch {
    history.replaceState(null, "", url.hash);
    event.target.textContent = "Link in address bar";
  }
  setTimeout(() => { event.target.textContent = "Share"; }, 1500);
});

load(editor.getSource()).then(firstProgramShown);

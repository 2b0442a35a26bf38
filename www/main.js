// Wires the page together: the editor, the gallery and the URL choose a
// program, the wasm core steps it, and the views render each step.

import { ready, runProgram, openSession, onCrash, trapNextCall, CoreCrash } from "./bridge.js";
import { first, firstSession, chooseProgram } from "./start.js";
import { createLazyEditor } from "./lazy-editor.js";
import { createBytecodeView } from "./bytecode-view.js";
import { createMachineView } from "./machine-view.js";
import { createHeapView } from "./heap-view.js";
import { createPhaseView } from "./phase-view.js";
import { createControls } from "./controls.js";
import { createTimeline } from "./timeline.js";
import { createPlayer } from "./player.js";
import { initTheme, toggleTheme } from "./theme.js";
import { writeCodeHash, shareUrl, autosave, autosaved } from "./share.js";
import { EXAMPLES } from "./examples.js";

// The scripting contract (DESIGN.md): run mode with the same core the page
// steps with. `ready` also waits for the first program to be on screen and for
// the editor (asking for it loads CodeMirror at once, see lazy-editor.js).
// `testing.trapNextCall()` lets the browser tests crash the core for real.
let firstProgramShown;
const shown = new Promise((resolve) => { firstProgramShown = resolve; });
let everythingReady = null;
window.pvm = {
  get ready() {
    everythingReady ??= ready.then(() => shown).then(() => editor.load());
    return everythingReady;
  },
  run: runProgram,
  testing: { trapNextCall },
};

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
const byId = (id) => document.getElementById(id);
const RECOMPILE_DELAY_MS = 400;

initTheme();

const bytecodeView = createBytecodeView(byTestId("bytecode"), {
  onHover: (ins) => editor.markRange(ins?.positions ?? null),
});
const machineView = createMachineView({
  stack: byTestId("stack"), frames: byTestId("frames"),
  output: byTestId("output"), error: byTestId("error"),
});
const heapView = createHeapView(byTestId("heap"), { inlineToggle: byId("heap-inline") });
const phaseView = createPhaseView({
  phase: byTestId("phase"), detail: byId("phase-detail"),
  explanation: byTestId("explanation"), opcodeInfo: byId("opcode-info"),
  context: () => ({ code: codeObjects[currentCodeIndex], tables }),
});
const timeline = createTimeline({ scrubber: byTestId("scrubber"), markers: byId("timeline-markers") }, {
  onJump: (n) => act((s) => s.jumpTo(n))(),
});
const stepCount = byTestId("step-count");
const instructionCount = byId("instruction-count");
const runStatus = byId("run-status");
const stdinBox = byId("stdin");
const notice = byTestId("notice");

/** A message about the page itself (not the program's output): a crash, a bad link. */
function showNotice(text) {
  notice.textContent = text ?? "";
  notice.hidden = !text;
}

let session = null;
let codeObjects = [];
let currentCodeIndex = 0;
let tables = null;
let breakpoints = [];
let lastSnapshot = null;
let status = "";

/**
 * Runs one call of the session (after pending edits apply) and renders the
 * view it returns. Calls are queued, so clicks never interleave; `await`
 * keeps this working whether the bridge answers at once or from a worker.
 */
function act(call) {
  return () => {
    flushEdits();
    return queue(async () => {
      if (!session) return;
      try {
        status = "";
        // The heap view is asked for at once, not after the view arrives: the worker
        // answers in order, so it describes the machine after this call (one round trip).
        const pendingView = call(session);
        const pendingHeap = session.heapView();
        pendingHeap.catch(() => {}); // a failure is reported through pendingView
        const view = await pendingView;
        await refreshListings(view);
        show(view, await pendingHeap);
      } catch (error) {
        player.stop();
        // A crashed core is restarted by the bridge and the program reopened (onCrash).
        if (error instanceof CoreCrash) return;
        machineView.showError(`Internal error in the PVM core: ${error}`);
        controls.update({ ready: false });
      }
    });
  };
}

// `data-busy` on <body> while calls are pending: tests (and styles) can wait for it.
let loading = Promise.resolve();
let pending = 0;
function queue(task, onError = (error) => console.error(error)) {
  pending += 1;
  document.body.dataset.busy = "true";
  // A failed task is handled here, so the queue itself never rejects.
  loading = loading.then(task).catch(onError).finally(() => {
    pending -= 1;
    if (pending === 0) delete document.body.dataset.busy;
  });
  return loading;
}

const player = createPlayer({
  speed: byTestId("speed"),
  tick: async (phases) => {
    let stop = true;
    await act(async (s) => {
      const view = await (phases ? s.step() : s.stepInstruction());
      stop = view.snapshot.finished || atBreakpoint(view);
      if (stop && !view.snapshot.finished) status = `paused at breakpoint, line ${lineOfView(view)} ·`;
      return view;
    })();
    return !stop;
  },
  onChange: () => lastSnapshot && updateControls(lastSnapshot),
});

const stopButton = byTestId("stop");
stopButton.addEventListener("click", () => session?.stop());

const controls = createControls(document.body, {
  step: act((s) => s.step()),
  "step-instruction": act((s) => s.stepInstruction()),
  "step-line": act((s) => s.stepLine()),
  "step-over": act((s) => s.stepOver()),
  "step-out": act((s) => s.stepOut()),
  back: act((s) => s.back()),
  "back-instruction": act((s) => s.backInstruction()),
  "back-line": act((s) => s.backLine()),
  // The core runs in a worker, in slices: the page stays responsive, Stop halts
  // the run, and a step budget pauses it; every step before stays reachable.
  run: act(async (s) => {
    player.stop();
    stopButton.hidden = stopButton.disabled = false;
    let view;
    try {
      view = await s.runToEnd();
    } finally {
      stopButton.hidden = stopButton.disabled = true;
    }
    if (view.stopped === "stop") status = "stopped (Run goes on) ·";
    else if (!view.snapshot.finished) view.paused = true;
    return view;
  }),
  "run-to-breakpoint": act(async (s) => {
    const view = await s.runToBreakpoint(Uint32Array.from(breakpoints));
    if (!view.snapshot.finished) status = `stopped at breakpoint, line ${lineOfView(view)} ·`;
    return view;
  }),
  play: () => {
    // A breakpoint stops the animation when its line is entered, not where it starts.
    playLine = lastSnapshot ? lineOfView({ snapshot: lastSnapshot }) : null;
    player.toggle();
  },
  reset: act((s) => { player.stop(); return s.jumpTo(0); }),
  theme: toggleTheme,
  help: () => byId("help").showModal(),
}, { helpDialog: byId("help") });
// The stepping buttons take clicks while the first program still loads (index.html paints
// nothing before this module ran): a click waits in the queue behind the load and acts as
// soon as the program is on screen, as during any later load.
controls.update({ ready: true, finished: false, stepCount: 0 });
byId("help-close").addEventListener("click", () => byId("help").close());

/**
 * An `import` compiles the module's code objects while the program runs: when a view
 * refers to one the listing does not have yet, the listing is fetched again.
 */
async function refreshListings({ codeIndex, snapshot }) {
  const indices = [codeIndex ?? 0, ...snapshot.frames.map((frame) => frame.codeIndex)];
  if (Math.max(...indices) < codeObjects.length) return;
  codeObjects = await session.codeObjects();
  bytecodeView.render(codeObjects);
}

/** Renders one view {event, codeIndex, snapshot} returned by the session. */
function show({ event, codeIndex, snapshot, paused = false }, heap) {
  lastSnapshot = snapshot;
  const top = snapshot.frames[snapshot.frames.length - 1];
  const current = event
    ? { codeIndex, offset: event.offset }
    : top ? { codeIndex: top.codeIndex, offset: top.offset } : null;
  currentCodeIndex = current?.codeIndex ?? 0;

  phaseView.render(event, snapshot);
  machineView.render(snapshot, event, heap);
  heapView.render(heap);
  bytecodeView.mark(current?.codeIndex, current?.offset, event?.phase, {
    prefixes: event?.phase === "fetch" ? event.extendedArgs.map(([offset]) => offset) : [],
    cacheUnits: event?.phase === "fetch" ? event.cacheUnits : 0,
    jumpTarget: jumpTargetOf(event),
  });
  // After an execute, the line the next instruction is on is marked too.
  const nextLine = event?.phase === "execute" && top ? top.line : null;
  editor.markLine(current ? lineOf(current.codeIndex, current.offset) : null, nextLine);

  stepCount.textContent = String(snapshot.stepCount);
  timeline.setStep(snapshot.stepCount);
  instructionCount.textContent = `${snapshot.instructionCount} instruction${snapshot.instructionCount === 1 ? "" : "s"}`;
  runStatus.textContent = snapshot.finished
    ? `finished (exit ${snapshot.exitCode}) ·`
    : paused ? "paused: still running (Run goes on) ·" : status;
  runStatus.className = snapshot.exitCode ? "failed" : "";
  updateControls(snapshot);
}

function updateControls(snapshot) {
  controls.update({
    ready: true, finished: snapshot.finished, stepCount: snapshot.stepCount, playing: player.playing,
  });
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

function lineOfView({ snapshot }) {
  return snapshot.frames[snapshot.frames.length - 1]?.line ?? null;
}

/** An animated run stops when the next instruction starts a breakpoint line. */
let playLine = null;
function atBreakpoint(view) {
  const line = lineOfView(view);
  const hit = view.snapshot.nextPhase === "fetch" && line !== playLine && breakpoints.includes(line);
  playLine = line;
  return hit;
}

/**
 * Compiles `source` into a fresh session at step 0 (or at `step`); `opened` is a
 * session already being opened for it (start.js opens the first one early).
 */
function load(source, step = 0, opened = null) {
  player.stop();
  return queue(async () => {
    session?.free?.();
    session = null;
    const opening = await (opened ?? openSession(source, stdinBox.value));
    session = opening;
    // Everything the first view needs, asked for at once: the worker answers in order
    // without waiting for the page in between (one round trip, not five).
    const [objects, opargTables, syntaxError, view, heap] = await Promise.all([
      opening.codeObjects(),
      tables ?? opening.opargTables(),
      opening.syntaxError(),
      step > 0 ? opening.jumpTo(step) : opening.view(),
      opening.heapView(),
    ]);
    codeObjects = objects;
    tables ??= opargTables;
    bytecodeView.render(codeObjects);
    editor.markError(syntaxError);
    timeline.clear();
    await refreshListings(view);
    show(view, heap);
    crashesInARow = 0;
    // The timeline replays the program: asked for after the first view is on screen and
    // after any click that waited for it (the queue runs that click before this timer).
    setTimeout(() => loadTimeline(opening));
  }, (error) => {
    if (error instanceof CoreCrash) return; // onCrash opens the program again.
    session = null;
    machineView.clear();
    heapView.clear();
    machineView.showError(`The page could not load the program: ${error}`);
    controls.update({ ready: false });
  });
}

/** Sets the timeline's markers for `opened`, unless another program was opened since. */
function loadTimeline(opened) {
  if (session !== opened) return;
  opened.timeline().then((markers) => {
    if (session === opened) timeline.setTimeline(markers);
  }, () => {}); // a crash is handled by onCrash; the markers are not essential
}

// The core crashed (a wasm trap): the bridge has started a fresh worker. The program in
// the editor is untouched; open it again, at step 0, in a new session — unless opening
// it is what crashed (twice in a row), which would loop: then wait for an edit.
let crashesInARow = 0;
onCrash((error) => {
  player.stop();
  crashesInARow += 1;
  const what = `Internal error in the PVM core (${error.message.split("\n")[0]}). Your program is kept; `;
  if (crashesInARow > 2) {
    showNotice(`${what}the core crashed again while opening it, so it is not reopened until you edit it.`);
    session = null;
    controls.update({ ready: false });
    return;
  }
  showNotice(`${what}a fresh session was started.`);
  load(editor.getSource());
});

// --- the program: from the URL, an example, the autosave or the default -----
const exampleSelect = byId("example-select");
for (const [name, { title }] of Object.entries(EXAMPLES)) {
  exampleSelect.append(new Option(title, name));
}

function showLesson(name) {
  byId("lesson").textContent = EXAMPLES[name]?.lesson ?? "";
}

/** Shows which program `chosen` (start.js `chooseProgram`) is: picker, lesson, notice. */
function showChosen(chosen) {
  exampleSelect.value = chosen.example ?? "";
  showLesson(chosen.example);
  showNotice(chosen.notice);
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

showChosen(first);
const editor = createLazyEditor(byTestId("editor"), first.source, {
  onEdit(source) {
    exampleSelect.value = "";
    showLesson(null);
    showNotice(null);
    autosave(source);
    scheduleRecompile();
  },
  onBreakpoints(lines) { breakpoints = lines; },
  onHover: (spot) => bytecodeView.highlightSource(spot),
});
stdinBox.addEventListener("input", scheduleRecompile);

exampleSelect.addEventListener("change", () => {
  const name = exampleSelect.value;
  // "Your program" brings back the autosaved buffer: choosing an example never loses it.
  const source = EXAMPLES[name]?.source ?? autosaved() ?? "";
  history.replaceState(null, "", name ? `#example=${name}` : `#code=`);
  if (!name) writeCodeHash(source);
  showLesson(name);
  showNotice(null);
  editor.setSource(source);
  load(source);
});

window.addEventListener("hashchange", () => {
  const chosen = chooseProgram();
  showChosen(chosen);
  editor.setSource(chosen.source);
  load(chosen.source, chosen.step);
});

for (const button of document.querySelectorAll("[data-bytecode-mode]")) {
  button.addEventListener("click", () => {
    bytecodeView.setMode(button.dataset.bytecodeMode);
    for (const other of document.querySelectorAll("[data-bytecode-mode]")) {
      other.setAttribute("aria-pressed", String(other === button));
    }
  });
}

byTestId("share").addEventListener("click", async (event) => {
  const url = shareUrl(editor.getSource(), lastSnapshot?.stepCount ?? 0);
  history.replaceState(null, "", new URL(url).hash);
  try {
    await navigator.clipboard.writeText(url);
    event.target.textContent = "Link copied";
  } catch {
    event.target.textContent = "Link in address bar";
  }
  setTimeout(() => { event.target.textContent = "Share"; }, 1500);
});

// The stdin box may come back filled after a reload: then the early session is not it.
// CodeMirror loads once the first program is on screen: stepping never waits for it.
load(first.source, first.step ?? 0, stdinBox.value === "" ? firstSession : null).then(() => {
  firstProgramShown();
  editor.loadSoon();
});

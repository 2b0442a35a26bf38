// The Web Worker that hosts the wasm core, so a long or endless program never
// freezes the page. bridge.js is its only client; the protocol is private:
//   first    {op: "init", wasm}   the wasm's bytes or URL (see below); no reply
//            {op: "stdlib", text | url}   the stdlib's sources (see below); no reply
//   request  {id, op, args}   op: ready | open | call | run | free | runProgram | trapNextCall
//   response {id, result} | {id, error, crashed}
// `run` goes on in slices of RUN_SLICE phases and checks between slices for a
// `stop` message (which carries no id and gets no reply), so Stop halts a
// runaway loop within one slice (a few milliseconds).
//
// The core never throws; an error here is a wasm trap (a panic, `unreachable`, a stack
// overflow) after which the instance's memory cannot be trusted. It is answered with
// `crashed: true` and the bridge replaces this worker with a fresh one.

// The page's first message, {op: "init", wasm}, brings the wasm: its bytes (www/boot.js
// downloads them while this worker starts up) or its URL (then it is downloaded here and
// compiled streaming; this file runs from www/ or, bundled, from www/vendor/).
// scripts/build.sh bundles this file with pkg/pvm.js into www/vendor/worker.js, which the
// page starts: one request, where an `import` would have been a second round trip.
import initCore, * as core from "../pkg/pvm.js";

let receiveWasm;
const wasm = new Promise((resolve) => { receiveWasm = resolve; });
/** Set if the core could not be loaded at all (then nothing is "crashed": no restart helps). */
let loadError = null;
const coreLoaded = wasm
  .then((bytesOrUrl) => initCore({ module_or_path: bytesOrUrl }))
  .catch((error) => { loadError = error; });

// The core's Python stdlib modules (`import collections` ...) are not in the wasm: the
// page's second message, {op: "stdlib"}, brings www/vendor/stdlib.json ({name: source},
// scripts/stdlib-bundle.mjs) as text (www/boot.js downloads it alongside the wasm; it is a
// twentieth of its size, so it is here first) or as a URL to download here; if no such
// message has come when the core is ready (a page whose boot.js predates this file), the
// worker downloads the file next to its own script. Every module is handed to the core
// before the first request runs, so an import never depends on timing and a replay (time
// travel) imports the same code. If the file cannot be had (every offer failed, or no
// response within STDLIB_PATIENCE of the core being ready), programs still run and each
// such import raises an ImportError that says so.
const STDLIB_PATIENCE = 10_000;
let settleStdlib;
/** The sources ({name: source}), or null if none could be had. */
const stdlibLoaded = new Promise((resolve) => { settleStdlib = resolve; });
let stdlibSources = null;
/** Offers are tried one after another, so a failed one (an aborted download) never hides a
 * later good one, and a download already under way is never started twice. */
let stdlibOffers = Promise.resolve();
let stdlibOffersWaiting = 0;
let pageOfferedStdlib = false;

function offerStdlib({ text, url }) {
  stdlibOffersWaiting += 1;
  stdlibOffers = stdlibOffers.then(async () => {
    stdlibOffersWaiting -= 1;
    if (stdlibSources) return;
    try {
      stdlibSources = JSON.parse(text ?? await download(url));
      settleStdlib(stdlibSources);
    } catch (error) {
      // Give up only when nothing else is coming: the page's offer has been tried.
      if (pageOfferedStdlib && stdlibOffersWaiting === 0) {
        console.error(`pvm: the stdlib's sources could not be loaded (${error}); imports of its modules will fail`);
        settleStdlib(null);
      }
    }
  });
}

async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

coreLoaded.then(() => {
  if (!pageOfferedStdlib) offerStdlib({ url: new URL("stdlib.json", import.meta.url).href });
});
const patience = coreLoaded.then(() => new Promise((resolve) => setTimeout(() => resolve(null), STDLIB_PATIENCE)));

const loaded = Promise.all([coreLoaded, Promise.race([stdlibLoaded, patience])]).then(([, sources]) => {
  if (loadError || !sources) return;
  for (const [name, source] of Object.entries(sources)) core.provideStdlibModule(name, String(source));
});
/** trapNextCall (tests only): the next session call traps instead. */
let trapArmed = false;

/** Phases per slice of a run: small enough that Stop is seen within ~20 ms. */
const RUN_SLICE = 60_000;
/** A run pauses after this many phases (Run again goes on), like a step budget. */
const RUN_BUDGET = 10_000_000;

const sessions = new Map();
let stopRequested = false;

/** Lets queued messages (a `stop`) be handled, without setTimeout's clamping. */
const channel = new MessageChannel();
const yieldQueue = [];
channel.port1.onmessage = () => yieldQueue.shift()?.();
const yieldToMessages = () => new Promise((resume) => { yieldQueue.push(resume); channel.port2.postMessage(null); });

/** Runs a session's program on until it ends, is stopped, or uses up the budget. */
async function runSliced(session) {
  stopRequested = false;
  const start = session.stepCount();
  for (;;) {
    const finished = session.advance(RUN_SLICE);
    if (finished) return { view: session.settle(), stopped: null };
    if (session.stepCount() - start >= RUN_BUDGET) return { view: session.settle(), stopped: "budget" };
    await yieldToMessages();
    if (stopRequested) return { view: session.settle(), stopped: "stop" };
  }
}

const OPS = {
  ready: () => true,
  // The page chooses the id (bridge.js), so it can send the session's calls before this reply.
  open: ([id, source, stdin]) => {
    sessions.set(id, new core.Session(source, stdin));
    return id;
  },
  call: ([id, method, ...args]) => {
    if (trapArmed) {
      trapArmed = false;
      core.trapForTesting();
    }
    return sessions.get(id)[method](...args);
  },
  trapNextCall: () => { trapArmed = true; },
  run: ([id]) => runSliced(sessions.get(id)),
  free: ([id]) => {
    sessions.get(id)?.free();
    sessions.delete(id);
  },
  runProgram: ([source, stdin]) => core.run(source, stdin),
};

/** Requests run one after another (a run's slices are not interleaved with steps). */
let queue = Promise.resolve();

async function handle({ id, op, args }) {
  await loaded;
  if (loadError) {
    self.postMessage({ id, error: `the PVM core could not be loaded: ${loadError}` });
    return;
  }
  try {
    const result = await OPS[op](args);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: String(error?.stack ?? error), crashed: true });
  }
}

self.onmessage = ({ data }) => {
  if (data.op === "init") {
    receiveWasm(data.wasm);
  } else if (data.op === "stdlib") {
    pageOfferedStdlib = true;
    offerStdlib(data);
  } else if (data.op === "stop") {
    stopRequested = true;
  } else {
    queue = queue.then(() => handle(data));
  }
};

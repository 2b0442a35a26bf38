// The Web Worker that hosts the wasm core, so a long or endless program never
// freezes the page. bridge.js is its only client; the protocol is private:
//   request  {id, op, args}            op: open | call | run | free | runProgram
//   response {id, result} | {id, error}
// `run` goes on in slices of RUN_SLICE phases and checks between slices for a
// `stop` message (which carries no id and gets no reply), so Stop halts a
// runaway loop within one slice (a few milliseconds).

import init, { Session, run } from "../pkg/pvm.js";

const loaded = init();

/** Phases per slice of a run: small enough that Stop is seen within ~20 ms. */
const RUN_SLICE = 60_000;
/** A run pauses after this many phases (Run again goes on), like a step budget. */
const RUN_BUDGET = 10_000_000;

const sessions = new Map();
let nextSession = 1;
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
  open: ([source, stdin]) => {
    const id = nextSession++;
    sessions.set(id, new Session(source, stdin));
    return id;
  },
  call: ([id, method, ...args]) => sessions.get(id)[method](...args),
  run: ([id]) => runSliced(sessions.get(id)),
  free: ([id]) => {
    sessions.get(id)?.free();
    sessions.delete(id);
  },
  runProgram: ([source, stdin]) => run(source, stdin),
};

/** Requests run one after another (a run's slices are not interleaved with steps). */
let queue = Promise.resolve();

async function handle({ id, op, args }) {
  try {
    await loaded;
    const result = await OPS[op](args);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: String(error?.stack ?? error) });
  }
}

self.onmessage = ({ data }) => {
  if (data.op === "stop") {
    stopRequested = true;
  } else {
    queue = queue.then(() => handle(data));
  }
};

// The page's only classic script, run as soon as it arrives (async: it never waits for the
// parser, the stylesheet or the modules). It starts the core's Web Worker at once: the
// worker's own start-up (a thread, an isolate, its script) takes longer than the rest of the
// page's, and it then downloads and compiles the wasm (streaming) off the page's main
// thread, whose time goes to the page. www/bridge.js adopts the worker from
// window.pvmBoot, or starts its own if it ran first (then it leaves null there, and this
// does nothing).
"use strict";
if (window.pvmBoot === undefined) {
  const worker = new Worker(new URL("www/vendor/worker.js", document.baseURI), { type: "module" });
  worker.postMessage({ op: "init", wasm: new URL("pkg/pvm_bg.wasm", document.baseURI).href });
  window.pvmBoot = { worker };
}

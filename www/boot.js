// The page's only classic script, run as soon as it arrives (async: it never holds up the
// parser): it starts the core's Web Worker, so the wasm downloads and compiles while the
// page's modules are still arriving. www/bridge.js adopts the worker, or starts its own if
// it ran first (then it leaves null here, and this does nothing).
"use strict";
if (window.pvmBootWorker === undefined) {
  window.pvmBootWorker = new Worker(new URL("www/worker.js", document.baseURI), { type: "module" });
}

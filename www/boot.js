// The page's only classic script, run by the parser as soon as it is seen: it starts the
// core's Web Worker, so the wasm downloads and compiles while the page's modules are still
// arriving. www/bridge.js adopts the worker (or starts its own if this did not run).
"use strict";
window.pvmBootWorker = new Worker(new URL("www/worker.js", document.baseURI), { type: "module" });

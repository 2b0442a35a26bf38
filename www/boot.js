// The page's only classic script, run as soon as it arrives (async: it never waits for the
// parser, the stylesheet or the modules). It starts the slow parts of the start-up side by
// side: the core's Web Worker, whose own start-up (a thread, an isolate, its script) takes
// longer than the rest of the page's, and the downloads of the wasm and of the stdlib's
// Python sources, which are then handed over to the worker (the wasm's bytes transferred,
// not copied), which compiles the wasm off the page's main thread. www/bridge.js adopts the
// worker from window.pvmBoot, or starts its own if it ran first (then it leaves null there,
// and this does nothing).
"use strict";
if (window.pvmBoot === undefined) {
  const worker = new Worker(new URL("www/vendor/worker.js", document.baseURI), { type: "module" });
  const url = new URL("pkg/pvm_bg.wasm", document.baseURI).href;
  // If the download fails here, the worker is given the URL: it tries again and reports.
  fetch(url)
    .then((response) => (response.ok ? response.arrayBuffer() : url))
    .catch(() => url)
    .then((wasm) => worker.postMessage({ op: "init", wasm }, typeof wasm === "string" ? [] : [wasm]));
  // The core's Python stdlib modules, which the wasm leaves out (see www/worker.js), likewise.
  const stdlib = new URL("www/vendor/stdlib.json", document.baseURI).href;
  fetch(stdlib)
    .then((response) => (response.ok ? response.text().then((text) => ({ text })) : { url: stdlib }))
    .catch(() => ({ url: stdlib }))
    .then((message) => worker.postMessage({ op: "stdlib", ...message }));
  window.pvmBoot = { worker };
}

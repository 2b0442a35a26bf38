// The page's first script (index.html loads it first in the head, a plain blocking script:
// it runs as soon as it arrives, before the page's modules, and does not wait for the
// stylesheet). It starts the core's Web Worker at once: the worker's own start-up (a
// thread, an isolate, its script) takes longer than the rest of the page's, and it then
// downloads and compiles the wasm (streaming) off the page's main thread, whose time goes
// to the page. www/bridge.js adopts the worker from window.pvmBoot (and starts its own if
// this did not run).
//
// The stepping buttons are on screen before the page's modules have run: a click on one
// meanwhile is kept here, and main.js replays it (it then waits for the first program like
// any click during a load).
"use strict";
(() => {
  const worker = new Worker(new URL("www/vendor/worker.js", document.baseURI), { type: "module" });
  worker.postMessage({ op: "init", wasm: new URL("pkg/pvm_bg.wasm", document.baseURI).href });
  const clicks = [];
  const keep = (event) => {
    const button = event.target.closest?.("button[data-testid]");
    if (button && !button.disabled) clicks.push(button.dataset.testid);
  };
  document.addEventListener("click", keep, true);
  /** The buttons clicked so far (data-testid, in order); stops keeping them. */
  const takeClicks = () => {
    document.removeEventListener("click", keep, true);
    return clicks.splice(0);
  };
  window.pvmBoot = { worker, takeClicks };
})();

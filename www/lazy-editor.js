// The editor in two stages, so the first step never waits for CodeMirror (a 370 KB bundle
// that takes longer to compile and start than the whole wasm core):
//   1. at once, the program as plain text with line numbers, the executing line marked;
//   2. CodeMirror (editor.js), loaded once the page has been idle a moment, or as soon as
//      the reader reaches for the editor (or a script awaits window.pvm.ready), takes
//      over with the same text and marks.
// The object returned has editor.js's interface, plus `load()` and `loaded` (Promises).

import { el, setChildren } from "./dom.js";

/**
 * `loadSoon()` waits this long, then for an idle moment (ms): CodeMirror takes a few
 * hundred milliseconds of the main thread to start, which should not delay the reader's
 * first clicks on the stepping buttons.
 */
const SETTLE_MS = 800;
const IDLE_TIMEOUT_MS = 1000;

export function createLazyEditor(parent, source, callbacks) {
  let text = source;
  let real = null;
  let marks = { line: null, next: null, range: null, error: null };
  let lines = [];

  const plain = el("div", {
    class: "plain-editor", tabindex: "0", role: "textbox", "aria-readonly": "true",
    "aria-label": "Python source (the editor is loading)",
  });
  parent.append(plain);

  function renderPlain() {
    lines = text.split("\n").map((line, i) =>
      el("div", { class: "plain-line" }, el("span", { class: "plain-gutter" }, String(i + 1)), el("span", {}, line || " ")));
    setChildren(plain, lines);
    markPlain();
  }

  function markPlain() {
    lines.forEach((node, i) => {
      const n = i + 1;
      node.classList.toggle("cm-executing-line", n === marks.line);
      node.classList.toggle("cm-next-line", n === marks.next && n !== marks.line);
      node.classList.toggle("cm-error-line", n === marks.error?.line);
    });
  }
  renderPlain();

  let resolveLoaded;
  const loaded = new Promise((resolve) => { resolveLoaded = resolve; });
  let loading = null;
  let focusWhenLoaded = false;

  /** Loads CodeMirror now (once). */
  function load() {
    loading ??= import("./editor.js").then(({ createEditor }) => {
      real = createEditor(parent, text, callbacks);
      plain.remove();
      real.markLine(marks.line, marks.next);
      real.markRange(marks.range);
      real.markError(marks.error);
      if (focusWhenLoaded) real.focus();
      resolveLoaded();
    });
    return loading;
  }

  /** Loads CodeMirror after SETTLE_MS, when the page is idle. */
  function loadSoon() {
    setTimeout(() => {
      if (window.requestIdleCallback) requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS });
      else load();
    }, SETTLE_MS);
  }

  // Reaching for the editor loads it at once.
  for (const type of ["pointerdown", "focus", "keydown"]) {
    plain.addEventListener(type, () => { focusWhenLoaded = true; load(); });
  }

  return {
    load: () => load().then(() => loaded),
    loaded,
    loadSoon,
    getSource: () => (real ? real.getSource() : text),
    setSource(source) {
      if (real) return real.setSource(source);
      text = source;
      renderPlain();
    },
    markLine(line, next = null) {
      marks = { ...marks, line: line ?? null, next: next ?? null };
      if (real) real.markLine(line, next);
      else markPlain();
    },
    markRange(range) {
      marks.range = range ?? null;
      real?.markRange(range);
    },
    markError(error) {
      marks.error = error ?? null;
      if (real) real.markError(error);
      else markPlain();
    },
    breakpoints: () => (real ? real.breakpoints() : []),
  };
}

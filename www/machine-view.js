// The machine state from a snapshot: the operand stack of the running frame
// (pushes slide in, pops slide out), the frames with their locals, cells and
// free variables and their own stacks (a call slides a new frame in, a return
// shows the value coming back), the program's output and its traceback.

import { el, setChildren } from "./dom.js";

export function createMachineView({ stack, frames, output, error }) {
  let shownFrames = 0;

  /**
   * `event` is the step just taken (or null); `heap` the heap view, whose
   * bindings say which variables are cells or free variables.
   */
  function render(snapshot, event = null, heap = null) {
    const top = snapshot.frames[snapshot.frames.length - 1];
    const execute = event?.phase === "execute" ? event : null;
    const sameFrame = execute && !execute.framePushed && execute.framePopped == null;
    renderStack(top ? top.stack : [], sameFrame ? execute : null);
    renderFrames(snapshot.frames, execute, heap);
    output.textContent = snapshot.stdout;
    showError(snapshot.stderr);
  }

  function renderStack(values, execute) {
    const pushedCount = execute ? execute.pushed.length : 0;
    const firstPushed = values.length - pushedCount;
    const items = values.map((value, i) =>
      el("li", {
        class: i >= firstPushed ? "stack-item pushed" : "stack-item",
        dataset: { testid: "stack-item", type: value.typeName },
        title: `${value.typeName}: ${value.repr}`,
      }, value.repr));
    // Popped values leave as ghosts above the top (no test id: not on the stack).
    const ghosts = (execute?.popped ?? []).map((value) =>
      el("li", { class: "stack-ghost", dataset: { type: value.typeName }, "aria-hidden": "true" }, value.repr));
    setChildren(stack, items, ghosts);
    for (const ghost of ghosts) ghost.addEventListener("animationend", () => ghost.remove());
    stack.classList.toggle("empty", values.length === 0);
  }

  function renderFrames(frameViews, execute, heap) {
    const entering = frameViews.length > shownFrames && execute?.framePushed;
    shownFrames = frameViews.length;
    setChildren(frames, frameViews.map((frame, i) => {
      const running = i === frameViews.length - 1;
      const kinds = new Map((heap?.frames[i]?.variables ?? []).map((b) => [b.name, b.kind]));
      const locals = frame.locals.length === 0
        ? el("p", { class: "no-locals" }, "no variables yet")
        : el("table", { class: "locals" }, el("tbody", {}, frame.locals.map((v) => {
            const kind = kinds.get(v.name);
            return el("tr", { title: v.typeName, class: kind === "cell" || kind === "free" ? kind : null },
              el("th", { scope: "row" }, v.name,
                kind === "cell" || kind === "free" ? el("small", { class: "var-kind" }, ` ${kind}`) : null),
              el("td", {}, v.repr),
              el("td", { class: "type" }, v.typeName));
          })));
      const ownStack = el("div", { class: "frame-stack", "aria-label": "this frame's operand stack" },
        el("span", { class: "frame-stack-label" }, "stack"),
        frame.stack.length ? frame.stack.map((v) => el("code", { title: v.typeName }, v.repr)) : el("span", { class: "none" }, "empty"));
      const returned = running && execute?.framePopped != null
        ? el("div", { class: "returned-value" }, "← returned ", el("code", {}, execute.framePopped))
        : null;
      return el("li", {
        class: ["frame", running ? "running" : "", running && entering ? "entering" : ""].join(" ").trim(),
        dataset: { testid: "frame" },
      },
        el("div", { class: "frame-head" },
          el("span", { class: "qualname" }, frame.qualname),
          el("span", { class: "where" }, frame.line ? `line ${frame.line}, offset ${frame.offset}` : `offset ${frame.offset}`)),
        returned, locals, ownStack);
    }));
  }

  function showError(text) {
    error.textContent = text ?? "";
    error.hidden = !text;
  }

  function clear() {
    setChildren(stack);
    setChildren(frames);
    shownFrames = 0;
    output.textContent = "";
    showError("");
  }

  return { render, showError, clear };
}

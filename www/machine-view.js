// The machine state from a snapshot: the operand stack (of the running frame),
// the frames with their locals, the program's output and its error text.

import { el, setChildren } from "./dom.js";

export function createMachineView({ stack, frames, output, error }) {
  /**
   * `pushedCount` values at the top of the stack were just pushed (highlighted).
   */
  function render(snapshot, pushedCount = 0) {
    const top = snapshot.frames[snapshot.frames.length - 1];
    renderStack(top ? top.stack : [], pushedCount);
    renderFrames(snapshot.frames);
    output.textContent = snapshot.stdout;
    showError(snapshot.stderr);
  }

  function renderStack(values, pushedCount) {
    const firstPushed = values.length - pushedCount;
    setChildren(stack, values.map((value, i) =>
      el("li", {
        class: i >= firstPushed ? "stack-item pushed" : "stack-item",
        dataset: { testid: "stack-item", type: value.typeName },
        title: value.typeName,
      }, value.repr)));
    stack.classList.toggle("empty", values.length === 0);
  }

  function renderFrames(frameViews) {
    setChildren(frames, frameViews.map((frame, i) => {
      const running = i === frameViews.length - 1;
      const locals = frame.locals.length === 0
        ? el("p", { class: "no-locals" }, "no variables yet")
        : el("table", { class: "locals" }, el("tbody", {}, frame.locals.map((v) =>
            el("tr", { title: v.typeName },
              el("th", { scope: "row" }, v.name),
              el("td", {}, v.repr)))));
      return el("li", { class: running ? "frame running" : "frame", dataset: { testid: "frame" } },
        el("div", { class: "frame-head" },
          el("span", { class: "qualname" }, frame.qualname),
          el("span", { class: "where" }, frame.line ? `line ${frame.line}, offset ${frame.offset}` : `offset ${frame.offset}`)),
        locals);
    }));
  }

  function showError(text) {
    error.textContent = text ?? "";
    error.hidden = !text;
  }

  function clear() {
    setChildren(stack);
    setChildren(frames);
    output.textContent = "";
    showError("");
  }

  return { render, showError, clear };
}

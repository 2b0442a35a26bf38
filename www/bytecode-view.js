// The bytecode listing: every code object in `dis` layout (line, jump-target
// marker, offset, the instruction's two bytes, opname, oparg, argrepr), with
// the current instruction marked by aria-current="true".

import { el, hex, setChildren } from "./dom.js";

export function createBytecodeView(container) {
  let rows = new Map(); // "codeIndex:offset" -> <tr>
  let marked = [];

  function render(codeObjects) {
    rows = new Map();
    marked = [];
    setChildren(container, codeObjects.map((code, index) => renderCode(code, index)));
  }

  function renderCode(code, codeIndex) {
    const body = el("tbody");
    for (const ins of code.instructions) {
      const row = el(
        "tr",
        { class: ins.startsLine !== null && ins.startsLine !== undefined ? "starts-line" : null,
          dataset: { offset: ins.offset, codeIndex } },
        el("td", { class: "line" }, ins.startsLine ?? ""),
        el("td", { class: "target" }, ins.isJumpTarget ? ">>" : ""),
        el("td", { class: "offset" }, ins.offset),
        el("td", { class: "bytes", title: "opcode byte, oparg byte" }, `${hex(ins.bytes[0])} ${hex(ins.bytes[1])}`),
        el("td", { class: "opname", title: ins.explanation ?? "" }, ins.opname),
        el("td", { class: "arg" }, ins.arg ?? ""),
        el("td", { class: "argrepr", title: ins.argrepr || null }, ins.argrepr ? `(${ins.argrepr})` : ""),
      );
      rows.set(`${codeIndex}:${ins.offset}`, row);
      body.append(row);
    }
    const title = codeIndex === 0
      ? `${code.qualname}`
      : `Disassembly of <code object ${code.name}>, line ${code.firstLineno}`;
    return el("section", { class: "code-object", dataset: { codeIndex } },
      el("h3", {}, title),
      el("table", { class: "listing" }, body));
  }

  /**
   * Marks the instruction at `offset` of code object `codeIndex` as current;
   * `prefixes` are offsets of EXTENDED_ARG units read with it, `jumpTarget`
   * the offset a jump instruction may go to.
   */
  function mark(codeIndex, offset, phase, { prefixes = [], jumpTarget = null } = {}) {
    for (const row of marked) {
      row.removeAttribute("aria-current");
      row.classList.remove("current", "fetch", "decode", "execute", "prefix-read", "jump-goal");
    }
    marked = [];
    if (codeIndex === null || codeIndex === undefined) return;
    const goal = jumpTarget === null ? null : rows.get(`${codeIndex}:${jumpTarget}`);
    if (goal) { goal.classList.add("jump-goal"); marked.push(goal); }
    for (const prefix of prefixes) {
      const row = rows.get(`${codeIndex}:${prefix}`);
      if (row) { row.classList.add("prefix-read"); marked.push(row); }
    }
    const row = rows.get(`${codeIndex}:${offset}`);
    if (!row) return;
    row.setAttribute("aria-current", "true");
    row.classList.add("current");
    if (phase) row.classList.add(phase);
    marked.push(row);
    row.scrollIntoView({ block: "nearest" });
  }

  return { render, mark };
}

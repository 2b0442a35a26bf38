// The bytecode panel: every code object in `dis` layout (line, jump-target
// marker, offset, the instruction's two bytes, opname, oparg, argrepr) with
// arrows from each jump to its target, or — switched — the raw bytes of
// co_code as hex pairs (EXTENDED_ARG and CACHE units visible). The current
// instruction's row has aria-current="true". Hovering a row reports the
// instruction (the editor highlights its source range); `highlightSource`
// does the reverse.

import { el, hex, setChildren } from "./dom.js";
import { jumpArrows } from "./jump-arrows.js";
import { OPCODE_DOCS } from "./opcode-docs.js";

const EXTENDED_ARG = 144;

export function createBytecodeView(container, { onHover = () => {} } = {}) {
  let rows = new Map(); // "codeIndex:offset" -> <tr>
  let units = new Map(); // "codeIndex:offset" -> raw-bytes unit
  let byRow = new Map(); // <tr> -> instruction
  let marked = [];
  let hovered = [];
  let codeObjects = [];
  let mode = "dis";

  function render(objects) {
    codeObjects = objects;
    rows = new Map();
    units = new Map();
    byRow = new Map();
    marked = [];
    hovered = [];
    setChildren(container, objects.map((code, index) => renderCode(code, index)));
    container.dataset.mode = mode;
    requestAnimationFrame(drawArrows);
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
        el("td", { class: "opname", title: OPCODE_DOCS[ins.opname] ?? "" }, ins.opname),
        el("td", { class: "arg" }, ins.arg ?? ""),
        el("td", { class: "argrepr", title: ins.argrepr || null }, ins.argrepr ? `(${ins.argrepr})` : ""),
      );
      rows.set(`${codeIndex}:${ins.offset}`, row);
      byRow.set(row, ins);
      body.append(row);
    }
    const title = codeIndex === 0
      ? `${code.qualname}`
      : `Disassembly of <code object ${code.name}>, line ${code.firstLineno}`;
    const table = el("table", { class: "listing" }, body);
    table.addEventListener("mouseover", (event) => hoverRow(event.target.closest("tr")));
    table.addEventListener("mouseleave", () => hoverRow(null));
    return el("section", { class: "code-object", dataset: { codeIndex } },
      el("h3", {}, title),
      el("div", { class: "listing-wrap" }, el("svg", {}), table),
      renderRaw(code, codeIndex),
      renderHandlers(code));
  }

  /** co_code as code units: offset, opcode byte, oparg byte. */
  function renderRaw(code, codeIndex) {
    const starts = new Map(code.instructions.map((ins) => [ins.offset, ins]));
    const cacheOf = new Map();
    for (const ins of code.instructions) {
      for (let i = 1; i <= ins.cacheUnits; i++) cacheOf.set(ins.offset + 2 * i, ins);
    }
    const cells = [];
    for (let offset = 0; offset + 1 < code.coCode.length; offset += 2) {
      const [op, arg] = [code.coCode[offset], code.coCode[offset + 1]];
      const ins = starts.get(offset);
      let kind = "instruction";
      let label = ins?.opname ?? "";
      if (!ins && op === EXTENDED_ARG) { kind = "extended-arg"; label = "EXTENDED_ARG"; }
      else if (cacheOf.has(offset)) { kind = "cache"; label = "CACHE"; }
      const unit = el("span", { class: `unit ${kind}`, title: `${offset}: ${label}` },
        el("span", { class: "unit-offset" }, offset),
        el("span", { class: "unit-bytes" }, `${hex(op)} ${hex(arg)}`),
        el("span", { class: "unit-label" }, label));
      units.set(`${codeIndex}:${offset}`, unit);
      cells.push(unit);
    }
    return el("div", { class: "raw-bytes", "aria-label": `co_code of ${code.qualname}, ${code.coCode.length} bytes` }, cells);
  }

  function renderHandlers(code) {
    if (!code.exceptionTable?.length) return null;
    return el("div", { class: "exception-table" },
      el("h4", {}, "ExceptionTable:"),
      code.exceptionTable.map((e) =>
        el("div", {}, `${e.start} to ${e.end} -> ${e.target} [${e.depth}]${e.lasti ? " lasti" : ""}`)));
  }

  function drawArrows() {
    for (const section of container.querySelectorAll(".code-object")) {
      const code = codeObjects[Number(section.dataset.codeIndex)];
      jumpArrows(section.querySelector(".listing-wrap"), code.instructions, (offset) =>
        rows.get(`${section.dataset.codeIndex}:${offset}`));
    }
  }

  function hoverRow(row) {
    const ins = row ? byRow.get(row) : null;
    onHover(ins ?? null);
  }

  /** Highlights the rows whose source span holds (line, byte column); null clears. */
  function highlightSource(spot) {
    for (const row of hovered) row.classList.remove("source-hover");
    hovered = [];
    if (!spot) return;
    for (const [row, ins] of byRow) {
      if (covers(ins.positions, spot)) { row.classList.add("source-hover"); hovered.push(row); }
    }
  }

  function setMode(next) {
    mode = next;
    container.dataset.mode = mode;
    if (mode === "dis") requestAnimationFrame(drawArrows);
  }

  /**
   * Marks the instruction at `offset` of code object `codeIndex` as current;
   * `prefixes` are offsets of EXTENDED_ARG units read with it, `jumpTarget`
   * the offset a jump instruction may go to.
   */
  function mark(codeIndex, offset, phase, { prefixes = [], jumpTarget = null, cacheUnits = 0 } = {}) {
    for (const node of marked) {
      node.removeAttribute("aria-current");
      node.classList.remove("current", "fetch", "decode", "execute", "prefix-read", "jump-goal", "cache-skipped", "active");
    }
    marked = [];
    if (codeIndex === null || codeIndex === undefined) return;
    const add = (node, ...classes) => { if (node) { node.classList.add(...classes); marked.push(node); } };
    add(jumpTarget === null ? null : rows.get(`${codeIndex}:${jumpTarget}`), "jump-goal");
    add(jumpTarget === null ? null : units.get(`${codeIndex}:${jumpTarget}`), "jump-goal");
    for (const prefix of prefixes) {
      add(rows.get(`${codeIndex}:${prefix}`), "prefix-read");
      add(units.get(`${codeIndex}:${prefix}`), "prefix-read");
    }
    for (let i = 1; i <= cacheUnits; i++) add(units.get(`${codeIndex}:${offset + 2 * i}`), "cache-skipped");
    // The jump being decoded or taken: its arrow lights up.
    if (jumpTarget !== null) {
      add(container.querySelector(`.code-object[data-code-index="${codeIndex}"] .arrow[data-from="${offset}"]`), "active");
    }
    const unit = units.get(`${codeIndex}:${offset}`);
    add(unit, "current", ...(phase ? [phase] : []));
    const row = rows.get(`${codeIndex}:${offset}`);
    if (!row) return;
    row.setAttribute("aria-current", "true");
    add(row, "current", ...(phase ? [phase] : []));
    (mode === "dis" ? row : unit)?.scrollIntoView({ block: "nearest" });
  }

  return { render, mark, setMode, highlightSource };
}

/** Whether an instruction's positions span holds {line, byteCol}. */
function covers(p, { line, byteCol }) {
  if (!p || p.line === null || p.line === undefined) return false;
  const endLine = p.endLine ?? p.line;
  if (line < p.line || line > endLine) return false;
  if (p.col === null || p.col === undefined) return true;
  if (line === p.line && byteCol < p.col) return false;
  if (line === endLine && p.endCol !== null && p.endCol !== undefined && byteCol >= p.endCol) return false;
  return true;
}

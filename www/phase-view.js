// The phase panel: what the last step did. Fetch shows the bytes read from
// co_code, decode the opcode name and the argument's lookup, execute the
// values popped and pushed, any jump, call, return, output or exception.

import { el, hex, setChildren } from "./dom.js";
import { OPCODE_DOCS, OPCODE_STACK_EFFECTS } from "./opcode-docs.js";

/** The instruction's entry in the `dis` documentation. */
const disDocUrl = (opname) => `https://docs.python.org/3.12/library/dis.html#opcode-${opname}`;

const TABLE_NAMES = {
  co_consts: "co_consts",
  co_names: "co_names",
  co_varnames: "co_varnames",
  co_cell_free: "cells / free vars",
  cmp_op: "dis.cmp_op",
  nb_ops: "binary operators",
  intrinsics: "intrinsic functions",
  jump_offset: "jump",
};

/**
 * `context()` returns {code, tables}: the listing of the code object the
 * event ran in (its consts, names, locals-plus names) and the fixed oparg
 * tables, so decode can show the table an oparg indexes.
 */
export function createPhaseView({ phase, detail, explanation, opcodeInfo, context = () => ({}) }) {
  function render(event, snapshot) {
    if (!event) {
      phase.textContent = snapshot.finished ? "" : snapshot.nextPhase;
      phase.className = `phase ${snapshot.nextPhase} pending`;
      delete phase.parentElement.dataset.phase;
      setChildren(detail, el("p", { class: "hint" }, snapshot.finished
        ? "The program has finished."
        : "Ready. Step reads the first instruction from co_code."));
      explanation.textContent = snapshot.finished ? "" : "Press Step to fetch the first instruction.";
      setChildren(opcodeInfo);
      return;
    }
    phase.textContent = event.phase;
    phase.className = `phase ${event.phase}`;
    phase.parentElement.dataset.phase = event.phase;
    const render = { fetch: fetchDetail, decode: decodeDetail, execute: executeDetail }[event.phase];
    setChildren(detail, render(event, context()));
    // Decode's explanation says what the bytes mean; the opcode's description follows it.
    const doc = event.phase === "decode" ? OPCODE_DOCS[event.opname] : undefined;
    explanation.textContent = doc ? `${event.explanation} ${doc}` : event.explanation;
    renderOpcodeInfo(event, context());
  }

  /** The opcode's one-line description and its entry in the dis docs. */
  function renderOpcodeInfo(event, { code }) {
    const ins = code?.instructions.find((i) => i.offset === event.offset);
    const opname = ins?.opname ?? event.opname;
    if (!opname) return setChildren(opcodeInfo);
    setChildren(opcodeInfo,
      el("strong", {}, opname), " — ", OPCODE_DOCS[opname] ?? "",
      " ", el("a", { href: disDocUrl(opname),
        target: "_blank", rel: "noopener", "data-testid": "opcode-doc" }, "dis docs ↗"));
  }

  return { render };
}

function byteBox(label, byte, kind) {
  return el("span", { class: `byte ${kind}`, title: `${label}: ${byte}` },
    el("span", { class: "byte-hex" }, hex(byte)),
    el("span", { class: "byte-label" }, label));
}

function fetchDetail(e) {
  const units = [];
  for (const [offset, byte] of e.extendedArgs) {
    units.push(el("span", { class: "unit prefix" },
      el("span", { class: "unit-offset" }, offset),
      byteBox("EXTENDED_ARG", 0x90, "opcode"), byteBox("arg high", byte, "oparg")));
  }
  units.push(el("span", { class: "unit main" },
    el("span", { class: "unit-offset" }, e.offset),
    byteBox("opcode", e.opcodeByte, "opcode"), byteBox("oparg", e.opargByte, "oparg")));
  for (let i = 0; i < e.cacheUnits; i++) {
    units.push(el("span", { class: "unit cache" },
      el("span", { class: "unit-offset" }, e.offset + 2 + 2 * i),
      el("span", { class: "byte cache", title: "an inline cache entry, skipped" },
        el("span", { class: "byte-hex" }, "00 00"),
        el("span", { class: "byte-label" }, "CACHE"))));
  }
  return [
    el("div", { class: "bytes-strip" }, units),
    el("p", { class: "next-offset" }, `next instruction at offset ${e.nextOffset}`),
  ];
}

/** The table an oparg indexes, with the looked-up cell marked. */
function tableOf(lookup, { code, tables }) {
  const entries = {
    co_consts: code?.consts,
    co_names: code?.names,
    co_varnames: code?.localsplusNames,
    co_cell_free: code?.localsplusNames,
    cmp_op: tables?.cmpOp,
    nb_ops: tables?.nbOps,
  }[lookup.table];
  if (!entries?.length) return null;
  const index = lookup.index;
  const first = Math.max(0, Math.min(index - 4, entries.length - 9));
  const shown = entries.slice(first, first + 9);
  return el("div", { class: "lookup-table", "aria-label": `${lookup.table} table` },
    first > 0 ? el("span", { class: "cell more" }, "…") : null,
    shown.map((value, i) => el("span", { class: first + i === index ? "cell chosen" : "cell" },
      el("span", { class: "cell-index" }, first + i), el("code", {}, value))),
    first + shown.length < entries.length ? el("span", { class: "cell more" }, "…") : null);
}

function decodeDetail(e, context) {
  const parts = [
    el("p", {}, "opcode ", el("code", {}, String(e.opcode)), " → ", el("strong", {}, e.opname),
      e.oparg !== null && e.oparg !== undefined ? [", oparg ", el("code", {}, String(e.oparg))] : ", no argument"),
  ];
  if (e.lookup) {
    const table = TABLE_NAMES[e.lookup.table] ?? e.lookup.table;
    parts.push(el("p", {}, e.lookup.table === "jump_offset"
      ? ["jump target: offset ", el("code", {}, e.lookup.value)]
      : [el("code", {}, `${table}[${e.lookup.index}]`), " = ", el("code", {}, e.lookup.value)]));
    parts.push(tableOf(e.lookup, context));
  } else if (e.argrepr) {
    parts.push(el("p", {}, "means ", el("code", {}, e.argrepr)));
  }
  const stackEffect = OPCODE_STACK_EFFECTS[e.opname];
  if (stackEffect) {
    parts.push(el("p", { class: "stack-effect" }, "stack effect ", el("code", {}, stackEffect),
      " · ", el("a", { href: disDocUrl(e.opname), target: "_blank", rel: "noopener" }, "docs")));
  }
  return parts;
}

function valueList(values, kind) {
  if (values.length === 0) return el("span", { class: "none" }, "nothing");
  return values.map((v) => el("code", { class: `value ${kind}`, title: v.typeName }, v.repr));
}

function executeDetail(e) {
  const parts = [
    el("p", {}, "popped ", valueList(e.popped, "out")),
    el("p", {}, "pushed ", valueList(e.pushed, "in")),
  ];
  if (e.jump) {
    parts.push(el("p", {}, e.jump.taken
      ? ["jumped to offset ", el("code", {}, String(e.jump.target))]
      : ["did not jump (target ", el("code", {}, String(e.jump.target)), ")"]));
  }
  if (e.framePushed) parts.push(el("p", {}, "called ", el("code", {}, e.framePushed), ": a new frame"));
  if (e.framePopped !== null && e.framePopped !== undefined) {
    parts.push(el("p", {}, "frame returned ", el("code", {}, e.framePopped)));
  }
  if (e.output) parts.push(el("p", {}, "wrote ", el("code", {}, JSON.stringify(e.output))));
  if (e.exception) parts.push(el("p", { class: "exception" }, "raised ", el("code", {}, e.exception)));
  return parts;
}

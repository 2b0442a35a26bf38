// The source editor: CodeMirror 6 with Python highlighting, plus what the
// machine shows in it — the executing line, a source range (the hovered
// instruction's positions), a SyntaxError underlined where CPython puts it,
// and breakpoints toggled by clicking the gutter (or F9 on the cursor's line).

import {
  EditorView, editorSetup, EditorState, StateEffect, StateField, Decoration, RangeSet,
  gutter, GutterMarker, python,
} from "./vendor-src/codemirror.js";

const setActiveLine = StateEffect.define();
const setRange = StateEffect.define();
const setError = StateEffect.define();
const toggleBreakpoint = StateEffect.define();

const lineMark = Decoration.line({ class: "cm-executing-line" });
const nextLineMark = Decoration.line({ class: "cm-next-line" });
const rangeMark = Decoration.mark({ class: "cm-source-range" });

/** A decoration set driven by one effect; `build(value, state)` returns its ranges. */
function decorationField(effect, build) {
  return StateField.define({
    create: () => Decoration.none,
    update(marks, tr) {
      marks = marks.map(tr.changes);
      for (const e of tr.effects) if (e.is(effect)) marks = Decoration.set(build(e.value, tr.state) ?? [], true);
      return marks;
    },
    provide: (field) => EditorView.decorations.from(field),
  });
}

const inDoc = (line, state) => line !== null && line !== undefined && line >= 1 && line <= state.doc.lines;
const activeLineField = decorationField(setActiveLine, ({ line, next }, state) => [
  ...(inDoc(line, state) ? [lineMark.range(state.doc.line(line).from)] : []),
  ...(next !== line && inDoc(next, state) ? [nextLineMark.range(state.doc.line(next).from)] : []),
]);

const rangeField = decorationField(setRange, (range, state) => {
  if (!range) return [];
  const from = positionOf(state, range.line, range.col);
  const to = positionOf(state, range.endLine ?? range.line, range.endCol);
  return from !== null && to !== null && to > from ? [rangeMark.range(from, to)] : [];
});

const errorField = decorationField(setError, (error, state) => {
  if (!error || error.line < 1 || error.line > state.doc.lines) return [];
  const line = state.doc.line(error.line);
  // CPython's offsets are 1-based characters; an error at the end of the
  // line (or of the file) still gets one visible character.
  let from = Math.min(line.from + Math.max(error.col - 1, 0), line.to);
  let to = error.endLine === error.line && error.endCol > error.col
    ? Math.min(line.from + error.endCol - 1, line.to) : from + 1;
  if (to > line.to) { from = Math.max(line.to - 1, line.from); to = line.to; }
  const title = `${error.kind}: ${error.msg}`;
  const marks = [Decoration.line({ class: "cm-error-line" }).range(line.from)];
  if (to > from) marks.push(Decoration.mark({ class: "cm-syntax-error", attributes: { title } }).range(from, to));
  return marks;
});

/** Document position of a 1-based line and a 0-based UTF-8 byte column. */
function positionOf(state, lineNo, byteCol) {
  if (lineNo === null || lineNo === undefined || lineNo < 1 || lineNo > state.doc.lines) return null;
  const line = state.doc.line(lineNo);
  if (byteCol === null || byteCol === undefined) return line.from;
  return line.from + charIndexOfByte(line.text, byteCol);
}

const encoder = new TextEncoder();
function charIndexOfByte(text, byteCol) {
  let bytes = 0;
  let i = 0;
  for (const ch of text) {
    if (bytes >= byteCol) break;
    bytes += encoder.encode(ch).length;
    i += ch.length;
  }
  return i;
}

class BreakpointMarker extends GutterMarker {
  toDOM() {
    const dot = document.createElement("span");
    dot.className = "breakpoint-dot";
    dot.textContent = "●";
    return dot;
  }
}
const breakpointMarker = new BreakpointMarker();

const breakpointField = StateField.define({
  create: () => RangeSet.empty,
  update(set, tr) {
    set = set.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(toggleBreakpoint)) continue;
      let present = false;
      set.between(e.value, e.value, () => { present = true; });
      set = present
        ? set.update({ filter: (from) => from !== e.value })
        : set.update({ add: [breakpointMarker.range(e.value)] });
    }
    return set;
  },
});

function breakpointLines(state) {
  const lines = [];
  const cursor = state.field(breakpointField).iter();
  for (; cursor.value; cursor.next()) lines.push(state.doc.lineAt(cursor.from).number);
  return lines;
}

/**
 * Mounts the editor in `parent`. `onEdit(source)` is called after the user
 * changes the text (not after `setSource`); `onBreakpoints(lines)` after a
 * breakpoint is set or cleared; `onHover({line, byteCol} | null)` as the
 * mouse moves over the text.
 */
export function createEditor(parent, source, { onEdit, onBreakpoints = () => {}, onHover = () => {} }) {
  let settingSource = false;
  const toggleAt = (view, pos) => {
    view.dispatch({ effects: toggleBreakpoint.of(view.state.doc.lineAt(pos).from) });
    onBreakpoints(breakpointLines(view.state));
    return true;
  };
  const breakpointGutter = gutter({
    class: "cm-breakpoint-gutter",
    renderEmptyElements: true,
    markers: (view) => view.state.field(breakpointField),
    initialSpacer: () => breakpointMarker,
    domEventHandlers: { mousedown: (view, line) => toggleAt(view, line.from) },
  });
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: source,
      extensions: [
        breakpointField,
        breakpointGutter,
        editorSetup,
        python(),
        activeLineField,
        rangeField,
        errorField,
        EditorView.domEventHandlers({
          keydown(event, view) {
            if (event.key !== "F9") return false;
            event.preventDefault();
            return toggleAt(view, view.state.selection.main.head);
          },
          mousemove(event, view) {
            const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
            if (pos === null) return onHover(null);
            const line = view.state.doc.lineAt(pos);
            const byteCol = encoder.encode(line.text.slice(0, pos - line.from)).length;
            onHover({ line: line.number, byteCol });
          },
          mouseleave: () => onHover(null),
        }),
        EditorView.contentAttributes.of({ "aria-label": "Python source" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !settingSource) onEdit(update.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    getSource: () => view.state.doc.toString(),
    setSource(text) {
      settingSource = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      settingSource = false;
    },
    /**
     * Marks the executing line (1-based) and, when the machine is about to
     * move on to another one, that next line; null clears a mark.
     */
    markLine(line, next = null) {
      view.dispatch({ effects: setActiveLine.of({ line: line ?? null, next: next ?? null }) });
    },
    /** Highlights an instruction's source span ({line, endLine, col, endCol}), or clears it. */
    markRange(range) {
      view.dispatch({ effects: setRange.of(range ?? null) });
    },
    /** Underlines a SyntaxError ({kind, msg, line, col, endLine, endCol}), or clears it. */
    markError(error) {
      view.dispatch({ effects: setError.of(error ?? null) });
    },
    breakpoints: () => breakpointLines(view.state),
    focus: () => view.focus(),
  };
}

// The source editor: CodeMirror 6 with Python highlighting, plus a marker on
// the line the machine is executing.

import {
  EditorView, editorSetup, EditorState, StateEffect, StateField, Decoration, python,
} from "./vendor/codemirror.js";

const setActiveLine = StateEffect.define();

const lineMark = Decoration.line({ class: "cm-executing-line" });

// Holds the decoration of the executing line; cleared by `setActiveLine(null)`.
const activeLineField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setActiveLine)) continue;
      const line = effect.value;
      if (line === null || line < 1 || line > tr.state.doc.lines) {
        marks = Decoration.none;
      } else {
        marks = Decoration.set([lineMark.range(tr.state.doc.line(line).from)]);
      }
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/**
 * Mounts the editor in `parent`. `onEdit(source)` is called after the user
 * changes the text (not after `setSource`).
 */
export function createEditor(parent, source, onEdit) {
  let settingSource = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: source,
      extensions: [
        editorSetup,
        python(),
        activeLineField,
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
    /** Marks the executing line (1-based), or clears the mark with null. */
    markLine(line) {
      view.dispatch({ effects: setActiveLine.of(line ?? null) });
    },
  };
}

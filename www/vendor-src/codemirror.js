// The parts of CodeMirror 6 the page uses, re-exported as one ES module for editor.js;
// esbuild bundles them into editor.js's chunk of www/vendor/ (loaded after the first view). A lean setup
// (CodeMirror's minimal one plus line numbers and brackets; no autocompletion,
// search or lint panels) keeps the page small.
import { EditorView, minimalSetup } from "codemirror";
import { lineNumbers, keymap } from "@codemirror/view";
import { indentOnInput, bracketMatching } from "@codemirror/language";
import { indentWithTab } from "@codemirror/commands";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";

export const editorSetup = [
  lineNumbers(),
  minimalSetup,
  indentOnInput(),
  bracketMatching(),
  closeBrackets(),
  keymap.of([...closeBracketsKeymap, indentWithTab]),
];

export { EditorView };
export { EditorState, StateEffect, StateField, RangeSet } from "@codemirror/state";
export { Decoration, gutter, GutterMarker } from "@codemirror/view";
export { python } from "@codemirror/lang-python";

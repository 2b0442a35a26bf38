// Entry point esbuild bundles into www/vendor/codemirror.js: the pieces of
// CodeMirror 6 the page uses, re-exported as one ES module.
export { EditorView, basicSetup } from "codemirror";
export { EditorState, StateEffect, StateField } from "@codemirror/state";
export { Decoration, keymap } from "@codemirror/view";
export { python } from "@codemirror/lang-python";

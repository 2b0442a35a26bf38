// The stepping buttons, their keyboard shortcuts and the help overlay that
// lists them.

import { el, setChildren } from "./dom.js";

/** key -> [button data-testid, what it does]. One table for keys and help. */
export const SHORTCUTS = [
  ["ArrowRight", "step", "Step one phase (fetch, decode or execute)"],
  ["ArrowLeft", "back", "Back one phase"],
  ["ArrowDown", "step-instruction", "Step to the end of the instruction"],
  ["ArrowUp", "back-instruction", "Back one instruction"],
  ["PageDown", "step-line", "Step to the next line"],
  ["PageUp", "back-line", "Back one line"],
  ["o", "step-over", "Step over (calls run to their return)"],
  ["u", "step-out", "Step out of the current frame"],
  ["p", "play", "Run / pause, animated at the chosen speed"],
  ["r", "run", "Run to the end"],
  ["b", "run-to-breakpoint", "Run to the next breakpoint (F9 or a gutter click sets one)"],
  ["Home", "reset", "Reset to step 0"],
  ["t", "theme", "Light / dark theme"],
  ["?", "help", "This help"],
];

const KEY_NAMES = { ArrowRight: "→", ArrowLeft: "←", ArrowDown: "↓", ArrowUp: "↑", PageDown: "Page Down", PageUp: "Page Up" };
const STEPPING = ["step", "step-instruction", "step-line", "step-over", "step-out", "run", "run-to-breakpoint", "play"];
const BACKWARD = ["back", "back-instruction", "back-line"];

/**
 * `actions` maps a button's data-testid to a function. Buttons are found in
 * `root`; keys act when the focus is not in a text field or the editor.
 */
export function createControls(root, actions, { helpDialog }) {
  const buttons = {};
  for (const name of Object.keys(actions)) {
    const button = root.querySelector(`[data-testid="${name}"]`);
    if (!button) continue;
    button.addEventListener("click", () => actions[name]());
    buttons[name] = button;
    const shortcut = SHORTCUTS.find(([, target]) => target === name);
    if (shortcut) button.setAttribute("aria-keyshortcuts", shortcut[0] === "?" ? "Shift+?" : shortcut[0]);
  }

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest?.(".cm-editor, input, select, textarea")) return;
    if (event.key === "Escape" && helpDialog.open) { helpDialog.close(); return; }
    const shortcut = SHORTCUTS.find(([key]) => key === event.key);
    const button = shortcut && buttons[shortcut[1]];
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });

  setChildren(helpDialog.querySelector("tbody"), SHORTCUTS.map(([key, , what]) =>
    el("tr", {}, el("td", {}, el("kbd", {}, KEY_NAMES[key] ?? key)), el("td", {}, what))));

  /** Enables the buttons that make sense for this snapshot. */
  function update({ ready, finished, stepCount, playing = false }) {
    for (const name of STEPPING) if (buttons[name]) buttons[name].disabled = !ready || (finished && !playing);
    for (const name of BACKWARD) if (buttons[name]) buttons[name].disabled = !ready || stepCount === 0;
    if (buttons.play) {
      buttons.play.textContent = playing ? "Pause" : "Play";
      buttons.play.setAttribute("aria-pressed", String(playing));
    }
  }

  return { update };
}

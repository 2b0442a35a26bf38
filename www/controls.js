// The stepping buttons and their keyboard shortcuts.

const SHORTCUTS = {
  ArrowRight: "step",
  ArrowDown: "step-instruction",
  PageDown: "step-line",
  ArrowLeft: "back",
};

/**
 * `actions` maps a button's data-testid (step, step-instruction, step-line,
 * back, run, stop, reset) to a function.
 */
export function createControls(root, actions) {
  const buttons = {};
  for (const name of Object.keys(actions)) {
    const button = root.querySelector(`[data-testid="${name}"]`);
    button.addEventListener("click", () => actions[name]());
    buttons[name] = button;
  }

  // Arrow keys step when the focus is not in the editor (where they move the cursor).
  document.addEventListener("keydown", (event) => {
    const name = SHORTCUTS[event.key];
    if (!name || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest?.(".cm-editor, input, select, textarea")) return;
    const button = buttons[name];
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });

  /** While a run goes on only Stop is shown enabled; afterwards `update` decides. */
  function running(on) {
    for (const [name, button] of Object.entries(buttons)) {
      if (name === "stop") {
        button.hidden = !on;
        button.disabled = !on;
      } else {
        button.disabled = on;
      }
    }
  }

  /** Enables the buttons that make sense for this snapshot. */
  function update({ ready, finished, stepCount }) {
    for (const name of ["step", "step-instruction", "step-line", "run"]) {
      buttons[name].disabled = !ready || finished;
    }
    buttons.back.disabled = !ready || stepCount === 0;
  }

  return { update, running };
}

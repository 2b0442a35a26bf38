// The timeline: a scrubber over every step of the run (drag it to jump to
// any step) with a tick at each step where the source line changes.

import { el, setChildren } from "./dom.js";

export function createTimeline({ scrubber, markers }, { onJump }) {
  let total = 0;
  scrubber.addEventListener("change", () => onJump(Number(scrubber.value)));
  // Live dragging jumps too, coalesced to one jump per frame.
  let pending = null;
  scrubber.addEventListener("input", () => {
    if (pending !== null) return;
    pending = requestAnimationFrame(() => { pending = null; onJump(Number(scrubber.value)); });
  });

  /** {totalSteps, complete, lineChanges: [{step, line}]} from the session. */
  function setTimeline({ totalSteps, complete, lineChanges }) {
    total = Math.max(totalSteps, 1);
    scrubber.max = String(totalSteps);
    scrubber.setAttribute("aria-valuemax", String(totalSteps));
    scrubber.title = complete ? `${totalSteps} steps` : `more than ${totalSteps} steps`;
    setChildren(markers, lineChanges.map(({ step, line }) =>
      el("span", {
        class: "marker", style: { left: `${(100 * step) / total}%` },
        title: `step ${step}: line ${line ?? "—"}`, dataset: { step },
      })));
  }

  function setStep(step) {
    if (step > Number(scrubber.max)) scrubber.max = String(step);
    scrubber.value = String(step);
    scrubber.setAttribute("aria-valuetext", `step ${step} of ${scrubber.max}`);
  }

  function clear() {
    setChildren(markers);
    scrubber.max = "0";
    scrubber.value = "0";
  }

  return { setTimeline, setStep, clear };
}

// The animated run: Play steps the machine on a timer whose pace the speed
// slider sets — slow speeds step phase by phase (fetch, decode, execute),
// fast ones whole instructions — until Pause, the end, or a breakpoint.

/** Delay between ticks (ms) for slider values 1..10. */
const DELAYS = [1200, 800, 500, 300, 160, 300, 150, 60, 20, 0];
const PHASE_SPEEDS = 5; // slider values 1..5 step single phases

/**
 * `tick(phases)` takes one step (a phase if `phases`, else an instruction)
 * and resolves to whether to go on; `onChange()` follows play / pause.
 */
export function createPlayer({ speed, tick, onChange }) {
  let playing = false;
  let timer = null;

  async function loop() {
    if (!playing) return;
    const level = Number(speed.value);
    const goOn = await tick(level <= PHASE_SPEEDS);
    if (!goOn) return stop();
    if (playing) timer = setTimeout(loop, DELAYS[level - 1] ?? 100);
  }

  function start() {
    if (playing) return;
    playing = true;
    onChange();
    loop();
  }

  function stop() {
    clearTimeout(timer);
    if (!playing) return;
    playing = false;
    onChange();
  }

  speed.addEventListener("input", () => {
    speed.setAttribute("aria-valuetext", Number(speed.value) <= PHASE_SPEEDS ? "phase by phase" : "instruction by instruction");
  });

  return {
    get playing() { return playing; },
    toggle: () => (playing ? stop() : start()),
    stop,
  };
}

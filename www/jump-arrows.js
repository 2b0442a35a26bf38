// Jump arrows in the gutter of a `dis` listing: one bracket-shaped arrow per
// jump instruction, from its row to its target's row (backward jumps — loops —
// drawn in their own colour). Nested jumps get lanes further out.

const SVG = "http://www.w3.org/2000/svg";
const LANE = 6;
const MAX_LANES = 8;

/** The target offset of a jump, from dis's argrepr "to 24". */
export function jumpTargetOf(ins) {
  const match = /^to (\d+)$/.exec(ins.argrepr ?? "");
  return match ? Number(match[1]) : null;
}

/**
 * Draws the arrows into the <svg> at the start of `wrap` (replacing it).
 * `rowOf(offset)` finds an instruction's row.
 */
export function jumpArrows(wrap, instructions, rowOf) {
  const jumps = instructions
    .map((ins) => ({ from: ins.offset, to: jumpTargetOf(ins) }))
    .filter((j) => j.to !== null && rowOf(j.from) && rowOf(j.to))
    .sort((a, b) => Math.abs(a.to - a.from) - Math.abs(b.to - b.from));
  const placed = [];
  for (const jump of jumps) {
    const [lo, hi] = [Math.min(jump.from, jump.to), Math.max(jump.from, jump.to)];
    let lane = 0;
    while (placed.some((p) => p.lane === lane && p.lo <= hi && lo <= p.hi)) lane += 1;
    placed.push({ ...jump, lo, hi, lane: Math.min(lane, MAX_LANES - 1) });
  }
  const lanes = Math.min(MAX_LANES, Math.max(0, ...placed.map((p) => p.lane + 1)));
  const width = lanes * LANE + 8;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "jump-arrows");
  svg.setAttribute("aria-hidden", "true");
  wrap.querySelector("svg")?.replaceWith(svg);
  wrap.style.paddingLeft = `${lanes ? width : 0}px`;
  if (!lanes) return;

  const top = wrap.getBoundingClientRect().top;
  const middle = (row) => { const r = row.getBoundingClientRect(); return r.top - top + r.height / 2; };
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(wrap.scrollHeight));
  for (const jump of placed) {
    const [y1, y2] = [middle(rowOf(jump.from)), middle(rowOf(jump.to))];
    const x = width - 8 - jump.lane * LANE;
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", `M ${width} ${y1} H ${x} V ${y2} H ${width - 2} M ${width - 5} ${y2 - 3} L ${width - 1} ${y2} L ${width - 5} ${y2 + 3}`);
    path.setAttribute("class", jump.to < jump.from ? "arrow backward" : "arrow forward");
    path.dataset.from = String(jump.from);
    path.dataset.to = String(jump.to);
    svg.append(path);
  }
}

// The objects panel, as Python Tutor draws it: on the left each frame's names
// (and its stack slots), on the right the objects they reach; a reference is
// a dot with an arrow to its object's box, so two names bound to one list
// point at one box. Ints, floats, bools and None are always written inline;
// with "inline small values" on, strings are too.

import { el, setChildren } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

export function createHeapView(container, { inlineToggle }) {
  let last = null;
  inlineToggle.addEventListener("change", () => last && render(last));

  function render(heap) {
    last = heap;
    const inline = inlineToggle.checked;
    const objects = heap.objects.filter((o) => !(inline && o.kind === "str"));
    const kindOf = new Map(heap.objects.map((o) => [o.id, o.kind]));
    const slot = (ref) => {
      if (ref.id === null || ref.id === undefined || (inline && kindOf.get(ref.id) === "str")) {
        return el("code", { class: "inline-value", title: ref.typeName }, ref.repr);
      }
      return el("span", {
        class: "pointer", dataset: { testid: "heap-pointer", target: ref.id },
        title: `${ref.typeName} object, id ${ref.id}: ${ref.repr}`,
      }, "●");
    };

    const names = el("div", { class: "heap-names" }, heap.frames.map((frame) =>
      el("div", { class: "heap-frame" },
        el("div", { class: "heap-frame-name" }, frame.qualname),
        frame.variables.length || frame.stack.length
          ? el("table", {}, el("tbody", {},
              frame.variables.map((b) => el("tr", {},
                el("th", { scope: "row" }, b.name, b.kind === "local" || b.kind === "global" ? null : el("small", {}, ` ${b.kind}`)),
                el("td", {}, slot(b.value)))),
              frame.stack.map((ref, i) => el("tr", { class: "stack-slot" },
                el("th", { scope: "row" }, `stack[${i}]`),
                el("td", {}, slot(ref))))))
          : el("p", { class: "none" }, "no names yet"))));

    const boxes = el("div", { class: "heap-objects" }, objects.map((o) =>
      el("div", {
        class: `heap-object ${o.kind}`, id: `heap-object-${o.id}`,
        dataset: { testid: "heap-object", id: o.id, kind: o.kind },
      },
        el("div", { class: "heap-object-type" }, o.kind === "instance" ? `${o.typeName} instance` : o.typeName,
          el("small", {}, ` id ${o.id}`)),
        body(o, slot))));

    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "heap-arrows");
    svg.setAttribute("aria-hidden", "true");
    setChildren(container, names, boxes, heap.truncated ? el("p", { class: "none" }, "(more objects not shown)") : null);
    container.append(svg);
    requestAnimationFrame(() => drawArrows(container, svg));
  }

  return { render, clear: () => { last = null; setChildren(container); } };
}

function body(o, slot) {
  const more = o.truncated ? el("span", { class: "more" }, "…") : null;
  switch (o.kind) {
    case "list":
    case "tuple":
    case "set":
      return el("div", { class: "heap-items" },
        o.items.length === 0 ? el("span", { class: "none" }, "empty") : null,
        o.items.map((ref, i) => el("span", { class: "heap-item" },
          o.kind === "set" ? null : el("span", { class: "heap-index" }, i), slot(ref))),
        more);
    case "dict":
    case "instance":
    case "class":
    case "function":
      return el("div", {},
        o.label ? el("div", { class: "heap-label" }, o.label) : null,
        o.entries.length ? el("table", { class: "heap-entries" }, el("tbody", {}, o.entries.map(([key, value]) =>
          el("tr", {}, el("th", { scope: "row" }, o.kind === "dict" ? slot(key) : key.repr), el("td", {}, slot(value)))))) : null,
        more);
    default:
      return el("div", { class: "heap-label" }, o.label);
  }
}

/** One curved arrow from each pointer dot to the box of its object. */
function drawArrows(container, svg) {
  const origin = container.getBoundingClientRect();
  const at = (rect, x, y) => [rect.left - origin.left + container.scrollLeft + x, rect.top - origin.top + container.scrollTop + y];
  svg.setAttribute("width", String(container.scrollWidth));
  svg.setAttribute("height", String(container.scrollHeight));
  for (const dot of container.querySelectorAll(".pointer")) {
    const box = container.querySelector(`#heap-object-${dot.dataset.target}`);
    if (!box) continue;
    const d = dot.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const [x1, y1] = at(d, d.width / 2, d.height / 2);
    const [x2, y2] = b.left >= d.right ? at(b, 0, 10) : at(b, b.width, 10);
    const bend = Math.max(20, Math.abs(x2 - x1) / 2);
    const path = document.createElementNS(SVG, "path");
    const c1 = x2 >= x1 ? x1 + bend : x1 + bend;
    const c2 = b.left >= d.right ? x2 - bend : x2 + bend;
    path.setAttribute("d", `M ${x1} ${y1} C ${c1} ${y1}, ${c2} ${y2}, ${x2} ${y2}`);
    path.setAttribute("class", "heap-arrow");
    svg.append(path);
    const head = document.createElementNS(SVG, "circle");
    head.setAttribute("cx", String(x2));
    head.setAttribute("cy", String(y2));
    head.setAttribute("r", "2.5");
    head.setAttribute("class", "heap-arrow-head");
    svg.append(head);
  }
}

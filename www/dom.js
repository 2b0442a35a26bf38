// A tiny element builder. User data only ever becomes text nodes (never HTML).

/**
 * el("li", {class: "x", dataset: {testid: "frame"}, style: {left: "5%"}}, "text", child, ...)
 * Attribute values of null/undefined/false are left out.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "class") node.className = value;
    // Through the CSSOM: the Content-Security-Policy refuses style="" attributes.
    else if (key === "style") Object.assign(node.style, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of `node`. */
export function setChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/** Two-digit hex of a byte, e.g. 0x64 -> "64". */
export function hex(byte) {
  return byte.toString(16).padStart(2, "0");
}

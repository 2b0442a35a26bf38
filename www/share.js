// The page's URL contract: `#code=<base64url of the UTF-8 source, no padding>`
// opens that program (`&step=N` at step N), `#example=<name>` a built-in
// example. And the editor's autosave in localStorage.

/** UTF-8 source -> base64url without padding. */
export function encodeSource(source) {
  const bytes = new TextEncoder().encode(source);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * base64url (padding optional; the `+/` alphabet is accepted too) -> UTF-8 source.
 * Throws an Error saying what is wrong with a malformed one.
 */
export function decodeSource(encoded) {
  // URLSearchParams turns a literal "+" into a space; no base64 text holds spaces.
  const base64 = encoded.replace(/ /g, "+").replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(base64)) throw new Error("it is not base64url text");
  if (base64.length % 4 === 1) throw new Error("it is cut short (truncated base64)");
  let binary;
  try {
    binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  } catch {
    throw new Error("it is not base64url text");
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error("it does not decode to UTF-8 text (truncated or corrupted)");
  }
}

/**
 * What the hash asks for: {code, step?}, {example, step?}, {} for neither, or
 * {codeError, step?} when `#code=` is there but cannot be read.
 */
export function readHash(hash = location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const stepText = params.get("step");
  const step = stepText !== null && /^\d+$/.test(stepText) ? Number(stepText) : undefined;
  if (params.has("code")) {
    try {
      return { code: decodeSource(params.get("code")), step };
    } catch (error) {
      return { codeError: error.message, step };
    }
  }
  if (params.has("example")) return { example: params.get("example"), step };
  return {};
}

/** The share link of `source`, at `step` when it is past 0. */
export function shareUrl(source, step = 0) {
  const url = new URL(location.href);
  url.hash = `code=${encodeSource(source)}${step > 0 ? `&step=${step}` : ""}`;
  return url.href;
}

const AUTOSAVE_KEY = "pvm.source";

/** Keeps the user's own buffer (not an example's) across reloads. */
export function autosave(source) {
  try { localStorage.setItem(AUTOSAVE_KEY, source); } catch { /* storage full or disabled */ }
}

export function autosaved() {
  try { return localStorage.getItem(AUTOSAVE_KEY); } catch { return null; }
}

/** Puts the program in the URL without adding a history entry per keystroke. */
export function writeCodeHash(source) {
  history.replaceState(null, "", `#code=${encodeSource(source)}`);
}

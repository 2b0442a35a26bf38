// The page's URL contract: `#code=<base64url of the UTF-8 source, no padding>`
// opens that program, `#example=<name>` a built-in example.

/** UTF-8 source -> base64url without padding. */
export function encodeSource(source) {
  const bytes = new TextEncoder().encode(source);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** base64url (padding optional) -> UTF-8 source; null if it is not valid base64. */
export function decodeSource(encoded) {
  try {
    const base64 = encoded.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

/** What the hash asks for: {code} or {example} (or {} for neither). */
export function readHash(hash = location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  if (params.has("code")) {
    const code = decodeSource(params.get("code"));
    if (code !== null) return { code };
  }
  if (params.has("example")) return { example: params.get("example") };
  return {};
}

/** Puts the program in the URL without adding a history entry per keystroke. */
export function writeCodeHash(source) {
  history.replaceState(null, "", `#code=${encodeSource(source)}`);
}

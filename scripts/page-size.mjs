// The page's download size, gzip -9, file by file: what scripts/bench.mjs reports against
// the budgets (wasm ≤ 400 KB, whole page ≤ 700 KB). Run it alone after scripts/build.sh:
//   node scripts/page-size.mjs

import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT } from "../tests/browser/server.js";

const gz = (path) => gzipSync(readFileSync(join(ROOT, path)), { level: 9 }).length;
const raw = (path) => statSync(join(ROOT, path)).size;

/**
 * What the browser downloads: index.html, the wasm, the stylesheet, boot.js and www/vendor/
 * (esbuild's bundles — main.js, its CodeMirror chunk, worker.js with pkg/pvm.js inside —
 * and stdlib.json, the stdlib's Python sources the wasm leaves out). www/*.js are the
 * sources of the bundles, never fetched by the page, so they are not counted twice.
 */
export function pageFiles() {
  const vendor = readdirSync(join(ROOT, "www/vendor"))
    .filter((f) => /\.(js|css|json)$/.test(f))
    .map((f) => `www/vendor/${f}`);
  return ["index.html", "pkg/pvm_bg.wasm", "www/style.css", "www/boot.js", ...vendor];
}

/** {wasmRaw, wasmGz, pageGz, files, perFile: {path: gzipped bytes}} */
export function pageSizes() {
  const files = pageFiles();
  const perFile = Object.fromEntries(files.map((f) => [f, gz(f)]));
  return {
    wasmRaw: raw("pkg/pvm_bg.wasm"),
    wasmGz: perFile["pkg/pvm_bg.wasm"],
    pageGz: Object.values(perFile).reduce((sum, n) => sum + n, 0),
    files: files.length,
    perFile,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = pageSizes();
  for (const [file, bytes] of Object.entries(sizes.perFile)) console.log(`${String(bytes).padStart(9)}  ${file}`);
  console.log(`${String(sizes.pageGz).padStart(9)}  whole page, gzip -9 (${sizes.files} files; budget 700 KB = ${700 * 1024})`);
  console.log(`${String(sizes.wasmGz).padStart(9)}  of it the wasm (budget 400 KB = ${400 * 1024}; ${sizes.wasmRaw} raw)`);
}

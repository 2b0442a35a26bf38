// Writes www/vendor/stdlib.json, the page's copy of pvm's Python-source stdlib modules
// (src/stdlib/NAME.py): {"NAME": source, ...}. The wasm core does not contain them (the
// native CLI does); the page's worker downloads this file alongside the wasm and hands each
// module to the core (provideStdlibModule, src/wasm.rs). Run by `npm run build:web`.
//   node scripts/stdlib-bundle.mjs [OUT]      (default: www/vendor/stdlib.json)

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "src/stdlib");
const out = resolve(process.argv[2] ?? join(ROOT, "www/vendor/stdlib.json"));

const modules = {};
for (const file of readdirSync(SRC).filter((f) => f.endsWith(".py")).sort()) {
  modules[file.slice(0, -3)] = readFileSync(join(SRC, file), "utf8");
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(modules));
console.log(`${out}: ${Object.keys(modules).length} modules`);

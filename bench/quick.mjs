// A quick run-mode timing of a wasm build in node's V8 (the engine Chromium uses), for
// comparing builds while working; BENCHMARKS.md's figures come from scripts/bench.sh.
//   node bench/quick.mjs PKG_DIR [program.py ...]   # default: every bench/*.py but timetravel
// Prints, per program, the best of 3 wall times of pkg's run() (compile + run) in ms.
import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(process.argv[2] ?? 'pkg');
const pvm = await import(path.join(pkgDir, 'pvm.js'));
pvm.initSync({ module: fs.readFileSync(path.join(pkgDir, 'pvm_bg.wasm')) });
// The wasm leaves out the Python stdlib modules; the page provides them (www/worker.js), so do we.
const stdlib = path.join(benchDir, '../www/vendor/stdlib.json');
if (pvm.provideStdlibModule && fs.existsSync(stdlib)) {
  for (const [name, source] of Object.entries(JSON.parse(fs.readFileSync(stdlib, 'utf8')))) pvm.provideStdlibModule(name, source);
}

const named = process.argv.slice(3);
const programs = named.length ? named
  : fs.readdirSync(benchDir).filter((f) => f.endsWith('.py') && f !== 'timetravel.py').sort();
for (const program of programs) {
  const source = fs.readFileSync(path.join(benchDir, program), 'utf8');
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    pvm.run(source, '');
    best = Math.min(best, performance.now() - start);
  }
  console.log(`${program}\t${best.toFixed(1)}`);
}

#!/usr/bin/env bash
# Regenerates tests/browser/gallery-golden.json: what CPython 3.12.7 (the oracle,
# ../shared/oracle or $PVM_ORACLE) prints for each example of the page's gallery
# (www/examples.js). The browser tests check the page against it; never edit it by hand.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PVM_ROOT"
oracle=${PVM_ORACLE:-/work/oracle/oracle.mjs}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/src" "$work/out"
node --input-type=module -e "
  import { EXAMPLES } from '$PVM_ROOT/www/examples.js';
  import { writeFileSync } from 'node:fs';
  for (const [name, { source }] of Object.entries(EXAMPLES)) writeFileSync('$work/src/' + name + '.py', source);
"
node "$oracle" --batch "$work/src" "$work/out" --jobs 2 --no-trace >/dev/null
node --input-type=module -e "
  import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
  const out = '$work/out';
  const read = (f) => existsSync(f) ? readFileSync(f, 'utf8') : '';
  const golden = {};
  for (const file of readdirSync('$work/src').sort()) {
    const name = file.replace(/\.py$/, '');
    golden[name] = {
      stdout: read(out + '/' + name + '.out'),
      stderr: read(out + '/' + name + '.err'),
      exitCode: Number(read(out + '/' + name + '.code').trim() || 0),
    };
  }
  writeFileSync('$PVM_ROOT/tests/browser/gallery-golden.json', JSON.stringify(golden, null, 2) + '\n');
"
echo "wrote tests/browser/gallery-golden.json"

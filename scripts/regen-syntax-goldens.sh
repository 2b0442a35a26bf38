#!/bin/sh
# Regenerate the parser goldens from the oracle (CPython 3.12.7 in Pyodide):
#   tests/syntax/ast_cases.txt   -> tests/syntax/ast_cases.golden   (ast.dump with positions)
#   tests/syntax/error_cases.txt -> tests/syntax/error_cases.golden (SyntaxError fields + stderr block)
#   tests/syntax/fstring_cases.txt -> tests/syntax/fstring_cases.golden (ast.dump, or the SyntaxError's fields)
# Case files hold blocks introduced by a line "#### name"; the source is the
# lines up to the next such line, each ending in a newline. A name ending in "[crlf]" has its newlines
# turned into CRLF; "[nonl]" drops the final newline.
set -eu
cd "$(dirname "$0")/.."
ORACLE=${ORACLE:-/work/oracle/oracle.mjs}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for suite in ast error fstring; do
    mode=$suite
    [ "$suite" = fstring ] && mode=ast
    python3 - "$mode" tests/syntax/${suite}_cases.txt "$tmp/gen.py" <<'PY'
import json, sys
mode, cases_path, out = sys.argv[1:]
cases, name, lines = [], None, []
for line in open(cases_path, encoding='utf-8', newline='').read().split('\n'):
    if line.startswith('#### '):
        if name is not None:
            cases.append([name, ''.join(l + '\n' for l in lines)])
        name, lines = line[5:], []
    else:
        lines.append(line)
if name is not None:
    if lines and lines[-1] == '':
        lines.pop()
    cases.append([name, ''.join(l + '\n' for l in lines)])
fixed = []
for name, src in cases:
    if name.endswith('[nonl]'):
        src = src.rstrip('\n')
    if name.endswith('[crlf]'):
        src = src.replace('\n', '\r\n')
    fixed.append([name, src])
with open(out, 'w', encoding='utf-8') as f:
    f.write('CASES = %s\nMODE = %r\n' % (json.dumps(fixed, ensure_ascii=False), mode))
    f.write(open('scripts/syntax_goldens.py', encoding='utf-8').read())
PY
    node "$ORACLE" "$tmp/gen.py" --run > "tests/syntax/${suite}_cases.golden"
done

# SyntaxWarnings: what the oracle prints on stderr for each tests/syntax/warnings/NAME.py.
rm -rf tests/syntax/warnings_golden
mkdir -p tests/syntax/warnings_golden
node "$ORACLE" --batch tests/syntax/warnings "$tmp/warnings" --no-trace > /dev/null
for f in tests/syntax/warnings/*.py; do
    name=$(basename "$f" .py)
    if [ -f "$tmp/warnings/$name.err" ]; then cp "$tmp/warnings/$name.err" tests/syntax/warnings_golden/$name.err; else : > tests/syntax/warnings_golden/$name.err; fi
done
echo "goldens written to tests/syntax/"

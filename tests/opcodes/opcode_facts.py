# Prints CPython 3.12's facts about every real opcode, one per line:
#   NAME NUMBER CACHES ARGCLASS [ARG:EFFECT:JUMPEFFECT ...]
# Run by the oracle (scripts/regen-opcode-facts.sh) to make opcode_facts.golden,
# which tests/opcode_table.rs compares with src/bytecode/opcode.rs.
import dis
import opcode

CLASSES = [
    ("const", opcode.hasconst),
    ("name", opcode.hasname),
    ("jrel", opcode.hasjrel),
    ("local", opcode.haslocal),
    ("free", opcode.hasfree),
    ("compare", opcode.hascompare),
]
SAMPLE_ARGS = [0, 1, 2, 3, 4, 5, 7, 15, 0x102]

for number, name in enumerate(opcode.opname):
    if number >= 256 or name.startswith("<") or name.startswith("INSTRUMENTED_"):
        continue
    if number < opcode.HAVE_ARGUMENT:
        argclass = "none"
    else:
        argclass = next((label for label, members in CLASSES if number in members), "raw")
    effects = []
    if name not in ("CACHE", "RESERVED", "INTERPRETER_EXIT"):
        for arg in SAMPLE_ARGS if number >= opcode.HAVE_ARGUMENT else [None]:
            try:
                plain = dis.stack_effect(number, arg, jump=False)
                jumped = dis.stack_effect(number, arg, jump=True)
            except ValueError:
                continue
            effects.append(f"{arg or 0}:{plain}:{jumped}")
    print(name, number, opcode._inline_cache_entries[number], argclass, *effects)

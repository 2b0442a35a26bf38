# Run by scripts/regen-syntax-goldens.sh inside the oracle (CPython 3.12.7).
# CASES (a list of [name, source]) and MODE are prepended by the script.
# MODE "ast": print ast.dump(..., include_attributes=True) per case.
# MODE "error": print the SyntaxError's fields and the block PyErr_Display
# writes for it (sys.__excepthook__ is the C implementation).
import ast, io, sys

for name, source in CASES:
    print('#### ' + name)
    try:
        if MODE == 'ast':
            print(ast.dump(ast.parse(source), include_attributes=True))
        else:
            compile(source.encode('utf-8'), 'prog.py', 'exec')
            print('NO ERROR')
    except SyntaxError as e:
        print('%s|%s|%s|%s|%s|%s|%r' % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text))
        if MODE == 'error':
            e.__traceback__ = None
            saved, sys.stderr = sys.stderr, io.StringIO()
            try:
                sys.__excepthook__(type(e), e, None)
                rendered = sys.stderr.getvalue()
            finally:
                sys.stderr = saved
            print(rendered, end='')

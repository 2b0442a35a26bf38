def evaluate(expr, env):
    match expr:
        case int() | float():
            return expr
        case str(name):
            return env[name]
        case ["+", left, right]:
            return evaluate(left, env) + evaluate(right, env)
        case ["*", left, right]:
            return evaluate(left, env) * evaluate(right, env)
        case ["neg", operand]:
            return -evaluate(operand, env)
        case ["let", str(name), value, body]:
            inner = dict(env)
            inner[name] = evaluate(value, env)
            return evaluate(body, inner)
        case [op, *args]:
            raise ValueError(f"unknown operator {op!r} with {len(args)} args")

program = ["let", "x", 5, ["+", ["*", "x", "x"], ["neg", 3]]]
print(evaluate(program, {}))
print(evaluate(["*", 2.5, ["+", 1, "y"]], {"y": 3}))
print(evaluate(["pow", 2, 3], {}))

def call_with[**P, R](f, *args, **kwargs):
    return f(*args, **kwargs)


def tuple_of[*Ts](*args):
    return args


print(call_with(max, 3, 9, 4), call_with(sorted, [3, 1, 2], reverse=True))
print(tuple_of(1, "a", None))
P, R = call_with.__type_params__
Ts, = tuple_of.__type_params__
print(P, R, Ts)
print(type(P).__name__, type(R).__name__, type(Ts).__name__)
print(P.args, P.kwargs)
print(P.__name__, Ts.__name__)

from typing import List, Dict, Optional, Tuple, Any, Callable, Union


def mean(xs: List[float]) -> Optional[float]:
    return sum(xs) / len(xs) if xs else None


def index(words: List[str]) -> Dict[str, int]:
    return {w: i for i, w in enumerate(words)}


def apply(f: Callable, x: Any) -> Tuple[Any, Any]:
    return x, f(x)


print(mean([1.0, 2.0, 4.5]), mean([]))
print(index(["a", "b", "c"]))
print(apply(str.upper, "hi"))
print(List[int], Optional[str], Dict[str, List[int]])
print(mean.__annotations__["return"])

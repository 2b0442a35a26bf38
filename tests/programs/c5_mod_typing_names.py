from typing import List, Dict, Optional, Union, Any, Callable, Tuple, Iterable, Iterator, Generator, TypeVar

T = TypeVar('T')

def first(items: List[T]) -> Optional[T]:
    return items[0] if items else None

def apply(f: Callable[[int], int], xs: Iterable[int]) -> List[int]:
    return [f(x) for x in xs]

def pairs(d: Dict[str, int]) -> List[Tuple[str, int]]:
    return sorted(d.items())

def count_up(n: int) -> Iterator[int]:
    yield from range(n)

value: Union[int, str] = 3
anything: Any = None
print(first([3, 4]), first([]), apply(lambda x: x * 2, [1, 2]), pairs({'b': 2, 'a': 1}), list(count_up(3)))
print(value, anything)

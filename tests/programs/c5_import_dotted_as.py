import os.path as osp
import collections.abc as cabc
import os.path

print(osp.join("a", "b", "c.txt"))
print(osp.basename("/tmp/notes.txt"), osp.dirname("/tmp/notes.txt"))
print(osp.splitext("report.final.pdf"))
print(os.path.join("x", "y"))
print(osp is os.path)
print(cabc.Sequence.__name__, cabc.Mapping.__name__)
print(isinstance([1, 2], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance((1,), cabc.MutableSequence))
print(isinstance(iter([]), cabc.Iterator), isinstance([], cabc.Hashable), issubclass(dict, cabc.MutableMapping))

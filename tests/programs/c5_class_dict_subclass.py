class Registry(dict):
    def __missing__(self, key):
        value = self[key] = key.upper()
        return value


r = Registry(a="x")
print(r["a"], r["b"], r, len(r), "b" in r, r.get("zz"), r.get("zz", 0))
print(list(r), list(r.items()), isinstance(r, dict), type(r).__name__)


class LoggingDict(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)

    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)


d = LoggingDict()
d["x"] = 1
d["y"] = d["x"] + 1
d.update(z=3)
print(d, dict(d), {**d}, d == {"x": 1, "y": 2, "z": 3})
print(sorted(d.keys()), d.pop("z"), d.setdefault("w", 0), d)


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


a = AttrDict(host="localhost", port=8080)
print(a.host, a.port, a, a | {"debug": True}, type(a | {}).__name__)
print(a.missing)

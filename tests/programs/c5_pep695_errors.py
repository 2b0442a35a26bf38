type Broken = undefined_name + 1

print("alias made:", Broken)


class Config[T]:
    pass


print(Config.__type_params__)
print(Broken.__value__)

from random import randint
print(randint.__name__)
from definitely_not_a_module import thing

import os
import os.path as p, sys
from os import path
from os.path import join as j, split
from . import x
from .. import y
from ...pkg import z
from .mod import (a, b as c,)
from x import *

from . import lookup
from . import rating

"""The cache of documents, analyses and facts, one SQLite file shared by runs.

``db``: the ``Cache`` itself (its entries, keys and damage handling); ``file``: the cache as a
file (whether it is ours, made whole, moved aside when damaged); ``store``: the parent's side of
a batch (what is known about a file, keeping what is new); ``admin``: what a cache holds, and
pruning it.
"""

from .db import Cache
from .store import Item, Store, file_sha256, options_key

__all__ = ["Cache", "Item", "Store", "file_sha256", "options_key"]

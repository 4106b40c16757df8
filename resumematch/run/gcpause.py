"""Building many small objects at once without the cyclic garbage collector walking the heap.

A warm run of 2,000 files decodes their cached facts into hundreds of thousands of lists, none of
them in a reference cycle. Each collection those allocations trigger walks every object already
alive, the imported modules included, and frees nothing: in a warm re-rank that was about a tenth
of the run (docs/performance.md). Reference counting frees everything as usual meanwhile.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Inside, the cyclic garbage collector does not run; on the way out it is enabled again if it
    was before (so pauses nest, and a caller that disabled it keeps it disabled). For bulk work
    that makes no reference cycles, such as decoding JSON and building tables from it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

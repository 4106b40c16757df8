"""Build a large, long-lived object in a forked child process and take it over pickled.

Building the occupation background makes hundreds of thousands of short-lived strings and lists
beside the 20 MB it keeps. In the process that builds it, what is kept ends up scattered among
what was freed, so the allocator can give little back: the process stays about 40 MB larger for
the rest of its life (a ranking worker: its whole life). Built in a child, the builder's heap goes
away with the child, and this process holds only the unpickled result (about 14 MB).
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import warnings
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def built_apart(build: Callable[[], T]) -> T:
    """``build()``, run in a forked child where that is safe (Linux, called from the main thread,
    no other threads but resumematch's own, which hold no lock the child could need); here
    otherwise, when no child can be started, and when the child fails (so that its error is
    raised here)."""
    if not _can_fork():
        return build()
    read, write = os.pipe()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # Python 3.12+ warns of any other thread
            pid = os.fork()
    except OSError:  # no memory or processes left for a child: build here
        os.close(read)
        os.close(write)
        return build()
    if pid == 0:
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                out.write(pickle.dumps(build(), protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)  # never back into the caller's code, its atexit handlers or its buffers
    os.close(write)
    try:
        with os.fdopen(read, "rb") as got:
            data = got.read()
    finally:
        _, status = os.waitpid(pid, 0)
    return pickle.loads(data) if status == 0 and data else build()


def _can_fork() -> bool:
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return False
    return all(t is threading.main_thread() or t.name.startswith("resumematch-") for t in threading.enumerate())


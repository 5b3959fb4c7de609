"""The worker's long-lived objects kept out of the garbage collector's full passes.

A worker holds a large heap that lives as long as the process: the rule pack's engine and
model, Faust's app, the compiled schemas. Python's cyclic collector scans the whole oldest
generation in each of its full passes, and those come as the objects a worker allocates per
event (records, decisions, flags) pile up: measured in a worker draining the bench's posts,
each full pass took about 80 ms, charged to whatever event was being judged. Frozen once the
worker has started (`gc.freeze`), those objects are left out of every pass; they are still
freed by reference counting when they are dropped. Only garbage cycles among them would stay,
so after replacing long-lived objects (a rule pack reloaded) the worker unfreezes, collects
once and freezes again (`refreeze`).
"""

from __future__ import annotations

import gc


def freeze_long_lived() -> int:
    """Collect what is garbage now, then freeze every object still alive; how many are frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def refreeze() -> int:
    """Let the collector see the frozen objects again, free the garbage cycles among them (an
    engine replaced), and freeze what is alive; how many are frozen."""
    gc.unfreeze()
    return freeze_long_lived()

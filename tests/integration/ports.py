"""Ports for the servers an integration test starts of its own (a private stack, a second broker).

A port found free is only free until someone binds it. Picked inside the kernel's ephemeral
range, it can be taken in the meantime by any outgoing connection (this test's, another xdist
worker's, the shared stack's clients), and the server then fails to start: a secure broker did
so once in CI. Ports are therefore picked below that range, and outside the band the shared
stack listens on, and every port the server needs (its port plus fixed offsets) must be free.
"""

from __future__ import annotations

import random
import socket
from collections.abc import Sequence
from pathlib import Path

LOWEST = 20_000
STACK_BAND = range(29_000, 30_000)  # the shared stack's ports (netra/stack/settings.py)
DEFAULT_EPHEMERAL_LOW = 32_768  # Linux's default when the range cannot be read
_RANGE_FILE = Path("/proc/sys/net/ipv4/ip_local_port_range")


def ephemeral_low() -> int:
    """The lowest port the kernel hands out to outgoing connections."""
    try:
        return int(_RANGE_FILE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return DEFAULT_EPHEMERAL_LOW


def is_free(port: int) -> bool:
    """Whether nothing is bound to `port` on the loopback address now."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_base(offsets: Sequence[int] = (0,), taken: Sequence[int] = ()) -> int:
    """A port `p` such that every `p + offset` is free, below the ephemeral range, outside the
    shared stack's band and not in `taken` (ports already handed out to the same server)."""
    top = ephemeral_low() - 1 - max(offsets)
    if top <= LOWEST:
        raise RuntimeError(f"no room below the ephemeral range for offsets {list(offsets)}")
    while True:
        base = random.randint(LOWEST, top)
        ports = [base + o for o in offsets]
        if any(p in STACK_BAND or p in taken for p in ports):
            continue
        if all(is_free(p) for p in ports):
            return base

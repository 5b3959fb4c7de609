"""Per-client token buckets in bounded memory, and who the client of a request is.

Each client has a bucket of `burst` tokens refilled at `per_second`; a request takes one or is
refused with the seconds until one is back. At most `max_clients` buckets are kept, the least
recently seen forgotten first, so a flood from many addresses costs a fixed amount of memory
(a forgotten client starts again with a full bucket: the proof of work still prices each
report). IPv6 clients are counted per /64, the block one subscriber usually holds.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from netra.intake.errors import RefusedError


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(
        self,
        *,
        burst: int,
        per_second: float,
        max_clients: int,
        what: str,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.burst = burst
        self.per_second = per_second
        self.max_clients = max_clients
        self.what = what
        self.clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, client: str) -> None:
        """Take one token for `client` or raise RefusedError (429) saying when to come back."""
        now = self.clock()
        bucket = self._buckets.pop(client, None)
        if bucket is None:
            bucket = _Bucket(float(self.burst), now)
        else:
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(float(self.burst), bucket.tokens + elapsed * self.per_second)
            bucket.updated = now
        self._buckets[client] = bucket  # most recently seen last
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return
        wait = math.ceil((1.0 - bucket.tokens) / self.per_second)
        raise RefusedError(
            429, f"too many {self.what} from your address: try again in {wait} s", retry_after=wait
        )


def client_key(peer: str | None, forwarded_for: str | None, trusted: Iterable[str]) -> str:
    """The client a request counts against: the peer address, or, when the peer is a trusted
    proxy, the nearest address in X-Forwarded-For that is not one; IPv6 by its /64."""
    trusted_set = {t.strip() for t in trusted if t.strip()}
    address = peer or "unknown"
    if address in trusted_set and forwarded_for:
        hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
        for hop in reversed(hops):
            address = hop
            if hop not in trusted_set:
                break
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)

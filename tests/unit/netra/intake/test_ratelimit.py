"""The per-client rate limiter: bursts, refill, bounded memory, and who the client is."""

from __future__ import annotations

import pytest

from netra.intake.errors import RefusedError
from netra.intake.ratelimit import RateLimiter, client_key


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_passes_then_the_client_is_told_when_to_return() -> None:
    clock = Clock()
    limiter = RateLimiter(burst=3, per_second=0.5, max_clients=10, what="reports", clock=clock)
    for _ in range(3):
        limiter.take("a")
    with pytest.raises(RefusedError) as err:
        limiter.take("a")
    assert err.value.status == 429 and err.value.retry_after == 2
    limiter.take("b")  # another client is not slowed
    clock.now += 2.0
    limiter.take("a")
    with pytest.raises(RefusedError):
        limiter.take("a")


def test_refill_never_exceeds_the_burst() -> None:
    clock = Clock()
    limiter = RateLimiter(burst=2, per_second=1.0, max_clients=10, what="reports", clock=clock)
    clock.now += 3600
    limiter.take("a")
    limiter.take("a")
    with pytest.raises(RefusedError):
        limiter.take("a")


def test_memory_is_bounded_by_forgetting_the_least_recently_seen() -> None:
    clock = Clock()
    limiter = RateLimiter(burst=1, per_second=0.001, max_clients=100, what="x", clock=clock)
    limiter.take("kept")
    for n in range(1000):
        limiter.take(f"flood-{n}")
        if n % 50 == 0:
            with pytest.raises(RefusedError):
                limiter.take("kept")  # seen again: stays remembered, and stays limited
    assert len(limiter) == 100


def test_the_client_is_the_peer_unless_the_peer_is_a_trusted_proxy() -> None:
    assert client_key("203.0.113.9", "198.51.100.1", []) == "203.0.113.9"
    assert client_key("10.0.0.2", "198.51.100.1", ["10.0.0.2"]) == "198.51.100.1"
    # A client cannot hide behind a forged first hop: the nearest untrusted hop counts.
    assert client_key("10.0.0.2", "1.2.3.4, 198.51.100.1", ["10.0.0.2"]) == "198.51.100.1"
    assert client_key("10.0.0.2", "198.51.100.1, 10.0.0.3", ["10.0.0.2", "10.0.0.3"]) == (
        "198.51.100.1"
    )
    assert client_key(None, None, []) == "unknown"


def test_ipv6_clients_count_per_64() -> None:
    a = client_key("2001:db8:1:2::1", None, [])
    b = client_key("2001:db8:1:2:ffff::9", None, [])
    assert a == b == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:3::1", None, []) != a

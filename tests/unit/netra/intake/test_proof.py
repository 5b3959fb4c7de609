"""The proof-of-work guard: only a solved, unexpired, unspent challenge Netra issued passes."""

from __future__ import annotations

import hashlib

import pytest

from netra.intake.errors import RefusedError
from netra.intake.proof import ProofOfWork, leading_zero_bits, solve, solves

KEY = b"unit-test-intake-signing-key-0123456789"


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def _pow(clock: Clock, bits: int = 8) -> ProofOfWork:
    return ProofOfWork(KEY, bits=bits, ttl_seconds=600, clock=clock)


def test_leading_zero_bits_counts_bits_not_bytes() -> None:
    assert leading_zero_bits(bytes([0, 0, 0x80])) == 16
    assert leading_zero_bits(bytes([0, 0x01])) == 15
    assert leading_zero_bits(bytes([0x40])) == 1
    assert leading_zero_bits(bytes(4)) == 32


def test_a_solved_challenge_passes_once_and_its_digest_has_the_bits() -> None:
    guard = _pow(Clock())
    challenge = guard.issue()
    nonce = solve(challenge.value, challenge.bits)
    digest = hashlib.sha256(f"{challenge.value}:{nonce}".encode()).digest()
    assert leading_zero_bits(digest) >= 8
    guard.claim(challenge.value, nonce)
    with pytest.raises(RefusedError, match="already used"):
        guard.claim(challenge.value, nonce)


def test_a_released_challenge_can_be_used_again() -> None:
    guard = _pow(Clock())
    challenge = guard.issue()
    nonce = solve(challenge.value, challenge.bits)
    guard.claim(challenge.value, nonce)
    guard.release(challenge.value)
    guard.claim(challenge.value, nonce)


def test_a_wrong_nonce_is_refused() -> None:
    guard = _pow(Clock(), bits=12)
    challenge = guard.issue()
    wrong = next(str(n) for n in range(10_000) if not solves(challenge.value, str(n), 12))
    with pytest.raises(RefusedError, match="does not solve") as err:
        guard.check(challenge.value, wrong)
    assert err.value.status == 403


@pytest.mark.parametrize("nonce", ["", "-1", "1e9", "12 ", "١٢", "9" * 40, "<script>", "0x10"])
def test_a_nonce_that_is_not_a_short_decimal_is_refused(nonce: str) -> None:
    guard = _pow(Clock())
    with pytest.raises(RefusedError):
        guard.check(guard.issue().value, nonce)


def test_a_forged_or_altered_challenge_is_refused() -> None:
    clock = Clock()
    guard = _pow(clock)
    value = guard.issue().value
    parts = value.split(".")
    easier = ".".join([parts[0], parts[1], "1", parts[3], parts[4]])  # claims 1 bit
    other = ProofOfWork(b"another-key-another-key-another-key!!", bits=8, ttl_seconds=600)
    for forged in (easier, other.issue().value, "p1.1.1.1.1", "x" * 500):
        with pytest.raises(RefusedError, match="not one Netra issued"):
            guard.check(forged, solve(forged, 1))


def test_an_expired_or_future_challenge_is_refused() -> None:
    clock = Clock()
    guard = _pow(clock)
    challenge = guard.issue()
    nonce = solve(challenge.value, challenge.bits)
    clock.now += 601
    with pytest.raises(RefusedError, match="expired"):
        guard.check(challenge.value, nonce)
    clock.now -= 10_000
    with pytest.raises(RefusedError, match="expired"):
        guard.check(challenge.value, nonce)


def test_a_challenge_issued_before_the_difficulty_rose_is_refused() -> None:
    clock = Clock()
    easy = _pow(clock, bits=4).issue()
    harder = _pow(clock, bits=8)
    with pytest.raises(RefusedError, match="too easy"):
        harder.check(easy.value, solve(easy.value, 4))


def test_spent_challenges_are_bounded() -> None:
    clock = Clock()
    guard = ProofOfWork(KEY, bits=1, ttl_seconds=600, max_spent=3, clock=clock)
    for _ in range(10):
        challenge = guard.issue()
        guard.claim(challenge.value, solve(challenge.value, 1))
    assert len(guard._spent) == 3

"""A captcha-free guard against bulk reports: a hashcash-style proof of work.

The server hands out a signed challenge; the client finds a nonce such that
SHA-256("<challenge>:<nonce>") starts with `bits` zero bits, which takes about 2^bits hashes
on average (20 bits: about a million, a second or so in a browser, a few minutes of one core
for a thousand reports) while checking it takes one. Challenges are stateless (an HMAC under
the intake key says Netra issued them and when), expire, and are spent once accepted, so a
solved challenge cannot carry a second report. Nothing here knows about HTTP.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from netra.intake.errors import RefusedError

VERSION = "p1"
MAX_NONCE_CHARS = 32
CLOCK_SKEW_SECONDS = 60


@dataclass(frozen=True)
class Challenge:
    value: str
    bits: int
    expires_at: float


def leading_zero_bits(digest: bytes) -> int:
    """How many zero bits the digest starts with."""
    count = 0
    for byte in digest:
        if byte:
            return count + 8 - byte.bit_length()
        count += 8
    return count


def solves(challenge: str, nonce: str, bits: int) -> bool:
    digest = hashlib.sha256(f"{challenge}:{nonce}".encode("ascii")).digest()
    return leading_zero_bits(digest) >= bits


def solve(challenge: str, bits: int) -> str:
    """Find a nonce (what an API client does; the form's script does the same in JavaScript)."""
    nonce = 0
    while not solves(challenge, str(nonce), bits):
        nonce += 1
    return str(nonce)


class ProofOfWork:
    """Issues and checks challenges; remembers spent ones until they expire (bounded)."""

    def __init__(
        self,
        key: bytes,
        *,
        bits: int,
        ttl_seconds: int,
        max_spent: int = 100_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key = hashlib.sha256(b"netra intake pow\x00" + key).digest()
        self.bits = bits
        self.ttl = ttl_seconds
        self.max_spent = max_spent
        self.clock = clock
        self._spent: OrderedDict[str, float] = OrderedDict()

    def _mac(self, body: str) -> str:
        return hmac.new(self._key, body.encode("ascii"), hashlib.sha256).hexdigest()[:32]

    def issue(self) -> Challenge:
        issued = int(self.clock())
        body = f"{VERSION}.{issued}.{self.bits}.{secrets.token_hex(12)}"
        return Challenge(f"{body}.{self._mac(body)}", self.bits, issued + self.ttl)

    def check(self, challenge: str, nonce: str) -> None:
        """Refuse unless the nonce solves a challenge Netra issued, unexpired and unspent."""
        if not challenge or not nonce:
            raise RefusedError(
                403,
                "a proof of work is missing: fetch a challenge and send it with its nonce "
                "(the form's script does this)",
                field="pow",
            )
        if len(nonce) > MAX_NONCE_CHARS or not nonce.isascii() or not nonce.isdigit():
            raise RefusedError(403, "the proof-of-work nonce must be a decimal number", field="pow")
        parts = challenge.split(".")
        if len(challenge) > 128 or len(parts) != 5 or parts[0] != VERSION:
            raise RefusedError(
                403, "the proof-of-work challenge is not one Netra issued", field="pow"
            )
        body, mac = ".".join(parts[:4]), parts[4]
        if not hmac.compare_digest(self._mac(body), mac):
            raise RefusedError(
                403, "the proof-of-work challenge is not one Netra issued", field="pow"
            )
        issued, bits = int(parts[1]), int(parts[2])
        now = self.clock()
        if issued > now + CLOCK_SKEW_SECONDS or now > issued + self.ttl:
            raise RefusedError(
                403, "the proof-of-work challenge expired: fetch a new one", field="pow"
            )
        if bits < self.bits:
            raise RefusedError(403, "the proof-of-work challenge is too easy now: fetch a new one")
        self._forget_expired(now)
        if challenge in self._spent:
            raise RefusedError(403, "this proof of work was already used: fetch a new challenge")
        if not solves(challenge, nonce, bits):
            raise RefusedError(
                403, "the nonce does not solve the proof-of-work challenge", field="pow"
            )

    def claim(self, challenge: str, nonce: str) -> None:
        """Check the proof and mark the challenge used at once (no await in between, so two
        requests racing with one solution cannot both pass); `release` gives it back when the
        report is refused for something else, so the reporter can correct it and resend."""
        self.check(challenge, nonce)
        self._spent[challenge] = int(challenge.split(".")[1]) + self.ttl
        while len(self._spent) > self.max_spent:
            self._spent.popitem(last=False)

    def release(self, challenge: str) -> None:
        self._spent.pop(challenge, None)

    def _forget_expired(self, now: float) -> None:
        while self._spent:
            oldest, expires = next(iter(self._spent.items()))
            if expires >= now:
                break
            del self._spent[oldest]

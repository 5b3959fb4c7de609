"""Keyed pseudonyms of the NIP: flags and documents carry these, never the NIP itself.

An HMAC (not a plain hash) because the NIP has little entropy: it is a birth date, a hiring
month, a sex digit and a serial, so a plain SHA-256 of every plausible NIP is a few billion
hashes away. Without the key a pseudonym says nothing; with it, the registry entry behind a
flag can be checked to be the one that was flagged (`NipPseudonyms.matches`).

The key is `NETRA_NIP_KEY` (a secret, at least 32 characters; every worker and tool of one
deployment must share it). Where it is not set, as on one machine, a random key is made once
in the private state directory and shared by every local worker and tool.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from schemas.registry import AsnProfile, RegistryEntry
from streams.files import read_or_create_key
from streams.settings import Settings

MIN_KEY_CHARS = 32
_REF_HEX = 32  # 128 bits: collisions among millions of ASN stay out of reach


class NipPseudonyms:
    """Turns NIPs into `nip_ref` values under one key."""

    def __init__(self, key: bytes) -> None:
        if len(key) < MIN_KEY_CHARS:
            raise ValueError(f"the NIP pseudonym key must be at least {MIN_KEY_CHARS} bytes")
        self._key = key
        self.key_id = hashlib.sha256(b"netra nip key id\x00" + key).hexdigest()[:8]

    def ref(self, nip: str) -> str:
        """The pseudonym of one NIP (the same NIP always gives the same pseudonym)."""
        digest = hmac.new(self._key, b"nip\x00" + nip.encode(), hashlib.sha256)
        return digest.hexdigest()[:_REF_HEX]

    def matches(self, nip: str, nip_ref: str) -> bool:
        """Whether `nip` is the NIP behind `nip_ref` (constant time)."""
        return hmac.compare_digest(self.ref(nip), nip_ref)

    def profile(self, entry: RegistryEntry) -> AsnProfile:
        """What a flag says about the ASN behind a registry entry."""
        return AsnProfile(
            nip_ref=self.ref(entry.nip),
            nip_key=self.key_id,
            name=entry.name,
            agency=entry.agency,
            unit=entry.unit,
            province=entry.province,
            region=entry.region,
            position=entry.position,
            employment_type=entry.employment_type,
        )


def key_file(settings: Settings) -> Path:
    return settings.state_dir / "secrets" / "nip.key"


def load_nip_pseudonyms(settings: Settings) -> NipPseudonyms:
    """The pseudonyms of this deployment: from NETRA_NIP_KEY, else the local key file (made
    once, readable by the service user only)."""
    if settings.nip_key is not None:
        return NipPseudonyms(settings.nip_key.get_secret_value().encode())
    return NipPseudonyms(read_or_create_key(key_file(settings)))

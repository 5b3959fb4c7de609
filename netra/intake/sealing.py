"""The reporter's identity, sealed: AES-256-GCM under a key only the intake and Bawaslu's
reporter desk hold, with the ticket as associated data.

Sealing happens in the intake process before anything leaves it: the posts topic, the flags,
Elasticsearch and therefore BKN, inspectorates and Kibana never see a reporter, and the
sealed record on the reporters topic says nothing without the key. A sealed contact cannot be
moved to another ticket (the tag would not verify), and `key_id` says which key sealed it so
a rotated key is recognised instead of failing obscurely.
"""

from __future__ import annotations

import base64
import hashlib
import os
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from schemas.report import ReporterContact, SealedReporter

MIN_KEY_CHARS = 32


class SealError(ValueError):
    """A sealed contact could not be opened: wrong key, another ticket, or altered."""


class ReporterSeal:
    def __init__(self, secret: bytes) -> None:
        if len(secret) < MIN_KEY_CHARS:
            raise ValueError(f"the reporter key must be at least {MIN_KEY_CHARS} bytes")
        key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"netra reporter v1"
        ).derive(secret)
        self._aead = AESGCM(key)
        self.key_id = hashlib.sha256(b"netra reporter key id\x00" + key).hexdigest()[:8]

    def seal(self, ticket: str, contact: ReporterContact) -> SealedReporter:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, contact.model_dump_json().encode(), ticket.encode())
        return SealedReporter(
            ticket=ticket,
            key_id=self.key_id,
            nonce=nonce.hex(),
            ciphertext=base64.b64encode(sealed).decode("ascii"),
            sealed_at=datetime.now(UTC),
        )

    def open(self, sealed: SealedReporter) -> ReporterContact:
        if sealed.key_id != self.key_id:
            raise SealError(
                f"sealed under key {sealed.key_id}, this is key {self.key_id}: "
                "use the reporter key that was in force then"
            )
        try:
            plain = self._aead.decrypt(
                bytes.fromhex(sealed.nonce),
                base64.b64decode(sealed.ciphertext, validate=True),
                sealed.ticket.encode(),
            )
        except (InvalidTag, ValueError) as exc:
            raise SealError("the sealed contact was altered or belongs to another ticket") from exc
        return ReporterContact.model_validate_json(plain)

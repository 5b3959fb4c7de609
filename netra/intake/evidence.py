"""Where uploaded images are kept as evidence, behind a small interface.

An image is stored under its SHA-256, written once: the name never comes from the client (no
path in an upload can reach the file system), the same image uploaded twice is one file, and
an existing file is never overwritten. `FileEvidenceStore` keeps them under NETRA_STATE
(0600 files in 0700 folders), which suits one machine; an object store with write-once
objects can take its place by implementing `EvidenceStore`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Protocol

from streams.files import write_once
from streams.settings import Settings

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class EvidenceStore(Protocol):
    def put(self, sha256: str, data: bytes) -> str:
        """Keep `data` (whose digest is `sha256`) once; return where it is kept."""
        ...

    def get(self, sha256: str) -> bytes | None:
        """The bytes kept under `sha256`, checked against it; None if none are kept."""
        ...


class EvidenceCorruptedError(RuntimeError):
    """Kept bytes no longer match their digest: the evidence was altered."""


class FileEvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError(f"not a SHA-256 in hex: {sha256[:80]!r}")
        return self.root / sha256[:2] / sha256

    def put(self, sha256: str, data: bytes) -> str:
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("the bytes do not match their digest")
        path = self.path(sha256)
        if not write_once(path, data) and self.get(sha256) is None:
            raise EvidenceCorruptedError(f"{path} vanished while being kept")
        return path.resolve().as_uri()

    def get(self, sha256: str) -> bytes | None:
        path = self.path(sha256)
        if not path.is_file():
            return None
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise EvidenceCorruptedError(f"{path} no longer matches its SHA-256")
        return data


def evidence_store(settings: Settings) -> FileEvidenceStore:
    return FileEvidenceStore(
        settings.intake_evidence_dir or settings.state_dir / "intake" / "evidence"
    )

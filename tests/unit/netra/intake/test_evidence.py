"""The file evidence store: named by digest, written once, private, checked on reading."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from netra.intake.evidence import EvidenceCorruptedError, FileEvidenceStore


def test_kept_under_its_digest_private_and_once(tmp_path: Path) -> None:
    store = FileEvidenceStore(tmp_path / "evidence")
    data = b"\x89PNG evidence bytes"
    digest = hashlib.sha256(data).hexdigest()
    location = store.put(digest, data)
    path = tmp_path / "evidence" / digest[:2] / digest
    assert location == path.resolve().as_uri()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert store.put(digest, data) == location  # the same image twice: one file
    assert store.get(digest) == data
    assert [p.name for p in (tmp_path / "evidence").rglob("*") if p.is_file()] == [digest]


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "/etc/passwd", "a" * 63, "A" * 64, "..%2f" * 10, ""]
)
def test_only_a_digest_names_a_file(tmp_path: Path, name: str) -> None:
    store = FileEvidenceStore(tmp_path / "evidence")
    with pytest.raises(ValueError):
        store.put(name, b"x")
    assert not (tmp_path / "evidence").exists()


def test_bytes_that_do_not_match_their_digest_are_refused(tmp_path: Path) -> None:
    store = FileEvidenceStore(tmp_path)
    with pytest.raises(ValueError, match="do not match"):
        store.put(hashlib.sha256(b"a").hexdigest(), b"b")


def test_an_altered_file_is_reported(tmp_path: Path) -> None:
    store = FileEvidenceStore(tmp_path)
    digest = hashlib.sha256(b"original").hexdigest()
    store.put(digest, b"original")
    path = store.path(digest)
    path.chmod(0o600)
    path.write_bytes(b"altered")
    with pytest.raises(EvidenceCorruptedError):
        store.get(digest)
    assert store.get(hashlib.sha256(b"never kept").hexdigest()) is None

"""Files written once and whole, readable by the service user only: keys and evidence.

A file is written to a temporary name and then linked into place, which fails if the name
exists: nobody ever reads a half-written file, and of two processes racing, the first one's
stays. Used for the random keys a single machine makes for itself and for evidence kept as
files, neither of which may ever be overwritten.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from streams.settings import private_dir

PRIVATE_FILE = 0o600


def write_once(path: Path, data: bytes) -> bool:
    """Write `data` at `path` (0600, parents private) unless a file is there already; True if
    this call wrote it."""
    private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.link(tmp, path)
    except FileExistsError:
        return False
    finally:
        tmp.unlink()
    return True


def read_or_create_key(path: Path) -> bytes:
    """The random key kept at `path`, made once (64 hex characters) where none is yet."""
    if not path.exists():
        write_once(path, (secrets.token_hex(32) + "\n").encode("ascii"))
    return path.read_text(encoding="ascii").strip().encode()

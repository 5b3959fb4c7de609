"""The object store's credentials: from the settings, else the ones the local stack generated.

`netra stack up` makes one random access key and secret for its SeaweedFS the first time and
keeps them in NETRA_STATE/secrets/objectstore.json, readable by the service user only; workers
and tools on the same machine find them there, so the local stack needs no configuration and
no fixed password exists anywhere. A deployment sets NETRA_OBJECT_STORE_ACCESS_KEY and
NETRA_OBJECT_STORE_SECRET_KEY from its secret store instead.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from pydantic import BaseModel, ConfigDict, SecretStr, ValidationError

from streams.files import write_once
from streams.settings import Settings


class ObjectStoreCredentials(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    access_key: str
    secret_key: SecretStr


class MissingCredentialsError(RuntimeError):
    """Neither the settings nor the local stack's file name credentials."""


def credentials_file(state_dir: Path) -> Path:
    return state_dir / "secrets" / "objectstore.json"


def load_or_create(path: Path) -> ObjectStoreCredentials:
    """The credentials in `path`, made once (of two processes racing, the first one's stays)."""
    if not path.exists():
        made = {"access_key": "netra" + secrets.token_hex(6), "secret_key": secrets.token_hex(24)}
        write_once(path, json.dumps(made).encode("utf-8"))
    return read(path)


def read(path: Path) -> ObjectStoreCredentials:
    try:
        return ObjectStoreCredentials.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError) as exc:
        raise MissingCredentialsError(
            f"no object-store credentials: NETRA_OBJECT_STORE_ACCESS_KEY and "
            f"NETRA_OBJECT_STORE_SECRET_KEY are unset and {path} is unreadable ({exc}); start "
            "the local stack with `netra stack up` or set both variables"
        ) from exc


def resolve(settings: Settings) -> ObjectStoreCredentials:
    """The settings' credentials when both are set, else the local stack's."""
    if settings.object_store_access_key and settings.object_store_secret_key is not None:
        return ObjectStoreCredentials(
            access_key=settings.object_store_access_key,
            secret_key=settings.object_store_secret_key,
        )
    return read(credentials_file(settings.state_dir))

"""The local stack's object-store credentials: made once, private, read back by every process."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import SecretStr

from streams.evidence.credentials import (
    MissingCredentialsError,
    credentials_file,
    load_or_create,
    resolve,
)
from streams.settings import Settings


def test_made_once_readable_by_the_owner_only_and_stable(tmp_path: Path) -> None:
    path = credentials_file(tmp_path)
    first = load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    again = load_or_create(path)
    assert again == first and len(first.secret_key.get_secret_value()) == 48


def test_settings_win_and_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    settings = Settings(
        NETRA_STATE=tmp_path,
        object_store_access_key="deploy",
        object_store_secret_key=SecretStr("s3cret"),
    )
    assert resolve(settings).access_key == "deploy"
    with pytest.raises(MissingCredentialsError, match="netra stack up"):
        resolve(Settings(NETRA_STATE=tmp_path))

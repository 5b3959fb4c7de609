"""The users file: one JSON document, private to the service user, replaced atomically.

A file and not a database because a deployment has tens of users, managed by an operator
with `netra users`; OIDC in front of the review desk is the way to a directory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from netra.identity.passwords import hash_password, needs_rehash, verify_password
from netra.identity.users import Role, Scope, User
from streams.settings import private_dir


@cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name costs as long as a wrong
    password (no telling which names exist by timing)."""
    return hash_password("netra-no-such-user-padding")


class UserStoreError(ValueError):
    """The users file or a change to it is wrong; the message says what to do."""


class AuthenticationError(PermissionError):
    """Wrong name or password, or a disabled user (the message does not say which)."""


class _UsersFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = 1
    users: list[User] = []


class UserStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> _UsersFile:
        if not self.path.exists():
            return _UsersFile()
        mode = self.path.stat().st_mode & 0o777
        if mode & 0o077:
            raise UserStoreError(
                f"{self.path} is readable by others (mode {mode:o}): chmod 600 {self.path}"
            )
        try:
            return _UsersFile.model_validate_json(self.path.read_bytes())
        except ValueError as exc:
            raise UserStoreError(f"{self.path} is not a Netra users file: {exc}") from exc

    def _write(self, data: _UsersFile) -> None:
        private_dir(self.path.parent)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(data.model_dump(mode="json"), indent=2) + "\n")
        tmp.replace(self.path)

    def __iter__(self) -> Iterator[User]:
        return iter(sorted(self._read().users, key=lambda u: u.name))

    def get(self, name: str) -> User | None:
        return next((u for u in self._read().users if u.name == name), None)

    def add(self, name: str, role: Role, password: str, scope: Scope | None = None) -> User:
        data = self._read()
        if any(u.name == name for u in data.users):
            raise UserStoreError(f"user {name} exists: `netra users passwd {name}` to change it")
        try:
            user = User(
                name=name,
                role=role,
                scope=scope or Scope(),
                password_hash=hash_password(password),
                created_at=datetime.now(UTC),
            )
        except ValueError as exc:
            raise UserStoreError(str(exc)) from exc
        data.users.append(user)
        self._write(data)
        return user

    def _replace(self, name: str, **changes: object) -> User:
        data = self._read()
        for i, user in enumerate(data.users):
            if user.name == name:
                data.users[i] = user.model_copy(update=changes)
                self._write(data)
                return data.users[i]
        raise UserStoreError(f"no user {name}: `netra users list` shows them")

    def set_password(self, name: str, password: str) -> User:
        try:
            password_hash = hash_password(password)
        except ValueError as exc:
            raise UserStoreError(str(exc)) from exc
        return self._replace(name, password_hash=password_hash)

    def set_disabled(self, name: str, disabled: bool) -> User:
        return self._replace(name, disabled=disabled)

    def authenticate(self, name: str, password: str) -> User:
        """The user, when the password is theirs and they are enabled."""
        user = self.get(name)
        if user is None:
            verify_password(_dummy_hash(), password)
            raise AuthenticationError("wrong user name or password")
        if not verify_password(user.password_hash, password) or user.disabled:
            raise AuthenticationError("wrong user name or password")
        if needs_rehash(user.password_hash):
            self._replace(name, password_hash=hash_password(password))
        return user

"""The users file: argon2 hashes, private file, sign-in that does not tell names apart."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from netra.identity import AuthenticationError, Role, Scope, UserStore, UserStoreError
from schemas import AsnProfile, EmploymentType

PASSWORD = "kata-sandi-panjang-1"


def _store(tmp_path: Path) -> UserStore:
    return UserStore(tmp_path / "conf" / "users.json")


def test_a_user_signs_in_with_their_password_only(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add("siti", Role.BAWASLU, PASSWORD, Scope(province="Jawa Tengah"))
    assert store.authenticate("siti", PASSWORD).role is Role.BAWASLU
    for name, password in (("siti", PASSWORD + "x"), ("nobody", PASSWORD)):
        with pytest.raises(AuthenticationError, match="wrong user name or password"):
            store.authenticate(name, password)


def test_the_file_holds_a_hash_and_is_private(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add("siti", Role.BKN, PASSWORD)
    raw = store.path.read_text()
    assert PASSWORD not in raw and json.loads(raw)["users"][0]["password_hash"].startswith(
        "$argon2id$"
    )
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700


def test_a_file_others_can_read_is_refused(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add("siti", Role.BKN, PASSWORD)
    store.path.chmod(0o644)
    with pytest.raises(UserStoreError, match="chmod 600"):
        store.authenticate("siti", PASSWORD)


def test_disabled_users_and_changed_passwords(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add("budi", Role.INSPECTORATE, PASSWORD)
    store.set_disabled("budi", True)
    with pytest.raises(AuthenticationError):
        store.authenticate("budi", PASSWORD)
    store.set_disabled("budi", False)
    store.set_password("budi", "sandi-baru-yang-panjang")
    with pytest.raises(AuthenticationError):
        store.authenticate("budi", PASSWORD)
    assert store.authenticate("budi", "sandi-baru-yang-panjang").name == "budi"


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [("siti", "pendek", "at least 12"), ("Siti Rahma", PASSWORD, "name")],
)
def test_bad_users_are_refused_with_a_reason(
    tmp_path: Path, name: str, password: str, message: str
) -> None:
    with pytest.raises(UserStoreError, match=message):
        _store(tmp_path).add(name, Role.BKN, password)


def test_a_name_is_added_once(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add("siti", Role.BKN, PASSWORD)
    with pytest.raises(UserStoreError, match="exists"):
        store.add("siti", Role.BAWASLU, PASSWORD)


ASN = AsnProfile(
    nip_ref="0" * 32,
    nip_key="0" * 8,
    name="Budi",
    agency="Pemkab Blora",
    province="Jawa Tengah",
    region="Kabupaten Blora",
    employment_type=EmploymentType.PNS,
)
ENTITLED = frozenset({"bawaslu", "bkn", "inspectorate"})


@pytest.mark.parametrize(
    ("role", "scope", "allowed"),
    [
        (Role.BAWASLU, Scope(), True),
        (Role.BAWASLU, Scope(province="jawa tengah"), True),
        (Role.BAWASLU, Scope(province="Jawa Timur"), False),
        (Role.BAWASLU, Scope(region="Kabupaten Rembang"), False),
        (Role.INSPECTORATE, Scope(agency="Pemkab Blora"), True),
        (Role.INSPECTORATE, Scope(agency="Kementerian Agama"), False),
        (Role.ANALYST, Scope(), False),
        (Role.RULE_AUTHOR, Scope(), False),
    ],
)
def test_who_may_reveal(tmp_path: Path, role: Role, scope: Scope, allowed: bool) -> None:
    user = _store(tmp_path).add("u1", role, PASSWORD, scope)
    assert (user.may_reveal(ASN, ENTITLED) is None) is allowed

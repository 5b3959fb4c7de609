"""NIP pseudonyms: keyed, stable, and the key made once and kept private."""

from __future__ import annotations

import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pydantic import SecretStr

from schemas import EmploymentType, RegistryEntry
from streams.pseudonyms import NipPseudonyms, key_file, load_nip_pseudonyms
from streams.settings import Settings

NIP = "198501152010011001"
KEY = b"netra-unit-test-nip-key-0123456789"


def test_the_same_nip_gives_the_same_pseudonym_under_one_key_only() -> None:
    one, other = NipPseudonyms(KEY), NipPseudonyms(KEY + b"x")
    assert one.ref(NIP) == one.ref(NIP) != other.ref(NIP)
    assert one.ref(NIP) != one.ref("198501152010011002")
    assert one.key_id != other.key_id and len(one.key_id) == 8
    assert one.matches(NIP, one.ref(NIP)) and not one.matches(NIP, other.ref(NIP))


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 32"):
        NipPseudonyms(b"short")


def test_the_profile_carries_everything_but_the_nip() -> None:
    entry = RegistryEntry(
        account_id="ig:x",
        nip=NIP,
        name="Budi",
        agency="Pemkab Blora",
        unit="Kecamatan Kradenan",
        province="Jawa Tengah",
        region="Kabupaten Blora",
        position="Camat",
        employment_type=EmploymentType.PNS,
    )
    profile = NipPseudonyms(KEY).profile(entry)
    assert NIP not in profile.model_dump_json()
    assert (profile.name, profile.unit, profile.position) == ("Budi", "Kecamatan Kradenan", "Camat")


def test_the_configured_key_wins(tmp_path: Path) -> None:
    settings = Settings(NETRA_STATE=tmp_path, nip_key=SecretStr(KEY.decode()))
    assert load_nip_pseudonyms(settings).ref(NIP) == NipPseudonyms(KEY).ref(NIP)
    assert not key_file(settings).exists()


def test_without_a_key_one_is_made_once_private_and_shared(tmp_path: Path) -> None:
    settings = Settings(NETRA_STATE=tmp_path)
    with ThreadPoolExecutor(8) as pool:
        refs = set(pool.map(lambda _: load_nip_pseudonyms(settings).ref(NIP), range(16)))
    assert len(refs) == 1
    path = key_file(settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["nip.key"]  # no temporary file left

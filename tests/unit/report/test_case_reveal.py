"""The NIP reveal: granted only to an entitled user in scope, checked against the registry,
and never without its audit entry; every refusal is audited too."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from netra.case import NipRevealer, RevealRefusedError
from netra.case.reveal import AuditTrail
from netra.identity import Role, Scope, User, UserStore
from schemas import AuditEntry, AuditOutcome, RegistryEntry
from schemas.flag_document import FlagDocument
from streams.pseudonyms import NipPseudonyms
from tests.integration.report_samples import BUDI, SAMPLE_PSEUDONYMS, samples

NOW = datetime(2024, 2, 10, 8, tzinfo=UTC)
ENTITLED = frozenset({"bawaslu", "bkn", "inspectorate"})


def _doc() -> FlagDocument:
    return next(s for s in samples(NOW) if s.flag.asn and s.flag.asn.name == BUDI.name).document()


def _user(tmp_path: Path, role: Role, scope: Scope | None = None) -> User:
    return UserStore(tmp_path / "users.json").add(f"u-{role.value}", role, "x" * 12, scope)


class Trail:
    def __init__(self, fail: bool = False) -> None:
        self.entries: list[AuditEntry] = []
        self.fail = fail

    def __call__(self, entry: AuditEntry) -> None:
        if self.fail:
            raise OSError("Kafka refused the audit entry")
        self.entries.append(entry)


def _revealer(
    trail: Trail,
    registry: dict[str, RegistryEntry] | None = None,
    keys: NipPseudonyms = SAMPLE_PSEUDONYMS,
) -> NipRevealer:
    known = {BUDI.account_id: BUDI} if registry is None else registry
    return NipRevealer(
        pseudonyms=keys,
        entitled_roles=ENTITLED,
        registry=known.get,
        trail=AuditTrail(write=trail, tool="netra case test", host="test-host"),
    )


def test_an_entitled_user_in_scope_gets_the_nip_and_the_trail_says_so(tmp_path: Path) -> None:
    trail = Trail()
    user = _user(tmp_path, Role.BAWASLU, Scope(province="Jawa Tengah"))
    nip = _revealer(trail).reveal(_doc(), actor=user.name, user=user, reason="laporan ke BKN")
    assert nip == BUDI.nip
    [entry] = trail.entries
    assert entry.outcome is AuditOutcome.GRANTED and entry.actor == user.name
    assert entry.actor_role == "bawaslu" and entry.reason == "laporan ke BKN"
    assert entry.flag_id == _doc().flag_id and entry.account_id == BUDI.account_id
    assert entry.nip_ref == SAMPLE_PSEUDONYMS.ref(BUDI.nip)
    assert BUDI.nip not in entry.model_dump_json()


@pytest.mark.parametrize(
    ("role", "scope", "registry", "keys", "why"),
    [
        (Role.ANALYST, None, None, SAMPLE_PSEUDONYMS, "may not reveal"),
        (Role.BAWASLU, Scope(province="Bali"), None, SAMPLE_PSEUDONYMS, "outside"),
        (Role.INSPECTORATE, Scope(agency="Kementerian Agama"), None, SAMPLE_PSEUDONYMS, "outside"),
        (Role.BKN, None, {}, SAMPLE_PSEUDONYMS, "no longer in the registry"),
        (
            Role.BKN,
            None,
            {BUDI.account_id: BUDI.model_copy(update={"nip": "199001012015011001"})},
            SAMPLE_PSEUDONYMS,
            "another NIP",
        ),
        (Role.BKN, None, None, NipPseudonyms(b"another-deployment-key-0123456789"), "key"),
    ],
)
def test_refusals_reveal_nothing_and_are_audited(
    tmp_path: Path,
    role: Role,
    scope: Scope | None,
    registry: dict[str, RegistryEntry] | None,
    keys: NipPseudonyms,
    why: str,
) -> None:
    trail = Trail()
    user = _user(tmp_path, role, scope)
    with pytest.raises(RevealRefusedError, match=why) as refused:
        _revealer(trail, registry, keys).reveal(_doc(), actor=user.name, user=user, reason="r")
    assert BUDI.nip not in str(refused.value)
    [entry] = trail.entries
    assert entry.outcome is AuditOutcome.REFUSED and why in entry.refusal


def test_a_failed_sign_in_is_audited_under_the_name_given(tmp_path: Path) -> None:
    trail = Trail()
    with pytest.raises(RevealRefusedError, match="wrong"):
        _revealer(trail).reveal(
            _doc(), actor="mallory", user=None, reason="r", refusal="wrong user name or password"
        )
    [entry] = trail.entries
    assert (entry.actor, entry.actor_role, entry.outcome) == (
        "mallory",
        "unauthenticated",
        AuditOutcome.REFUSED,
    )


def test_no_audit_entry_no_reveal(tmp_path: Path) -> None:
    user = _user(tmp_path, Role.BAWASLU)
    with pytest.raises(OSError, match="audit"):
        _revealer(Trail(fail=True)).reveal(_doc(), actor=user.name, user=user, reason="r")


def test_a_flag_without_a_registered_asn_has_nothing_to_reveal(tmp_path: Path) -> None:
    trail = Trail()
    user = _user(tmp_path, Role.BAWASLU)
    doc = next(s for s in samples(NOW) if s.flag.asn is None).document()
    with pytest.raises(RevealRefusedError, match="names no ASN"):
        _revealer(trail).reveal(doc, actor=user.name, user=user, reason="r")
    assert trail.entries[0].nip_ref == ""

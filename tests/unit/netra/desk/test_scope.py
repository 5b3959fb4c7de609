"""Who sees which flags: the filter every desk query carries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from netra.desk.scope import OutOfScopeError, scope_filters, scoped
from netra.identity import Role, Scope, User


def _user(role: Role, **scope: str) -> User:
    return User(
        name="u1", role=role, scope=Scope(**scope), password_hash="x", created_at=datetime.now(UTC)
    )


def test_bawaslu_ri_sees_everything_and_a_province_only_its_area() -> None:
    assert scope_filters(_user(Role.BAWASLU)) == []
    [term] = scope_filters(_user(Role.BAWASLU, province="Jawa Tengah"))
    assert term == {"term": {"asn.province": {"value": "Jawa Tengah", "case_insensitive": True}}}
    regency = scope_filters(_user(Role.BAWASLU, province="Jawa Tengah", region="Kabupaten Blora"))
    assert [next(iter(f["term"])) for f in regency] == ["asn.province", "asn.region"]


def test_bkn_sees_registered_asn_only() -> None:
    assert scope_filters(_user(Role.BKN)) == [{"term": {"asn.registered": True}}]


def test_an_inspectorate_sees_its_agency_and_without_one_nothing() -> None:
    [term] = scope_filters(_user(Role.INSPECTORATE, agency="Pemkab Blora"))
    assert term["term"]["asn.agency"]["value"] == "Pemkab Blora"
    with pytest.raises(OutOfScopeError, match="agency"):
        scope_filters(_user(Role.INSPECTORATE))


@pytest.mark.parametrize("role", [Role.RULE_AUTHOR, Role.OPERATOR])
def test_rule_authors_and_operators_see_no_flags(role: Role) -> None:
    with pytest.raises(OutOfScopeError):
        scope_filters(_user(role))


def test_a_disabled_user_sees_nothing() -> None:
    with pytest.raises(OutOfScopeError):
        scope_filters(_user(Role.BAWASLU).model_copy(update={"disabled": True}))


def test_scoped_wraps_any_query_with_the_filter() -> None:
    q = scoped(_user(Role.BAWASLU, agency="X"), {"ids": {"values": ["a"]}})
    assert q["bool"]["must"] == [{"ids": {"values": ["a"]}}]
    assert q["bool"]["filter"][0]["term"]["asn.agency"]["value"] == "X"

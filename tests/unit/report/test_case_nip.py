"""The NIP is masked unless the role is entitled; entitlement comes from configuration."""

from __future__ import annotations

import pytest

from netra.case.access import is_entitled, mask_nip, resolve_role


def test_mask_keeps_first_six_and_last_two() -> None:
    assert mask_nip("198501152010011001") == "198501**********01"
    assert len(mask_nip("198501152010011001")) == 18
    assert mask_nip("1234") == "****"


@pytest.mark.parametrize(
    ("role", "entitled"),
    [("bawaslu", True), ("bkn", True), ("inspectorate", True), ("analyst", False), (None, False)],
)
def test_default_roles(role: str | None, entitled: bool) -> None:
    assert is_entitled(role, env={}) is entitled


def test_roles_can_be_configured() -> None:
    env = {"NETRA_NIP_ENTITLED_ROLES": "bawaslu, Analyst"}
    assert is_entitled("analyst", env)
    assert not is_entitled("bkn", env)


def test_option_wins_over_environment() -> None:
    env = {"NETRA_ROLE": "bawaslu"}
    assert resolve_role("analyst", env) == "analyst"
    assert resolve_role(None, env) == "bawaslu"
    assert resolve_role(None, {}) is None
    assert resolve_role(" BKN ", {}) == "bkn"

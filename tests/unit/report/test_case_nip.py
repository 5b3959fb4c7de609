"""The NIP is masked unless the role is entitled; entitlement comes from configuration."""

from __future__ import annotations

import pytest

from netra.case.access import entitled_roles, is_entitled, mask_nip, resolve_role
from streams.settings import Settings


def test_mask_keeps_first_six_and_last_two() -> None:
    assert mask_nip("198501152010011001") == "198501**********01"
    assert len(mask_nip("198501152010011001")) == 18
    assert mask_nip("1234") == "****"


@pytest.mark.parametrize(
    ("role", "entitled"),
    [("bawaslu", True), ("bkn", True), ("inspectorate", True), ("analyst", False), (None, False)],
)
def test_default_roles(role: str | None, entitled: bool) -> None:
    assert is_entitled(role, entitled_roles(Settings().nip_entitled_roles)) is entitled


def test_roles_can_be_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETRA_NIP_ENTITLED_ROLES", "bawaslu, Analyst")
    allowed = entitled_roles(Settings().nip_entitled_roles)
    assert is_entitled("analyst", allowed)
    assert not is_entitled("bkn", allowed)


def test_option_wins_over_the_configured_role(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETRA_ROLE", "bawaslu")
    configured = Settings().role
    assert resolve_role("analyst", configured) == "analyst"
    assert resolve_role(None, configured) == "bawaslu"
    assert resolve_role(None, None) is None
    assert resolve_role(" BKN ", None) == "bkn"


def test_secrets_are_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETRA_KIBANA_PASSWORD", "rahasia-sekali")
    settings = Settings()
    assert settings.kibana_password is not None
    assert settings.kibana_password.get_secret_value() == "rahasia-sekali"
    assert "rahasia" not in str(settings.kibana_password)
    assert "rahasia" not in repr(settings)

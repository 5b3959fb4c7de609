"""Who may reveal a NIP comes from configuration; secrets never show in settings."""

from __future__ import annotations

import pytest

from netra.case.access import entitled_roles
from streams.settings import Settings


def test_default_entitled_roles() -> None:
    assert entitled_roles(Settings().nip_entitled_roles) == {"bawaslu", "bkn", "inspectorate"}


def test_roles_can_be_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETRA_NIP_ENTITLED_ROLES", "bawaslu, Analyst")
    assert entitled_roles(Settings().nip_entitled_roles) == {"bawaslu", "analyst"}


@pytest.mark.parametrize(
    ("variable", "field"),
    [
        ("NETRA_KIBANA_PASSWORD", "kibana_password"),
        ("NETRA_NIP_KEY", "nip_key"),
        ("NETRA_PASSWORD", "password"),
    ],
)
def test_secrets_are_never_shown(
    monkeypatch: pytest.MonkeyPatch, variable: str, field: str
) -> None:
    monkeypatch.setenv(variable, "rahasia-sekali-0123456789-abcdefghij")
    settings = Settings()
    secret = getattr(settings, field)
    assert secret is not None
    assert secret.get_secret_value() == "rahasia-sekali-0123456789-abcdefghij"
    assert "rahasia" not in str(secret)
    assert "rahasia" not in repr(settings)

"""A report's fields: what is accepted, and what is refused with which reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from netra.intake.errors import RefusedError
from netra.intake.submission import TextLimits, account_handle, check_fields, check_url

NOW = datetime(2024, 2, 1, 3, 0, tzinfo=UTC)
LIMITS = TextLimits(max_text_chars=500, max_age_days=365)


def _fields(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "platform": "instagram",
        "account": "@budi.santoso",
        "what_happened": "Mengunggah foto bersama paslon 02 dengan pose dua jari",
        "occurred_at": NOW - timedelta(days=1),
        "url": "https://www.instagram.com/p/C2abc/",
        "reporter_name": "",
        "reporter_contact": "",
        "has_image": False,
        "limits": LIMITS,
        "now": NOW,
    }
    base.update(changes)
    return base


def test_a_complete_report_names_the_account_as_the_registry_does() -> None:
    fields = check_fields(**_fields())
    assert fields.account_id == "ig:budi.santoso"
    assert fields.url == "https://www.instagram.com/p/C2abc/"


@pytest.mark.parametrize(
    ("typed", "handle"),
    [
        ("budi.santoso", "budi.santoso"),
        ("@budi.santoso", "budi.santoso"),
        ("https://www.instagram.com/budi.santoso/", "budi.santoso"),
        ("https://www.tiktok.com/@budi_s?lang=id", "budi_s"),
        ("+6281234567890", "+6281234567890"),
    ],
)
def test_account_forms(typed: str, handle: str) -> None:
    assert account_handle(typed) == handle


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "@",
        "budi santoso",
        "<script>alert(1)</script>",
        "../../etc",
        "a" * 101,
        "x:y",
        "https://x.com/",
    ],
)
def test_accounts_that_are_not_a_handle_are_refused(typed: str) -> None:
    with pytest.raises(RefusedError) as err:
        account_handle(typed)
    assert err.value.status == 422 and err.value.field == "account"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "https://user:pass@example.com/",
        "https:///nohost",
        "https://example.com/a b",
        "http://[::1",
        "https://" + "a" * 2100 + ".com",
    ],
)
def test_links_other_than_plain_http_are_refused(url: str) -> None:
    with pytest.raises(RefusedError):
        check_url(url)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"platform": "myspace"}, "platform"),
        ({"what_happened": "   "}, "what_happened"),
        ({"what_happened": "x" * 501}, "what_happened"),
        ({"what_happened": "ada\x00nol"}, "what_happened"),
        ({"what_happened": "bel\x07"}, "what_happened"),
        ({"what_happened": "surrogate \ud800"}, "what_happened"),
        ({"reporter_name": "Siti\x1b[31m"}, "reporter_name"),
        ({"reporter_contact": "a\nb"}, "reporter_contact"),
        ({"reporter_contact": "x" * 321}, "reporter_contact"),
        ({"occurred_at": NOW + timedelta(hours=1)}, "occurred_at"),
        ({"occurred_at": NOW - timedelta(days=366)}, "occurred_at"),
        ({"occurred_at": datetime(2024, 1, 1)}, "occurred_at"),
        ({"url": ""}, "url"),  # neither a link nor an image
    ],
)
def test_refused_fields_are_named(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(RefusedError) as err:
        check_fields(**_fields(**changes))
    assert err.value.status == 422 and err.value.field == field


def test_script_in_text_is_kept_verbatim_as_evidence() -> None:
    text = "<script>alert('x')</script> lalu\tfoto\r\n dua jari"
    assert check_fields(**_fields(what_happened=text)).what_happened == text.strip()


def test_an_image_alone_is_enough() -> None:
    assert check_fields(**_fields(url="", has_image=True)).url is None

"""The reporter's contact, sealed: a round trip, and every way opening must fail."""

from __future__ import annotations

import pytest

from netra.intake.keys import reporter_seal
from netra.intake.sealing import ReporterSeal, SealError
from schemas.report import ReporterContact
from streams.settings import Settings

TICKET = "LAP-0000-0000-0000-0000"
OTHER = "LAP-1111-1111-1111-1111"
CONTACT = ReporterContact(name="Siti Rahma", contact="siti.rahma@example.org")
SEAL = ReporterSeal(b"unit-test-reporter-key-0123456789abcdef")


def test_round_trip_and_nothing_readable_in_the_sealed_record() -> None:
    sealed = SEAL.seal(TICKET, CONTACT)
    assert SEAL.open(sealed) == CONTACT
    text = sealed.model_dump_json()
    assert "Siti" not in text and "example.org" not in text
    assert SEAL.seal(TICKET, CONTACT).nonce != sealed.nonce  # a fresh nonce every time


def test_a_sealed_contact_moved_to_another_ticket_does_not_open() -> None:
    moved = SEAL.seal(TICKET, CONTACT).model_copy(update={"ticket": OTHER})
    with pytest.raises(SealError, match="another ticket"):
        SEAL.open(moved)


def test_an_altered_ciphertext_does_not_open() -> None:
    sealed = SEAL.seal(TICKET, CONTACT)
    flipped = sealed.ciphertext[:-4] + ("AAAA" if sealed.ciphertext[-4:] != "AAAA" else "BBBB")
    with pytest.raises(SealError):
        SEAL.open(sealed.model_copy(update={"ciphertext": flipped}))


def test_another_key_is_named_not_tried() -> None:
    other = ReporterSeal(b"another-reporter-key-0123456789abcdef!!")
    with pytest.raises(SealError, match="sealed under key"):
        other.open(SEAL.seal(TICKET, CONTACT))


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 32"):
        ReporterSeal(b"short")


def test_without_a_configured_key_one_machine_makes_a_private_one(tmp_path: object) -> None:
    settings = Settings.model_validate({"NETRA_STATE": str(tmp_path)})
    first, again = reporter_seal(settings), reporter_seal(settings)
    assert first.open(again.seal(TICKET, CONTACT)) == CONTACT
    key = settings.state_dir / "secrets" / "reporter.key"
    assert key.stat().st_mode & 0o777 == 0o600

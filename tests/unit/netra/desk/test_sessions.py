"""Signed, expiring sessions and their CSRF tokens."""

from __future__ import annotations

import time

import pytest

from netra.desk.oidc.pkce import new_pending
from netra.desk.sessions import PENDING_SECONDS, Session, SessionSigner

KEY = "k" * 40


def test_a_session_round_trips_and_a_tampered_one_is_none() -> None:
    signer = SessionSigner(KEY, 3600)
    s = Session.new("ana")
    value = signer.dumps(s)
    assert signer.loads(value) == s
    assert signer.loads(value[:-2] + ("AA" if value[-2:] != "AA" else "BB")) is None
    assert SessionSigner("x" * 40, 3600).loads(value) is None  # another key
    assert signer.loads(None) is None and signer.loads("") is None
    assert signer.loads("x" * 5000) is None


def test_an_expired_session_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    signer = SessionSigner(KEY, 60)
    real = time.time
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: real() - 120)
    old = signer.dumps(Session.new("ana"))
    monkeypatch.setattr("itsdangerous.timed.time.time", real)
    assert signer.loads(old) is None


def test_csrf_tokens_are_per_session_and_checked_exactly() -> None:
    a, b = Session.new("ana"), Session.new("ana")
    assert a.csrf != b.csrf
    assert a.csrf_ok(a.csrf)
    assert not a.csrf_ok(b.csrf) and not a.csrf_ok(None) and not a.csrf_ok("")


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError, match="32"):
        SessionSigner("short", 60)


def test_a_pending_oidc_sign_in_round_trips_and_is_never_a_session(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    signer = SessionSigner(KEY, 3600)
    pending = new_pending()
    value = signer.dumps_pending(pending)
    assert signer.loads_pending(value) == pending
    assert signer.loads(value) is None  # another salt: no confusing the two cookies
    assert signer.loads_pending(signer.dumps(Session.new("ana"))) is None
    real = time.time
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: real() - PENDING_SECONDS - 5)
    old = signer.dumps_pending(pending)
    monkeypatch.setattr("itsdangerous.timed.time.time", real)
    assert signer.loads_pending(old) is None

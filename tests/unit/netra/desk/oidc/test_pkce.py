"""PKCE pairs and the sign-in's random values."""

from __future__ import annotations

from netra.desk.oidc.pkce import new_pending, s256_challenge


def test_the_s256_challenge_is_rfc_7636s_example() -> None:
    # RFC 7636 appendix B.
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert s256_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_each_sign_in_has_its_own_state_nonce_and_verifier() -> None:
    a, b = new_pending(), new_pending()
    assert len({a.state, a.nonce, a.verifier, b.state, b.nonce, b.verifier}) == 6
    assert 43 <= len(a.verifier) <= 128
    assert set(a.verifier) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )
    assert s256_challenge(a.verifier) != a.verifier and "=" not in s256_challenge(a.verifier)

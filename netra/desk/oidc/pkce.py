"""PKCE (RFC 7636, S256) and the random values of one OIDC sign-in.

The verifier stays with the desk (in the signed pending cookie); only its S256 challenge goes
to the provider in the browser's URL, so a stolen authorization code is useless without it.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from netra.desk.sessions import PendingSignIn


def s256_challenge(verifier: str) -> str:
    """BASE64URL(SHA-256(verifier)) without padding, as RFC 7636 section 4.2 defines it."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_pending() -> PendingSignIn:
    """Fresh state, nonce and PKCE verifier (43 to 128 unreserved characters: 64 here)."""
    return PendingSignIn(
        state=secrets.token_urlsafe(32),
        nonce=secrets.token_urlsafe(32),
        verifier=secrets.token_urlsafe(48),
    )

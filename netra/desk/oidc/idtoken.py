"""Checking an ID token (OpenID Connect Core 3.1.3.7): signature against the provider's JWKS
with the algorithms it announces, `iss`, `aud`, `exp`/`iat` with a small leeway, `nonce`.

Pure: the keys and the expected values come in, a reason goes out with every refusal. Only
asymmetric algorithms are accepted, whatever the provider announces: "none" would need no
signature, and an HS* token "verified" with a public key would be signed with a public value.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import jwt

ASYMMETRIC = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
LEEWAY_SECONDS = 60
_KEY_TYPES = {"RS": "RSA", "PS": "RSA", "ES": "EC", "Ed": "OKP"}


class IdTokenError(ValueError):
    """The ID token is refused; the message says why."""


@dataclass(frozen=True)
class Expected:
    """What the ID token must say: who issued it, for whom, and the sign-in's nonce."""

    issuer: str
    client_id: str
    nonce: str


def usable_algorithms(announced: Iterable[str]) -> frozenset[str]:
    """The provider's announced ID token algorithms that Netra accepts (asymmetric only)."""
    return frozenset(announced) & ASYMMETRIC


def _key_for(header: Mapping[str, Any], jwks: Mapping[str, Any]) -> Mapping[str, Any]:
    keys = [k for k in jwks.get("keys", []) if isinstance(k, Mapping) and k.get("use") != "enc"]
    kid = header.get("kid")
    if kid is not None:
        found = [k for k in keys if k.get("kid") == kid]
        if not found:
            raise IdTokenError(f"the signing key {str(kid)[:80]!r} is not in the provider's JWKS")
        return found[0]
    wanted = _KEY_TYPES.get(str(header.get("alg", ""))[:2])
    candidates = [k for k in keys if k.get("kty") == wanted]
    if len(candidates) != 1:
        raise IdTokenError("the ID token names no key id and the JWKS has no single key for it")
    return candidates[0]


def unknown_key(token: str, jwks: Mapping[str, Any]) -> bool:
    """Whether the token is signed with a key id the JWKS lacks (the provider may have
    rotated its keys: fetch them again once)."""
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except jwt.InvalidTokenError:
        return False
    return kid is not None and not any(
        isinstance(k, Mapping) and k.get("kid") == kid for k in jwks.get("keys", [])
    )


def validate_id_token(
    token: str,
    *,
    jwks: Mapping[str, Any],
    algorithms: frozenset[str],
    expected: Expected,
    leeway: int = LEEWAY_SECONDS,
) -> dict[str, Any]:
    """The token's claims once every check passed; IdTokenError with the reason otherwise."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.InvalidTokenError as exc:
        raise IdTokenError(f"the ID token is malformed: {exc}") from exc
    alg = header.get("alg")
    allowed = usable_algorithms(algorithms)
    if alg not in allowed:
        raise IdTokenError(
            f"the ID token is signed with {str(alg)[:20]!r}, not one of the accepted "
            f"algorithms ({', '.join(sorted(allowed)) or 'none announced'})"
        )
    jwk = _key_for(header, jwks)
    if jwk.get("kty") != _KEY_TYPES[alg[:2]] or jwk.get("alg", alg) != alg:
        raise IdTokenError(f"the JWKS key {jwk.get('kid')!r} is not a key for {alg}")
    try:
        key = jwt.PyJWK(dict(jwk), algorithm=alg)
        claims: dict[str, Any] = jwt.decode(
            token,
            key=key,
            algorithms=[alg],
            audience=expected.client_id,
            issuer=expected.issuer,
            leeway=leeway,
            options={"require": ["iss", "aud", "exp", "iat", "sub"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise IdTokenError("the ID token has expired") from exc
    except jwt.InvalidAudienceError as exc:
        raise IdTokenError(f"the ID token is not for client {expected.client_id!r}") from exc
    except jwt.InvalidIssuerError as exc:
        raise IdTokenError(f"the ID token was not issued by {expected.issuer}") from exc
    except jwt.InvalidSignatureError as exc:
        raise IdTokenError("the ID token's signature does not verify") from exc
    except (jwt.PyJWTError, ValueError) as exc:
        raise IdTokenError(f"the ID token is refused: {exc}") from exc
    nonce = claims.get("nonce")
    if not isinstance(nonce, str) or not hmac.compare_digest(nonce, expected.nonce):
        raise IdTokenError("the ID token's nonce is not this sign-in's")
    aud = claims["aud"]
    if isinstance(aud, list) and len(aud) > 1 and claims.get("azp") != expected.client_id:
        raise IdTokenError("the ID token has several audiences and another authorised party")
    return claims


def with_userinfo(id_claims: Mapping[str, Any], userinfo: Mapping[str, Any]) -> dict[str, Any]:
    """The ID token's claims completed by the UserInfo response. Its `sub` must be the ID
    token's (OpenID Connect Core 5.3.2: otherwise the response may be about someone else and
    must not be used), and where both carry a claim the signed ID token's value stands."""
    if userinfo.get("sub") != id_claims.get("sub"):
        raise IdTokenError("the UserInfo response is about another subject than the ID token")
    return {**userinfo, **id_claims}

"""The ID token's checks, with keys made here: a good token passes, each fault is refused
with its reason."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from netra.desk.oidc.idtoken import (
    Expected,
    IdTokenError,
    unknown_key,
    usable_algorithms,
    validate_id_token,
    with_userinfo,
)

ISSUER = "https://idp.example.go.id/realms/bawaslu"
CLIENT = "netra-desk"
NONCE = "n" * 43
EXPECTED = Expected(ISSUER, CLIENT, NONCE)
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())
STRANGER = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _jwk(key: Any, kid: str) -> dict[str, Any]:
    public = key.public_key()
    algo = RSAAlgorithm if isinstance(public, rsa.RSAPublicKey) else ECAlgorithm
    jwk: dict[str, Any] = json.loads(algo.to_jwk(public))
    return {**jwk, "kid": kid, "use": "sig"}


JWKS = {"keys": [_jwk(RSA_KEY, "rsa-1"), _jwk(EC_KEY, "ec-1")]}
ANNOUNCED = frozenset({"RS256", "ES256"})


def _claims(**changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": CLIENT,
        "sub": "f1c2",
        "iat": now,
        "exp": now + 300,
        "nonce": NONCE,
        "preferred_username": "ri",
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _token(
    claims: dict[str, Any], key: Any = RSA_KEY, alg: str = "RS256", kid: str = "rsa-1"
) -> str:
    return jwt.encode(claims, key, algorithm=alg, headers={"kid": kid})


def _check(token: str, algorithms: frozenset[str] = ANNOUNCED) -> dict[str, Any]:
    return validate_id_token(token, jwks=JWKS, algorithms=algorithms, expected=EXPECTED)


def test_a_good_token_passes_with_rsa_and_with_ec() -> None:
    assert _check(_token(_claims()))["preferred_username"] == "ri"
    ec_token = _token(_claims(), EC_KEY, "ES256", "ec-1")
    assert _check(ec_token)["sub"] == "f1c2"
    # An audience list naming the desk, with the desk as authorised party, is the desk's.
    assert _check(_token(_claims(aud=[CLIENT, "other"], azp=CLIENT)))["sub"] == "f1c2"


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        (_claims(iss="https://evil.example/"), "not issued by"),
        (_claims(aud="another-client"), "not for client"),
        (_claims(aud=[CLIENT, "other"], azp="other"), "another authorised party"),
        (_claims(nonce="x" * 43), "nonce is not this sign-in's"),
        (_claims(nonce=None), "nonce is not this sign-in's"),
        (_claims(exp=int(time.time()) - 3600), "has expired"),
        (_claims(iat=int(time.time()) + 3600), "refused"),
        (_claims(sub=None), "sub"),
    ],
)
def test_wrong_claims_are_refused_with_a_reason(claims: dict[str, Any], reason: str) -> None:
    with pytest.raises(IdTokenError, match=reason):
        _check(_token(claims))


def test_a_token_within_the_leeway_still_passes() -> None:
    assert _check(_token(_claims(exp=int(time.time()) - 20)))["sub"] == "f1c2"


def test_alg_none_is_refused_even_when_announced() -> None:
    token = jwt.encode(_claims(), "", algorithm="none", headers={"kid": "rsa-1"})
    with pytest.raises(IdTokenError, match="'none', not one of the accepted"):
        _check(token, ANNOUNCED | {"none"})


def _b64(part: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(part).encode()).rstrip(b"=").decode()


def test_hs256_signed_with_the_public_key_is_refused() -> None:
    public_pem = RSA_KEY.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    # Signed by hand: PyJWT itself refuses to use a PEM public key as an HMAC secret.
    parts = [
        _b64({"alg": "HS256", "kid": "rsa-1", "typ": "JWT"}),
        _b64(_claims()),
    ]
    mac = hmac.new(public_pem, ".".join(parts).encode(), hashlib.sha256).digest()
    token = ".".join([*parts, base64.urlsafe_b64encode(mac).rstrip(b"=").decode()])
    with pytest.raises(IdTokenError, match="'HS256', not one of the accepted"):
        _check(token, ANNOUNCED | {"HS256"})


def test_a_key_not_in_the_jwks_is_refused() -> None:
    token = _token(_claims(), STRANGER, kid="rotated-2")
    assert unknown_key(token, JWKS)
    with pytest.raises(IdTokenError, match="'rotated-2' is not in the provider's JWKS"):
        _check(token)


def test_a_stranger_signing_under_a_known_key_id_fails_the_signature() -> None:
    with pytest.raises(IdTokenError, match="signature does not verify"):
        _check(_token(_claims(), STRANGER, kid="rsa-1"))


def test_an_algorithm_the_provider_does_not_announce_is_refused() -> None:
    with pytest.raises(IdTokenError, match="'ES256', not one of the accepted"):
        _check(_token(_claims(), EC_KEY, "ES256", "ec-1"), frozenset({"RS256"}))


def test_a_key_used_with_another_key_types_algorithm_is_refused() -> None:
    with pytest.raises(IdTokenError, match="not a key for ES256"):
        _check(_token(_claims(), EC_KEY, "ES256", "rsa-1"))


def test_only_asymmetric_algorithms_are_usable() -> None:
    assert usable_algorithms(["none", "HS256", "RS256", "EdDSA"]) == {"RS256", "EdDSA"}


def test_a_malformed_token_is_refused() -> None:
    with pytest.raises(IdTokenError, match="malformed"):
        _check("not.a.token")


def test_userinfo_completes_the_id_token_whose_own_claims_stand() -> None:
    merged = with_userinfo(
        {"sub": "5e1f", "iss": "https://id.example", "name": "from the token"},
        {"sub": "5e1f", "preferred_username": "ri", "name": "from userinfo"},
    )
    assert merged["preferred_username"] == "ri"
    assert merged["name"] == "from the token" and merged["iss"] == "https://id.example"


@pytest.mark.parametrize("userinfo", [{"sub": "someone-else"}, {"preferred_username": "ri"}])
def test_userinfo_about_another_subject_or_none_is_refused(userinfo: dict[str, Any]) -> None:
    with pytest.raises(IdTokenError, match="another subject"):
        with_userinfo({"sub": "5e1f"}, userinfo)

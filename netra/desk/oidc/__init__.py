"""OpenID Connect sign-in for the desk: the provider proves who someone is, the users file
says what they may see.

One concern a module: `pkce` (the sign-in's random values and the S256 challenge), `idtoken`
(the ID token's checks), `provider` (discovery, keys, the token request), `routes` (the
redirect and the callback).
"""

from __future__ import annotations

import httpx

from netra.desk.oidc.provider import CALLBACK_PATH, Client, Provider
from streams.settings import Settings


def provider_from_settings(settings: Settings) -> Provider | None:
    """The configured provider, or None when the desk signs in with passwords."""
    if not settings.desk_oidc_issuer:
        return None
    if not settings.desk_oidc_client_id:
        raise ValueError("NETRA_DESK_OIDC_ISSUER is set but NETRA_DESK_OIDC_CLIENT_ID is not")
    secret = settings.desk_oidc_client_secret
    client = Client(
        issuer=settings.desk_oidc_issuer,
        client_id=settings.desk_oidc_client_id,
        client_secret=secret.get_secret_value() if secret is not None else None,
        redirect_uri=settings.desk_url.rstrip("/") + CALLBACK_PATH,
        scopes=settings.desk_oidc_scopes,
    )
    return Provider(client, httpx.AsyncClient(), settings.desk_oidc_metadata_minutes * 60.0)


__all__ = ["Client", "Provider", "provider_from_settings"]

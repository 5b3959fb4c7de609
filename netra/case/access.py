"""Who sees the NIP: roles, entitlement, masking (the default is masked).

Roles come from settings (`NETRA_ROLE`, `NETRA_NIP_ENTITLED_ROLES`, see streams.settings),
passed in by the caller, so this module reads no environment of its own.
"""

from __future__ import annotations

DEFAULT_ENTITLED_ROLES = frozenset({"bawaslu", "bkn", "inspectorate"})
KNOWN_ROLES = DEFAULT_ENTITLED_ROLES | {"analyst"}


def entitled_roles(configured: str | None = None) -> frozenset[str]:
    """Roles that see a full NIP: the configured comma-separated list, else bawaslu, bkn,
    inspectorate."""
    if configured is None:
        return DEFAULT_ENTITLED_ROLES
    return frozenset(r.strip().lower() for r in configured.split(",") if r.strip())


def resolve_role(option: str | None, configured: str | None = None) -> str | None:
    """The user's role: the --role option wins over the configured one; None when neither."""
    role = option if option else configured
    return role.strip().lower() if role and role.strip() else None


def is_entitled(role: str | None, entitled: frozenset[str] = DEFAULT_ENTITLED_ROLES) -> bool:
    """Whether this role may see the full NIP; no role never may."""
    return role is not None and role in entitled


def mask_nip(nip: str) -> str:
    """Keep the birth year and month (first 6 digits) and the last 2: 198501**********01."""
    if len(nip) < 8:
        return "*" * len(nip)
    return nip[:6] + "*" * (len(nip) - 8) + nip[-2:]

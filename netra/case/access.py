"""Who sees the NIP: roles, entitlement, masking (the default is masked)."""

from __future__ import annotations

import os
from collections.abc import Mapping

DEFAULT_ENTITLED_ROLES = frozenset({"bawaslu", "bkn", "inspectorate"})
KNOWN_ROLES = DEFAULT_ENTITLED_ROLES | {"analyst"}
ROLE_ENV = "NETRA_ROLE"
ENTITLED_ENV = "NETRA_NIP_ENTITLED_ROLES"


def entitled_roles(env: Mapping[str, str] | None = None) -> frozenset[str]:
    """Roles that see a full NIP: NETRA_NIP_ENTITLED_ROLES, else bawaslu, bkn, inspectorate."""
    env = os.environ if env is None else env
    raw = env.get(ENTITLED_ENV)
    if raw is None:
        return DEFAULT_ENTITLED_ROLES
    return frozenset(r.strip().lower() for r in raw.split(",") if r.strip())


def resolve_role(option: str | None, env: Mapping[str, str] | None = None) -> str | None:
    """The user's role: the --role option wins over NETRA_ROLE; None when neither is set."""
    env = os.environ if env is None else env
    role = option if option else env.get(ROLE_ENV)
    return role.strip().lower() if role and role.strip() else None


def is_entitled(role: str | None, env: Mapping[str, str] | None = None) -> bool:
    """Whether this role may see the full NIP; no role never may."""
    return role is not None and role in entitled_roles(env)


def mask_nip(nip: str) -> str:
    """Keep the birth year and month (first 6 digits) and the last 2: 198501**********01."""
    if len(nip) < 8:
        return "*" * len(nip)
    return nip[:6] + "*" * (len(nip) - 8) + nip[-2:]

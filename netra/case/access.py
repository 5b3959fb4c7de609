"""Who may reveal a NIP: the entitled roles, from configuration (NETRA_NIP_ENTITLED_ROLES).

The caller passes the configured value in, so this module reads no environment of its own.
"""

from __future__ import annotations

DEFAULT_ENTITLED_ROLES = frozenset({"bawaslu", "bkn", "inspectorate"})


def entitled_roles(configured: str | None = None) -> frozenset[str]:
    """Roles whose users may reveal a NIP: the configured comma-separated list, else bawaslu,
    bkn, inspectorate."""
    if configured is None:
        return DEFAULT_ENTITLED_ROLES
    return frozenset(r.strip().lower() for r in configured.split(",") if r.strip())

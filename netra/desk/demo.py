"""The demo's desk users: one per role, with scopes that match the sample registry.

Their passwords are printed by `netra demo`, so they are for a machine's own demo only; a
deployment adds its users with `netra users add`.
"""

from __future__ import annotations

from dataclasses import dataclass

from netra.identity import Role, Scope, UserStore

DEMO_PASSWORD = "netra-demo-only"


@dataclass(frozen=True)
class DemoLogin:
    name: str
    role: Role
    scope: Scope
    what: str


DEMO_LOGINS = (
    DemoLogin("demo.bawaslu-ri", Role.BAWASLU, Scope(), "Bawaslu RI: every flag"),
    DemoLogin(
        "demo.bawaslu-jateng",
        Role.BAWASLU,
        Scope(province="Jawa Tengah"),
        "Bawaslu Jawa Tengah: its province",
    ),
    DemoLogin(
        "demo.bawaslu-blora",
        Role.BAWASLU,
        Scope(province="Jawa Tengah", region="Kabupaten Blora"),
        "Bawaslu Kabupaten Blora: its regency",
    ),
    DemoLogin("demo.bkn", Role.BKN, Scope(), "BKN: every flag about an ASN"),
    DemoLogin(
        "demo.inspektorat",
        Role.INSPECTORATE,
        Scope(agency="Dinas Pendidikan Kota Semarang"),
        "Inspectorate: Dinas Pendidikan Kota Semarang only",
    ),
    DemoLogin("demo.rules", Role.RULE_AUTHOR, Scope(), "Rule author: statistics, no personal data"),
)


def ensure_demo_users(store: UserStore, password: str = DEMO_PASSWORD) -> list[DemoLogin]:
    """Add the demo users that are missing (existing ones are left as they are)."""
    for login in DEMO_LOGINS:
        if store.get(login.name) is None:
            store.add(login.name, login.role, password, login.scope)
    return list(DEMO_LOGINS)

"""`netra users` (who may sign in, with which role and scope) and `netra audit` (the trail).

Also the wiring of the NIP reveal for `netra case --reveal-nip`: the registry is read from its
Kafka topic and the audit entry is written to the audit topic, waiting until Kafka stores it.
"""

from __future__ import annotations

import getpass
import json
import socket
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from netra.cli.common import fail, run_es
from netra.identity import Role, Scope, UserStore, UserStoreError
from schemas import AuditEntry, RegistryEntry
from streams.settings import Settings

if TYPE_CHECKING:
    from netra.case import NipRevealer

console = Console(stderr=True)
out = Console()
users_app = typer.Typer(
    help="Netra's users: name, role, scope (whose data they may see) and password.",
    no_args_is_help=True,
)


def ask_password(settings: Settings, *, confirm: bool = False) -> str:
    """NETRA_PASSWORD when set (scripts), else asked on the terminal without echo."""
    if settings.password is not None:
        return settings.password.get_secret_value()
    if not sys.stdin.isatty():
        raise fail("no terminal to ask the password on: set NETRA_PASSWORD")
    password = getpass.getpass("Password: ")
    if confirm and getpass.getpass("Again: ") != password:
        raise fail("the two passwords differ")
    return password


def nip_revealer(settings: Settings, tool: str = "netra case") -> NipRevealer:
    """The revealer of this deployment: its key, entitled roles, registry and audit trail."""
    from netra import __version__
    from netra.case import NipRevealer, entitled_roles
    from netra.kafka_tools import latest_value, send_and_wait
    from streams.pseudonyms import load_nip_pseudonyms

    def registry(account_id: str) -> RegistryEntry | None:
        raw = latest_value(settings, settings.registry_topic, account_id.encode())
        return RegistryEntry.model_validate_json(raw) if raw else None

    def audit(entry: AuditEntry) -> None:
        value = entry.model_dump_json().encode()
        send_and_wait(settings, settings.audit_topic, entry.audit_id.encode(), value)

    return NipRevealer(
        pseudonyms=load_nip_pseudonyms(settings),
        entitled_roles=entitled_roles(settings.nip_entitled_roles),
        registry=registry,
        audit=audit,
        tool=f"{tool} {__version__}",
        host=socket.gethostname(),
    )


def _store(settings: Settings) -> UserStore:
    return UserStore(settings.users_file)


@users_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Lower case: letters, digits, . _ -")],
    role: Annotated[Role, typer.Option(help="What the user does.")],
    province: Annotated[str, typer.Option(help="Only ASN of this province.")] = "",
    region: Annotated[str, typer.Option(help="Only ASN of this regency or city.")] = "",
    agency: Annotated[str, typer.Option(help="Only ASN of this agency (an inspectorate).")] = "",
) -> None:
    """Add a user; the password is asked twice (or NETRA_PASSWORD) and kept as an argon2 hash.

    netra users add siti --role bawaslu --province "Jawa Tengah"
    """
    settings = Settings()
    scope = Scope(province=province, region=region, agency=agency)
    try:
        user = _store(settings).add(name, role, ask_password(settings, confirm=True), scope)
    except UserStoreError as exc:
        raise fail(str(exc)) from exc
    console.print(f"added {user.name} ({user.role.value}, scope {user.scope.describe()})")


@users_app.command("list")
def list_users() -> None:
    """The users, their role, scope and state (never a password or its hash)."""
    settings = Settings()
    table = Table("name", "role", "scope", "state", "since")
    try:
        for user in _store(settings):
            state = "disabled" if user.disabled else "active"
            since = user.created_at.date().isoformat()
            table.add_row(user.name, user.role.value, user.scope.describe(), state, since)
    except UserStoreError as exc:
        raise fail(str(exc)) from exc
    out.print(table)


@users_app.command("passwd")
def passwd(name: Annotated[str, typer.Argument()]) -> None:
    """Set a user's password (asked twice, or NETRA_PASSWORD)."""
    settings = Settings()
    try:
        _store(settings).set_password(name, ask_password(settings, confirm=True))
    except UserStoreError as exc:
        raise fail(str(exc)) from exc
    console.print(f"password of {name} changed")


@users_app.command("disable")
def disable(name: Annotated[str, typer.Argument()]) -> None:
    """Stop a user from signing in (kept, so the audit trail still names them)."""
    try:
        _store(Settings()).set_disabled(name, True)
    except UserStoreError as exc:
        raise fail(str(exc)) from exc
    console.print(f"{name} disabled")


@users_app.command("enable")
def enable(name: Annotated[str, typer.Argument()]) -> None:
    """Let a disabled user sign in again."""
    try:
        _store(Settings()).set_disabled(name, False)
    except UserStoreError as exc:
        raise fail(str(exc)) from exc
    console.print(f"{name} enabled")


def audit(
    flag_id: Annotated[str | None, typer.Option("--flag", help="Only this flag.")] = None,
    actor: Annotated[str | None, typer.Option(help="Only this user.")] = None,
    size: Annotated[int, typer.Option(min=1, max=10_000, help="How many, newest first.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON entry per line.")] = False,
) -> None:
    """The audit trail: who asked to see a NIP, when, why, and whether it was granted.

    netra audit --flag instagram:C3xYz
    """
    from streams.audit_index import AuditIndexMissingError, search_audit

    settings = Settings()
    try:
        entries = run_es(
            settings,
            lambda es: search_audit(
                es, settings.audit_alias, flag_id=flag_id, actor=actor, size=size
            ),
        )
    except AuditIndexMissingError as exc:
        raise fail(
            f"{exc}: nobody has asked to reveal a NIP, or no worker runs the audit agent "
            "(NETRA_AGENTS)"
        ) from exc
    if as_json:
        for entry in entries:
            sys.stdout.write(json.dumps(entry.model_dump(mode="json")) + "\n")
        return
    table = Table("when (UTC)", "user", "role", "outcome", "flag", "reason", "refusal")
    for e in entries:
        table.add_row(
            e.at.strftime("%Y-%m-%d %H:%M:%S"),
            e.actor,
            e.actor_role,
            e.outcome.value,
            e.flag_id,
            e.reason,
            e.refusal,
        )
    out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users", rich_help_panel="Supervision")
    app.command(rich_help_panel="Supervision")(audit)

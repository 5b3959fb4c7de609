"""A review desk on the shared stack for one test: sample flags behind their own alias, topics
of its own for reviews and the audit trail, a users file with one user per role."""

from __future__ import annotations

import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

from elasticsearch import AsyncElasticsearch

from netra.case import NipRevealer, entitled_roles
from netra.case.reveal import AuditTrail
from netra.desk import Desk
from netra.desk.sessions import SessionSigner
from netra.desk.store import DeskStore
from netra.identity import Role, Scope, UserStore
from netra.intake.reveal import ReporterRevealer
from netra.intake.sealing import ReporterSeal
from netra.kafka_tools import create_topics, follow, latest_value, send_and_wait
from netra.workers import isolated_env, settings_from_env
from schemas import AuditEntry, RegistryEntry
from schemas.report import SealedReporter
from streams.settings import Settings
from tests.integration.report_samples import ANDI, BUDI, SAMPLE_PSEUDONYMS, SITI, Indexed

PASSWORD = "desk-test-password"
USERS = {
    "ri": (Role.BAWASLU, Scope()),
    "jateng": (Role.BAWASLU, Scope(province="Jawa Tengah")),
    "blora": (Role.BAWASLU, Scope(province="Jawa Tengah", region="Kabupaten Blora")),
    "bkn": (Role.BKN, Scope()),
    "insp-blora": (Role.INSPECTORATE, Scope(agency="Pemkab Blora")),
    "insp-kemenag": (Role.INSPECTORATE, Scope(agency="Kementerian Agama")),
    "rules": (Role.RULE_AUTHOR, Scope()),
}
REGISTRY = {e.account_id: e for e in (BUDI, SITI, ANDI)}
#: The reporter key of the test desks (what NETRA_INTAKE_REPORTER_KEY holds in a deployment).
REPORTER_SEAL = ReporterSeal(b"desk-test-reporter-key-0123456789abcdef")


@dataclass
class DeskUnderTest:
    desk: Desk
    settings: Settings
    indexed: Indexed

    def flag_of(self, entry: RegistryEntry | None) -> str:
        """The id of a sample flag of this ASN (None: of an account outside the registry)."""
        for s in self.indexed.items:
            asn = s.flag.asn
            if (entry is None and asn is None) or (
                entry is not None and asn is not None and asn.name == entry.name
            ):
                return s.flag.flag_id
        raise LookupError(entry)

    def unreviewed_of(self, entry: RegistryEntry) -> str:
        """The id of an unreviewed sample flag of this ASN (one that can be claimed)."""
        return next(
            s.flag.flag_id
            for s in self.indexed.items
            if s.status == "unreviewed" and s.flag.asn and s.flag.asn.name == entry.name
        )

    def records(self, topic: str) -> list[bytes]:
        return list(follow(self.settings, topic, from_beginning=True, idle_timeout=3))


def build_desk(indexed: Indexed, kafka_bootstrap: str, tmp_path: Path) -> DeskUnderTest:
    suffix = f"test-desk-{uuid.uuid4().hex[:8]}"
    settings = settings_from_env(
        isolated_env(
            suffix,
            NETRA_KAFKA_BOOTSTRAP=kafka_bootstrap,
            NETRA_ES_URL=indexed.es_url,
            NETRA_FLAGS_ALIAS=indexed.alias,
        )
    ).model_copy(update={"users_file": tmp_path / "users.json", "state_dir": tmp_path / "state"})
    create_topics(settings)
    users = UserStore(settings.users_file)
    for name, (role, scope) in USERS.items():
        users.add(name, role, PASSWORD, scope)

    def publish(topic: str, key: bytes, value: bytes) -> None:
        send_and_wait(settings, topic, key, value)

    def audit(entry: AuditEntry) -> None:
        publish(settings.audit_topic, entry.audit_id.encode(), entry.model_dump_json().encode())

    def sealed(ticket: str) -> SealedReporter | None:
        raw = latest_value(settings, settings.reporters_topic, ticket.encode())
        return SealedReporter.model_validate_json(raw) if raw else None

    trail = AuditTrail(write=audit, tool="netra desk test", host=socket.gethostname())
    revealer = NipRevealer(
        pseudonyms=SAMPLE_PSEUDONYMS,
        entitled_roles=entitled_roles(settings.nip_entitled_roles),
        registry=REGISTRY.get,
        trail=trail,
    )
    desk = Desk(
        settings=settings,
        users=users,
        store=DeskStore(AsyncElasticsearch(indexed.es_url, request_timeout=30), indexed.alias),
        signer=SessionSigner("t" * 40, 3600),
        publish=publish,
        revealer=revealer,
        reporters=ReporterRevealer(seal=REPORTER_SEAL, sealed=sealed, trail=trail),
    )
    return DeskUnderTest(desk, settings, indexed)

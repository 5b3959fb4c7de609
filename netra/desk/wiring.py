"""What the desk needs from outside, passed in explicitly: the users, Elasticsearch, the
reviews topic, the audited NIP reveal and reporter-contact reveal, the session signer, the
evidence custody log and the OIDC provider where one signs people in.

`desk_from_settings` wires the real ones for `netra desk`; tests wire the same classes to the
shared test stack with their own index and topics.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from netra.case import NipRevealer
from netra.desk.oidc import Provider, provider_from_settings
from netra.desk.sessions import SessionSigner
from netra.desk.store import DeskStore
from netra.identity import UserStore
from netra.intake.reveal import ReporterRevealer
from streams.evidence.custody import CustodyLog
from streams.settings import Settings

# Writes one record (topic, key, value) and returns once Kafka stored it.
Publish = Callable[[str, bytes, bytes], None]
# Opens the flags' custody log in the evidence store (raises while the store is unavailable).
OpenCustody = Callable[[], CustodyLog]


@dataclass
class Desk:
    settings: Settings
    users: UserStore
    store: DeskStore
    signer: SessionSigner
    publish: Publish
    revealer: NipRevealer
    #: None: verdicts are not written to the evidence custody log (a desk without a store).
    custody: OpenCustody | None = None
    #: None: Netra's own users sign in with passwords; else only through this OIDC provider.
    oidc: Provider | None = None
    #: None: no reporter's contact can be opened here (a desk without the reporter key).
    reporters: ReporterRevealer | None = None


def session_key(settings: Settings) -> str:
    """NETRA_DESK_SESSION_KEY, else a random key kept with the state (one host)."""
    from streams.files import read_or_create_key

    if settings.desk_session_key is not None:
        return settings.desk_session_key.get_secret_value()
    return read_or_create_key(settings.state_dir / "secrets" / "desk-session.key").decode()


def desk_from_settings(settings: Settings) -> Desk:
    """The desk of this deployment (its Elasticsearch client is closed by the app)."""
    from netra.case.reveal import nip_revealer
    from netra.intake.reveal import reporter_revealer
    from netra.kafka_tools import send_and_wait
    from streams.esclient import elasticsearch_client
    from streams.evidence.store import open_store

    def publish(topic: str, key: bytes, value: bytes) -> None:
        send_and_wait(settings, topic, key, value)

    return Desk(
        settings=settings,
        users=UserStore(settings.users_file),
        store=DeskStore(elasticsearch_client(settings), settings.flags_alias),
        signer=SessionSigner(session_key(settings), settings.desk_session_minutes * 60),
        publish=publish,
        revealer=nip_revealer(settings, tool="netra desk"),
        custody=lambda: CustodyLog(open_store(settings)),
        oidc=provider_from_settings(settings),
        reporters=reporter_revealer(settings),
    )

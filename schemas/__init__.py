"""What flows through Netra: one module per record, each a versioned pydantic model.

These models are the single source of every topic's format. `netra scan` reads the same
`Post` a worker consumes, and `netra schemas export` writes their JSON Schema for producers
in other languages (see `schemas/json/`).
"""

from schemas.audit import AuditAction, AuditEntry, AuditOutcome
from schemas.case import CaseStage, CaseStep, PpkDecision
from schemas.deadletter import DeadLetter, DeadLetterReason
from schemas.decision import (
    Decision,
    Evidence,
    Outcome,
    ParticipantRef,
    Phase,
    RuleHit,
    SanctionTrack,
    Severity,
)
from schemas.escalation import Escalation
from schemas.flag import EventSource, Flag, TrimmedField
from schemas.post import Action, Platform, Post, Target, TargetKind
from schemas.registry import AsnProfile, EmploymentType, RegistryEntry
from schemas.report import ReporterContact, ReportImage, ReportInfo, SealedReporter
from schemas.review import ReviewVerdict, Verdict
from schemas.rulestate import RuleState

__all__ = [
    "Action",
    "AsnProfile",
    "AuditAction",
    "AuditEntry",
    "AuditOutcome",
    "CaseStage",
    "CaseStep",
    "DeadLetter",
    "DeadLetterReason",
    "Decision",
    "EmploymentType",
    "Escalation",
    "EventSource",
    "Evidence",
    "Flag",
    "Outcome",
    "ParticipantRef",
    "Phase",
    "Platform",
    "Post",
    "PpkDecision",
    "RegistryEntry",
    "ReportImage",
    "ReportInfo",
    "ReporterContact",
    "ReviewVerdict",
    "RuleHit",
    "RuleState",
    "SanctionTrack",
    "SealedReporter",
    "Severity",
    "Target",
    "TargetKind",
    "TrimmedField",
    "Verdict",
]

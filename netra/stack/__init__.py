"""Netra's local service stack: Kafka, Elasticsearch, an S3 object store (SeaweedFS), Prometheus
and Alertmanager on 127.0.0.1.

from netra.stack import StackSettings, up, down, status, register_scrape_target
"""

from __future__ import annotations

from netra.stack.errors import StackError
from netra.stack.service import ServiceStatus, State
from netra.stack.settings import StackSettings
from netra.stack.supervisor import SERVICE_NAMES, down, status, up
from netra.stack.targets import register_scrape_target, registered_targets, unregister_scrape_target

__all__ = [
    "SERVICE_NAMES",
    "ServiceStatus",
    "StackError",
    "StackSettings",
    "State",
    "down",
    "register_scrape_target",
    "registered_targets",
    "status",
    "unregister_scrape_target",
    "up",
]

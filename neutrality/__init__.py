"""The neutrality engine: pure Python, no Kafka, the same in a worker and offline.

from neutrality import Engine, Locality
engine = Engine.load()
decision = engine.decide(post, Locality("Jawa Tengah", "Kabupaten Blora"))
"""

from __future__ import annotations

__version__ = "0.1.0"

from neutrality.catalogue import Locality
from neutrality.engine import Engine
from neutrality.problems import DataError, Problem

__all__ = ["DataError", "Engine", "Locality", "Problem", "__version__"]

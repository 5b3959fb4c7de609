"""Netra: real-time watch on ASN election neutrality. The CLI and operator tooling live here."""

__version__ = "0.1.0"

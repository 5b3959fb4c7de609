"""Benchmarks, run as `netra bench <name>`; each module exposes a function the CLI calls."""

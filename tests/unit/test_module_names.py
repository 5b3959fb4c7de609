"""A name bound at a module's top level is bound once. A second binding silently replaces the
first for every function of the module, those written before it included: two patterns or two
word sets under one name are two readings of which only the last is ever used."""

from __future__ import annotations

import ast

import pytest

from streams.settings import REPO_ROOT

PACKAGES = ("schemas", "neutrality", "streams", "agents", "netra")


def rebound(source: str) -> list[tuple[str, list[int]]]:
    """The top-level names bound more than once (assignments, functions, classes), with the
    lines that bind them. A name only annotated (`x: int`) binds nothing."""
    lines: dict[str, list[int]] = {}
    for node in ast.parse(source).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            lines.setdefault(node.name, []).append(node.lineno)
        for target in targets:
            if isinstance(target, ast.Name):
                lines.setdefault(target.id, []).append(node.lineno)
    return [(name, at) for name, at in lines.items() if len(at) > 1]


@pytest.mark.parametrize("package", PACKAGES)
def test_no_top_level_name_is_bound_twice(package: str) -> None:
    found = [
        f"{path.relative_to(REPO_ROOT)}: {name} at lines {at}"
        for path in sorted((REPO_ROOT / package).rglob("*.py"))
        for name, at in rebound(path.read_text())
    ]
    assert not found, found


def test_the_checker_sees_a_pattern_bound_again() -> None:
    source = (
        'import re\nEND = re.compile("[.]")\n\ndef f():\n    return END\n\nEND = re.compile("!")\n'
    )
    assert rebound(source) == [("END", [2, 7])]
    assert rebound("x: int\nx = 1\n") == []

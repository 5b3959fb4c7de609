"""The import graph runs one way: assembly and tools above the agents, the agents above the
primitives, the primitives above the engine and the records. An arrow back up is a test failure.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from streams.settings import REPO_ROOT

# Each package, and the packages it must never import (at module level or inside a function).
FORBIDDEN = {
    "schemas": ("streams", "agents", "netra", "neutrality"),
    "neutrality": ("streams", "agents", "netra"),
    "streams": ("agents", "netra"),
    "agents": ("netra",),
}
# Inside netra/: the CLI is the top; the assembly and the benchmarks are imported only from it
# (and the CLI only from `python -m netra`).
ONLY_FROM_CLI = ("netra.cli", "netra.pipeline", "netra.bench")
TOP = ("netra.cli", "netra.__main__")


def imported_modules(path: Path) -> set[str]:
    """Every absolute module name `path` imports, wherever the import statement stands."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def sources(package: str) -> list[Path]:
    return sorted((REPO_ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_package_imports_one_above_it(package: str) -> None:
    back_up = [
        f"{module_name(path)} imports {name}"
        for path in sources(package)
        for name in sorted(imported_modules(path))
        if any(within(name, above) for above in FORBIDDEN[package])
    ]
    assert not back_up, "imports that run back up:\n" + "\n".join(back_up)


def test_only_the_cli_imports_the_assembly_and_the_benchmarks() -> None:
    wrong = []
    for path in sources("netra"):
        importer = module_name(path)
        for name in sorted(imported_modules(path)):
            target = next((top for top in ONLY_FROM_CLI if within(name, top)), None)
            if (
                target is None
                or within(importer, target)
                or importer in TOP
                or within(importer, TOP[0])
            ):
                continue
            wrong.append(f"{importer} imports {name}")
    assert not wrong, "only netra.cli may import these:\n" + "\n".join(wrong)


def test_the_checker_sees_imports_inside_functions(tmp_path: Path) -> None:
    source = tmp_path / "late.py"
    source.write_text("def f() -> None:\n    from netra.pipeline import create_pipeline\n")
    assert "netra.pipeline" in imported_modules(source)

"""YAML that remembers where each value came from, so lint and load errors can say file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode


class LDict(dict[str, Any]):
    """A mapping with the 1-based line of itself (`line`) and of each key (`lines`)."""

    line: int = 0
    lines: dict[str, int]


class LList(list[Any]):
    """A sequence with the 1-based line of itself and of each item."""

    line: int = 0
    lines: list[int]


class YamlError(Exception):
    """A file that is not valid YAML; carries file and line."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


# libyaml's parser where PyYAML was built with it (the wheels are): the catalogue's 14,000 lines
# of imported races parse in a fifth of the pure-Python parser's time, with the same nodes and
# marks, so every value still knows its line.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    pass


def _mapping(loader: _Loader, node: MappingNode) -> LDict:
    out = LDict()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        out[str(key)] = loader.construct_object(value_node, deep=True)
        out.lines[str(key)] = key_node.start_mark.line + 1
    return out


def _sequence(loader: _Loader, node: SequenceNode) -> LList:
    out = LList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.lines = [child.start_mark.line + 1 for child in node.value]
    return out


def _timestamp_as_str(loader: _Loader, node: Node) -> str:
    # Dates stay strings: the calendar parser validates them and reports the line itself.
    return str(loader.construct_scalar(node))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_str)


def load(path: Path) -> Any:
    """Parse one file; mappings become LDict and sequences LList."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlError(path, line, str(exc.problem or exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlError(path, 0, str(exc)) from exc


def line_of(obj: Any, key: str | int | None = None) -> int:
    """Line of a mapping key, a list item, or the object itself (0 if unknown)."""
    if isinstance(obj, LDict):
        if isinstance(key, str) and key in obj.lines:
            return obj.lines[key]
        return obj.line
    if isinstance(obj, LList):
        if isinstance(key, int) and 0 <= key < len(obj.lines):
            return obj.lines[key]
        return obj.line
    return 0

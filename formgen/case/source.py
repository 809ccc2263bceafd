"""Read YAML/JSON into plain data while remembering where every value stood.

PyYAML's ``compose`` keeps each node's position; walking the node tree gives
plain Python values and a map ``field path → (file, line, column)`` that later
stages use to point a clerk at the exact line. Three of PyYAML's habits are
undone on purpose: dates stay text (so pydantic reports 2025-02-30 as an
impossible date instead of YAML failing obscurely), duplicate keys are errors
(PyYAML keeps the last one silently), and JSON goes through the same path
(JSON is YAML), so both formats get line numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from formgen.errors import Problem

__all__ = ["Located", "SourceMap", "read_located"]

Position = tuple[str, int, int]  # file, line, column (1-based)


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class SourceMap:
    """Where each value of a loaded document stood, by field path."""

    positions: dict[tuple, Position] = field(default_factory=dict)

    def locate(self, path: tuple, default_file: str) -> Position:
        """Position of ``path`` or of its nearest ancestor that was in the file."""
        probe = tuple(path)
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (default_file, 1, 1))

    def graft(self, prefix: tuple, other: SourceMap) -> None:
        """Take in the positions of a document included at ``prefix``."""
        for path, pos in other.positions.items():
            self.positions[prefix + path] = pos


@dataclass
class Located:
    """Plain data, its source map, and problems met while reading."""

    data: Any
    source: SourceMap
    problems: list[Problem]


def read_located(path: Path) -> Located:
    """Parse a YAML or JSON file into plain data with positions."""
    name = str(path)
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Located(None, SourceMap(), [Problem(name, None, None, "", "файл не найден")])
    except UnicodeDecodeError as exc:
        return Located(
            None, SourceMap(), [Problem(name, None, None, "", f"файл не в кодировке UTF-8: {exc}")]
        )
    except OSError as exc:
        return Located(None, SourceMap(), [Problem(name, None, None, "", f"не читается: {exc}")])
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = exc.problem or str(exc)
        return Located(None, SourceMap(), [Problem(name, line, col, "", f"ошибка синтаксиса: {what}")])
    except yaml.YAMLError as exc:
        return Located(None, SourceMap(), [Problem(name, None, None, "", f"ошибка синтаксиса: {exc}")])
    if node is None:
        return Located(None, SourceMap(), [Problem(name, 1, 1, "", "файл пуст")])
    source = SourceMap()
    data = _walk(node, (), name, source, problems, _Loader(""))
    return Located(data, source, problems)


def _walk(node, path: tuple, name: str, source: SourceMap, problems: list, loader) -> Any:
    source.positions[path] = (name, node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str | int) or isinstance(key, bool):
                problems.append(_at(name, key_node, ".".join(map(str, path)), "ключ должен быть текстом"))
                continue
            key = str(key)
            if key == "<<":
                problems.append(_at(name, key_node, _dotted(path), "слияние «<<» не поддерживается"))
                continue
            if key in result:
                problems.append(
                    _at(name, key_node, _dotted((*path, key)), "ключ повторяется в этом разделе")
                )
                continue
            result[key] = _walk(value_node, (*path, key), name, source, problems, loader)
            # Point at the key, where a clerk looks for the field, not at its value.
            source.positions[(*path, key)] = (
                name, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _walk(item, (*path, i), name, source, problems, loader)
            for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node)


def _at(name: str, node, path: str, message: str) -> Problem:
    return Problem(name, node.start_mark.line + 1, node.start_mark.column + 1, path, message)


def _dotted(path: tuple) -> str:
    """audits[1].team[0].person — the field path as printed in messages."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

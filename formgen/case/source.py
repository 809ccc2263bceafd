"""Read YAML/JSON into plain data while remembering where every value stood.

PyYAML's ``compose`` keeps each node's position; walking the node tree gives
plain Python values and a map ``field path → (file, line, column)`` that later
stages use to point a clerk at the exact line. PyYAML's habits are undone on
purpose:

* dates stay text (so pydantic reports 2025-02-30 as an impossible date
  instead of YAML failing obscurely);
* the text of every plain scalar is kept next to its value (``SourceMap.texts``):
  where the model wants text and YAML 1.1 made a number or a boolean of it
  (``inn: 0101123456`` is octal, ``okved: 11.10`` the float 11.1), the clerk's
  text is put back (``formgen.case.typed``);
* duplicate keys are errors (PyYAML keeps the last one silently);
* a file saved in Windows-1251 (Notepad, old Excel) is read as such;
* JSON goes through the same path (JSON is YAML), so both formats get line
  numbers.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from formgen.case.yamlerrors import explain_yaml_problem
from formgen.errors import Problem

__all__ = ["Located", "SourceMap", "read_located", "read_located_shared", "read_located_text"]

Position = tuple[str, int, int]  # file, line, column (1-based)


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# libyaml composes the same node tree, positions and all, about ten times faster
# (a register import parses a case and its body profile for every file). A
# document it refuses is parsed again by PyYAML, so errors read as before; so is
# any text with a tab, which libyaml sometimes accepts where PyYAML does not.
_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):
        """libyaml's parser with the resolvers of ``_Loader``."""

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _FastLoader = _CLoader


def _compose(text: str):
    if _FastLoader is not None and "\t" not in text:
        try:
            return yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_Loader)


@dataclass
class SourceMap:
    """Where each value of a loaded document stood, by field path."""

    positions: dict[tuple, Position] = field(default_factory=dict)
    texts: dict[tuple, str] = field(default_factory=dict)  # plain scalars as typed

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
        for path, text in other.texts.items():
            self.texts[prefix + path] = text


@dataclass
class Located:
    """Plain data, its source map, and problems met while reading."""

    data: Any
    source: SourceMap
    problems: list[Problem]


def read_located(path: Path) -> Located:
    """Parse a YAML or JSON file into plain data with positions."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Located(None, SourceMap(), [Problem(name, None, None, "", "файл не найден")])
    except IsADirectoryError:
        return Located(None, SourceMap(), [Problem(name, None, None, "", "это папка, а не файл")])
    except OSError as exc:
        return Located(None, SourceMap(), [Problem(name, None, None, "", f"не читается: {exc}")])
    return _located_bytes(raw, name)


def _located_bytes(raw: bytes, name: str) -> Located:
    text, problem = decode_text(raw, name)
    if text is None:
        return Located(None, SourceMap(), [problem] if problem else [])
    return read_located_text(text, name)


_INCLUDED: dict[tuple[str, str], Located] = {}


def read_located_shared(path: Path) -> Located:
    """:func:`read_located` for a file many cases include (the body profile), parsed once.

    ``register import`` of a body's archive reads the same profile for every
    case; it is parsed once per content (sha256 of its bytes, so an edited
    profile is read again) and each caller gets its own copy of the data.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        return read_located(path)
    key = (str(path), hashlib.sha256(raw).hexdigest())
    found = _INCLUDED.get(key)  # a plain dict: safe enough for the desk's threads (worst: parsed twice)
    if found is None:
        if len(_INCLUDED) >= 16:
            _INCLUDED.clear()
        found = _INCLUDED[key] = _located_bytes(raw, str(path))
    return Located(copy.deepcopy(found.data), found.source, list(found.problems))


def read_located_text(text: str, name: str) -> Located:
    """Parse YAML or JSON text already decoded (the desk reads a stored revision this way)."""
    problems: list[Problem] = []
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = explain_yaml_problem(exc.problem or str(exc))
        return Located(None, SourceMap(), [Problem(name, line, col, "", f"ошибка синтаксиса: {what}")])
    except yaml.YAMLError as exc:
        what = explain_yaml_problem(str(exc))
        return Located(None, SourceMap(), [Problem(name, None, None, "", f"ошибка синтаксиса: {what}")])
    if node is None:
        return Located(None, SourceMap(), [Problem(name, 1, 1, "", "файл пуст")])
    source = SourceMap()
    data = _walk(node, (), name, source, problems, _Loader(""))
    return Located(data, source, problems)


def decode_text(raw: bytes, name: str) -> tuple[str | None, Problem | None]:
    """UTF-8 (with or without BOM), else Windows-1251 if the bytes read as Russian text.

    Windows editors still save in cp1251; such a file is read as it is rather
    than refused. Bytes that are neither are refused with the line of the
    first bad byte and the advice to save in UTF-8.
    """
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError:
        text = None
    if text is not None and _mostly_cyrillic(text):
        return text, None
    line = raw[:bad].count(b"\n") + 1
    return None, Problem(name, line, None, "",
                         "файл не в кодировке UTF-8 — сохраните файл в UTF-8 "
                         "(в Блокноте: «Сохранить как» → Кодировка UTF-8)")


def _mostly_cyrillic(text: str) -> bool:
    """Non-ASCII letters of a cp1251 reading are Cyrillic, as in a Russian case file."""
    other = [ch for ch in text if ord(ch) > 127 and not ch.isspace()]
    cyrillic = sum(1 for ch in other if "\u0400" <= ch <= "\u04ff" or ch in "«»–—№")
    return bool(other) and cyrillic / len(other) > 0.9


def _walk(node, path: tuple, name: str, source: SourceMap, problems: list, loader) -> Any:
    source.positions[path] = (name, node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                problems.append(_at(name, key_node, _dotted(path), "слияние «<<» не поддерживается: "
                                                                   "впишите поля в этот раздел"))
                continue
            key = (_scalar(key_node, path, name, problems, loader)
                   if isinstance(key_node, yaml.ScalarNode) else None)
            if key is _REFUSED:
                continue
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
    value = _scalar(node, path, name, problems, loader)
    if value is _REFUSED:
        return node.value  # the text as written: the tag is reported once, not also its type
    if not node.style and not isinstance(value, str) and value is not None:  # plain: None or ''
        source.texts[path] = node.value
    return value


MERGE_TAG = "tag:yaml.org,2002:merge"
_REFUSED = object()  # a scalar whose tag cannot be read: reported, then left out


def _scalar(node, path: tuple, name: str, problems: list, loader) -> Any:
    """The scalar's value; a tag YAML cannot construct (``!foo``, ``!!int abc``) is a located
    problem, not a crash."""
    try:
        value = loader.construct_object(node)
        if not isinstance(value, bytes | set):  # !!binary, !!set: nothing a form could print
            return value
    except (yaml.constructor.ConstructorError, ValueError, TypeError):
        pass
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    problems.append(_at(name, node, _dotted(path),
                        f"тег «{tag}» здесь не читается: уберите его и оставьте значение"))
    return _REFUSED


def _at(name: str, node, path: str, message: str) -> Problem:
    return Problem(name, node.start_mark.line + 1, node.start_mark.column + 1, path, message)


def _dotted(path: tuple) -> str:
    """audits[1].team[0].person — the field path as printed in messages."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

"""Plain case data back to YAML text, as a clerk would have typed it.

The desk edits a case as data (the section forms) and stores the result as a
new revision's text, which then goes through the same loader as any file.
So the text must read back to the very same values: strings stay strings
(``inn: '0101123456'`` is quoted because a plain 0101123456 would read as a
number), while dates are written plain (``date: 2025-04-14``) because the
loader keeps timestamps as typed text anyway. Keys keep their order; Cyrillic
is written as is; long texts are folded at no width so that a scope is one
line a clerk can find.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["case_text"]


class _Dumper(yaml.SafeDumper):
    """SafeDumper that does not treat date-like strings as timestamps (as our loader)."""


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None
    if any(c in value for c in "\x85\u2028\u2029\r"):
        style = '"'  # YAML line breaks other than \n survive only escaped in double quotes
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def case_text(data: dict[str, Any], header: str = "") -> str:
    """YAML text of ``data``; ``header`` lines are written first as comments."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False, indent=2)
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comments + body

"""Load a case file into a validated ``Case``, or fail with every located problem.

The single entry point for reading cases: ``load_case(path)``. It reads the
file with positions (``source``), follows ``body: <file>`` to a shared body
profile, validates with the pydantic model, checks cross-references, and
raises ``CaseValidationError`` listing *all* problems as
``file:line:column: field.path: message``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from formgen.case.blanks import BLANK, blank_paths
from formgen.case.messages import describe_error
from formgen.case.model import Case
from formgen.case.references import broken_references
from formgen.case.source import SourceMap, _dotted, read_located, read_located_shared
from formgen.case.typed import validate_as_typed
from formgen.errors import CaseValidationError, Problem

__all__ = ["LoadedCase", "dotted", "load_case"]

dotted = _dotted


@dataclass(frozen=True)
class LoadedCase:
    """A validated case with the file it came from and where each field stood."""

    case: Case
    path: Path
    source: SourceMap

    def where(self, path: tuple) -> tuple[str, int, int]:
        """(file, line, column) of a field path, for messages about this case."""
        return self.source.locate(path, str(self.path))


def load_case(path: str | Path, base: Path | None = None) -> LoadedCase:
    """Read, validate and cross-check one case file (YAML or JSON).

    ``base`` is the folder a relative ``body: FILE`` is read from when it is not
    the file's own (a case uploaded through the desk is parsed from a temporary file).
    """
    path = Path(path)
    located = read_located(path)
    problems = list(located.problems)
    if located.data is None and problems:
        raise CaseValidationError(problems)
    data, source = located.data, located.source
    if not isinstance(data, dict):
        raise CaseValidationError(
            [Problem(str(path), 1, 1, "", "ожидается раздел с полями (body, organisation, …)")]
        )
    body_ref = data.get("body")
    body_failed = False
    if isinstance(body_ref, str):
        data, more = _include_body(path, data, source, base)
        problems.extend(more)
        body_failed = bool(more)
    blanks = set(blank_paths(data))
    for loc in blanks:
        file, line, col = source.locate(loc, str(path))
        message = f"не заполнено: впишите значение вместо {BLANK}"
        problems.append(Problem(file, line, col, dotted(loc), message))
    try:
        case = validate_as_typed(Case, data, source)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            if body_failed and loc[:1] == ("body",):
                continue  # the unreadable profile is already reported
            if any(loc[: len(b)] == b for b in blanks):
                continue  # a blank not yet filled in is already reported
            file, line, col = source.locate(loc, str(path))
            problems.append(Problem(file, line, col, dotted(loc), describe_error(error, Case)))
        raise CaseValidationError(_sorted(problems)) from None
    for loc, message in broken_references(case):
        if any(loc[: len(b)] == b for b in blanks):
            continue
        file, line, col = source.locate(loc, str(path))
        problems.append(Problem(file, line, col, dotted(loc), message))
    if problems:
        raise CaseValidationError(_sorted(problems))
    _resolve_files(case, source, path)
    return LoadedCase(case, path, source)


def _resolve_files(case, source: SourceMap, path: Path) -> None:
    """Make logo paths absolute, relative to the file each was written in.

    A body profile shared by many cases names its logos relative to itself;
    resolving here means no later stage needs to know where a value came from.
    """
    for owner, field, loc in (
        (case.body, "logo", ("body", "logo")),
        (case.body.accreditation, "logo", ("body", "accreditation", "logo")),
    ):
        value = getattr(owner, field)
        if value and not Path(value).is_absolute():
            written_in = Path(source.locate(loc, str(path))[0])
            setattr(owner, field, str((written_in.parent / value).resolve()))


def _include_body(
    path: Path, data: dict, source: SourceMap, base: Path | None = None
) -> tuple[dict, list[Problem]]:
    """Replace ``body: file.yaml`` with that file's content, positions and all."""
    ref_pos = source.locate(("body",), str(path))
    target = ((base or path.parent) / data["body"]).resolve()
    included = read_located_shared(target)
    problems = list(included.problems)
    if problems and included.data is None:
        first = problems[0]
        if first.message == "файл не найден":
            problems = [
                Problem(ref_pos[0], ref_pos[1], ref_pos[2], "body",
                        f"файл профиля органа «{data['body']}» не найден ({target})")
            ]
        return data, problems
    data = {**data, "body": included.data}
    source.graft(("body",), included.source)
    return data, problems


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.path))

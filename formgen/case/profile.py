"""Read a body profile on its own (``register init --profile``), with located errors.

Cases include the profile through ``body: FILE`` (``load``); the register
reads it alone to learn the body's numbering series. Both validate with the
same ``Body`` model, so a pattern that a case would reject is rejected here.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from formgen.case.messages import describe_error
from formgen.case.model import Body
from formgen.case.source import _dotted, read_located
from formgen.errors import CaseValidationError, Problem

__all__ = ["load_body_profile"]


def load_body_profile(path: Path) -> Body:
    """The validated body profile at ``path``; every problem located, or ``CaseValidationError``."""
    located = read_located(Path(path))
    if located.data is None:
        raise CaseValidationError(list(located.problems))
    if not isinstance(located.data, dict):
        raise CaseValidationError([Problem(str(path), 1, 1, "",
                                           "ожидается профиль органа (name, address, …)")])
    try:
        return Body.model_validate(located.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            file, line, col = located.source.locate(loc, str(path))
            problems.append(Problem(file, line, col, _dotted(loc), describe_error(error, Body)))
        raise CaseValidationError(problems) from None

"""Exit codes of ``formgen``: 0 · 1 · 2 · 70, one Russian line for a bug, traceback only with --debug."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers import ROOT

# The real entry point with one internal function broken, as a bug in formgen would be.
_BROKEN = """
import sys
import formgen.commands.check as check
def boom(path):
    raise ZeroDivisionError("division by zero")
check.load_case = boom
from formgen.cli import main
main(sys.argv[1:])
"""


def run(*args: str, code: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "formgen", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, **env})


def test_internal_error_is_one_russian_line_and_exit_70():
    result = run("check", "samples/full-cycle.yaml", code=_BROKEN, FORMGEN_DEBUG="")
    assert result.returncode == 70
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("внутренняя ошибка formgen")
    assert "ZeroDivisionError" in lines[0] and "сообщите" in lines[0] and "--debug" in lines[0]
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback():
    for extra, env in ((("--debug",), {}), ((), {"FORMGEN_DEBUG": "1"})):
        result = run(*extra, "check", "samples/full-cycle.yaml", code=_BROKEN, **env)
        assert result.returncode != 0
        assert "Traceback" in result.stderr and "ZeroDivisionError" in result.stderr


def test_codes_0_1_2():
    assert run("check", "samples/full-cycle.yaml").returncode == 0
    violated = run("check", "tests/cases/rule-open-nc-issue.yaml")
    assert violated.returncode == 1
    missing = run("check", "nope.yaml")
    assert missing.returncode == 2
    assert "nope.yaml: файл не найден" in missing.stderr
    usage = run("render")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_check_takes_many_files_and_returns_the_worst():
    result = run("check", "samples/full-cycle.yaml", "tests/cases/rule-open-nc-issue.yaml", "nope.yaml")
    assert result.returncode == 2
    assert "== samples/full-cycle.yaml" in result.stdout
    assert "== tests/cases/rule-open-nc-issue.yaml" in result.stdout
    assert "[error]" in result.stdout
    assert "nope.yaml: файл не найден" in result.stderr


def test_broken_override_template_names_the_form_and_exits_2(tmp_path):
    (tmp_path / "application.docx").write_bytes(b"not a docx")
    result = run("render", "samples/full-cycle.yaml", "--out", str(tmp_path / "out"),
                 "--form", "application", "--templates", str(tmp_path))
    assert result.returncode == 2
    # The override folder is checked before anything is rendered (templates check).
    assert result.stderr.strip().startswith(f"шаблоны в {tmp_path} с ошибками (1), ничего не сформировано:")
    assert "  application.docx: не читается как DOCX: это не документ Word" in result.stderr
    assert not (tmp_path / "out").exists()


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("formgen 0.")

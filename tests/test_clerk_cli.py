"""The command line speaks Russian and ``formgen --help`` imports only what it needs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from formgen.cli import COMMANDS
from tests.helpers import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_top_help_lists_every_command_without_heavy_imports():
    result = run("-X", "importtime", "-m", "formgen", "--help")
    assert result.returncode == 0
    for name in COMMANDS:
        assert f"  {name} " in result.stdout
    imported = result.stderr
    for heavy in ("pydantic", "docx", "reportlab", "jinja2", "yaml"):
        assert f" {heavy}\n" not in imported and f" {heavy}." not in imported, heavy


@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_help_is_russian(command):
    result = run("-m", "formgen", command, "--help")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"Вызов: formgen {command}")
    assert "Параметры:" in out and "Показать эту справку и выйти." in out
    for english in ("Usage:", "Options", "Show this message", "[required]", "default:"):
        assert english not in out, english


def test_usage_errors_are_russian():
    missing = run("-m", "formgen", "render")
    assert missing.returncode == 2
    assert missing.stderr.strip() == ("ошибка вызова: не указан обязательный аргумент CASE "
                                      "(справка: formgen render --help)")
    bad = run("-m", "formgen", "audit-time", "--personnel", "много")
    assert bad.returncode == 2
    assert "неверное значение --personnel / -n: ожидается целое число" in bad.stderr
    unknown = run("-m", "formgen", "chek")
    assert unknown.returncode == 2 and "Нет такой команды «chek»" in unknown.stderr

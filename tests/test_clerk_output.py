"""``formgen render`` and its output folder: exactly the manifest, atomic, refusals with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

FULL = str(ROOT / "samples" / "full-cycle.yaml")
OTHER = str(ROOT / "samples" / "suspension-withdrawal.yaml")


def formgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "formgen", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _manifest_paths(folder: Path) -> set[str]:
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return {d["path"] for d in data["documents"]}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """The full cycle rendered once (forms application and review only, to stay fast)."""
    out = tmp_path_factory.mktemp("shared") / "out"
    result = formgen("render", FULL, "--out", str(out), "--form", "application,application-review")
    assert result.returncode == 0, result.stderr
    return out


def test_folder_holds_exactly_the_manifest_after_a_second_case(tmp_path):
    out = tmp_path / "out"
    first = formgen("render", FULL, "--out", str(out), "--form", "application,acceptance-notice")
    assert first.returncode == 0, first.stderr
    second = formgen("render", OTHER, "--out", str(out), "--form", "application")
    assert second.returncode == 0, second.stderr
    assert _files(out) == _manifest_paths(out) | {"manifest.json"}
    assert _manifest_paths(out) == {"01-application.docx"}
    assert not list(tmp_path.glob(".formgen-*"))  # no staging folder left behind


def test_foreign_folder_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "papers"
    out.mkdir()
    (out / "letter.docx").write_bytes(b"mine")
    result = formgen("render", FULL, "--out", str(out), "--form", "application")
    assert result.returncode == 2
    assert "создана не formgen" in result.stderr
    assert _files(out) == {"letter.docx"}


def test_stranger_file_in_a_formgen_folder_is_refused(rendered):
    (rendered / "notes.txt").write_text("x", encoding="utf-8")
    try:
        before = _files(rendered)
        result = formgen("render", FULL, "--out", str(rendered), "--form", "application")
        assert result.returncode == 2
        assert "notes.txt" in result.stderr
        assert _files(rendered) == before
    finally:
        (rendered / "notes.txt").unlink()


def test_out_pointing_at_a_file_exits_2(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    result = formgen("render", FULL, "--out", str(target))
    assert result.returncode == 2
    assert "это файл, а не папка" in result.stderr
    assert target.read_text(encoding="utf-8") == "x"


def test_failure_leaves_the_folder_as_it_was(rendered, tmp_path):
    before = {p: (rendered / p).read_bytes() for p in _files(rendered)}
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "application.docx").write_bytes(b"not a docx")
    result = formgen("render", FULL, "--out", str(rendered), "--templates", str(broken))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert {p: (rendered / p).read_bytes() for p in _files(rendered)} == before


def test_duplicate_languages_count_once(tmp_path):
    out = tmp_path / "out"
    result = formgen("render", FULL, "--out", str(out), "--form", "certificate", "--lang", "ru,ru")
    assert result.returncode == 0, result.stderr
    paths = _manifest_paths(out)
    assert len(paths) == 1 and next(iter(paths)).endswith("-ru.pdf")


def test_unknown_language_exits_2():
    result = formgen("render", FULL, "--list", "--lang", "ru,fr")
    assert result.returncode == 2
    assert "неизвестный язык fr" in result.stderr


def test_list_prints_the_plan_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    result = formgen("render", FULL, "--out", str(out), "--list", "--lang", "ru,en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("01-application.docx")
    assert any(line.startswith("07-nonconformity-stage2-1.docx") for line in lines)
    assert sum(".pdf" in line for line in lines) == 2  # one certificate × ru, en
    assert not out.exists()


def test_form_without_data_exits_2(tmp_path):
    out = tmp_path / "o"
    result = formgen("render", FULL, "--out", str(out), "--form", "application,withdrawal-decision")
    assert result.returncode == 2, result.stdout
    assert "нет данных для формы: withdrawal-decision (приложение Э" in result.stderr
    assert not out.exists()


def test_dot_files_do_not_make_a_folder_foreign_and_are_kept(tmp_path):
    """.DS_Store, .gitkeep or a log being written into the folder are nobody's papers."""
    out = tmp_path / "out"
    out.mkdir()
    (out / ".DS_Store").write_text("finder", encoding="utf-8")
    first = formgen("render", FULL, "--form", "all", "--out", str(out))
    assert first.returncode == 0, first.stderr
    second = formgen("render", FULL, "--form", "application", "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert _files(out) == {".DS_Store", "manifest.json", *_manifest_paths(out)}
    assert (out / ".DS_Store").read_text(encoding="utf-8") == "finder"
    assert _manifest_paths(out) == {"01-application.docx"}

"""libyaml (fast path of ``read_located``) and PyYAML give the same data, positions and problems."""

from __future__ import annotations

import pytest

import formgen.case.source as source
from tests.helpers import ROOT, SAMPLES

TRICKY = [
    "a: {name: Ёжиков Пётр, role: «ведущий»}\nb: [1, 'ё', \"\\u0451\"]\n",
    "inn: 0101123456\nokved: 11.10\nyes_no: yes\nday: 2025-02-30\nnone: ~\n",
    "\ufeffa: 1\r\nb: 2\r\n",
    "scope: |\n  ёлка\n  палка\nshort: >-\n  a\n  b\n",
    "a: 1\na: 2\n",
    "a: &x 1\nb: *x\n",
    "a:\n  - b: 1\n    c: [\n",
    "    rep\t: 1\n",
    "a: 'незакрытая\n",
    "a:\n  <<: {b: 1}\n  c: 2\n",
    "d: &d {b: 1}\na:\n  <<: *d\n",
    "a: !foo x\nb: !!int abc\nc: !!binary aGVsbG8=\n",
]


def _read(path, fast: bool, monkeypatch):
    if not fast:
        monkeypatch.setattr(source, "_FastLoader", None)
    located = source.read_located(path)
    monkeypatch.undo()
    return located.data, located.source.positions, located.source.texts, located.problems


@pytest.mark.skipif(source._FastLoader is None, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("text", [*TRICKY, *(p.read_text(encoding="utf-8") for p in
                                            sorted(SAMPLES.glob("*.yaml")))])
def test_libyaml_reads_as_pyyaml(text, tmp_path, monkeypatch):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    fast, slow = _read(path, True, monkeypatch), _read(path, False, monkeypatch)
    assert fast == slow
    assert fast[0] is not None or fast[3]  # each text either loads or says why not


def test_body_profile_reads_as_pyyaml(monkeypatch):
    path = ROOT / "profiles" / "ecostandard-body.yaml"
    assert _read(path, True, monkeypatch) == _read(path, False, monkeypatch)


def test_a_shared_profile_is_read_again_when_it_changes(tmp_path) -> None:
    """The body profile parsed once per content: an edit is seen, and each case gets its own data."""
    profile = tmp_path / "body.yaml"
    profile.write_text("name: ОС «Первый»\nstaff: [a, b]\n", encoding="utf-8")
    first = source.read_located_shared(profile)
    first.data["staff"].append("changed by one case")
    again = source.read_located_shared(profile)
    assert again.data == {"name": "ОС «Первый»", "staff": ["a", "b"]}
    profile.write_text("name: ОС «Второй»\nstaff: [a, b]\n", encoding="utf-8")
    assert source.read_located_shared(profile).data["name"] == "ОС «Второй»"
    profile.unlink()
    assert source.read_located_shared(profile).problems[0].message == "файл не найден"


def test_merge_keys_and_tags_are_located_problems(tmp_path) -> None:
    """``<<`` and tags YAML cannot construct are told at their line, never an internal error."""
    path = tmp_path / "case.yaml"
    path.write_text("organisation:\n  <<: {name: X}\n  inn: !foo 7700000001\n"
                    "  headcount: !!int сорок\n", encoding="utf-8")
    located = source.read_located(path)
    found = [(p.line, p.column, p.path, p.message.split(":")[0]) for p in located.problems]
    assert found == [(2, 3, "organisation", "слияние «<<» не поддерживается"),
                     (3, 8, "organisation.inn", "тег «!foo» здесь не читается"),
                     (4, 14, "organisation.headcount", "тег «!!int» здесь не читается")]
    assert located.data == {"organisation": {"inn": "7700000001", "headcount": "сорок"}}

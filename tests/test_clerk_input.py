"""Values as typed, look-alike letters, cp1251 files and Russian messages — through ``formgen``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT, SAMPLES, docx_text

SAMPLE = (SAMPLES / "full-cycle.yaml").read_text(encoding="utf-8")


def formgen(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "formgen", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=180)


def _case(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    """The sample rewritten, saved next to a copy of its profile path (absolute)."""
    text = text.replace("body: ../profiles/", f"body: {ROOT}/profiles/")
    path = tmp_path / "case.yaml"
    path.write_bytes(text.encode(encoding))
    return path


def test_unquoted_numbers_are_kept_as_typed(tmp_path):
    text = (SAMPLE.replace('inn: "6325012345"', "inn: 0101123456")
            .replace('okved: "23.32"', "okved: 11.10")
            .replace('phone_code: "8464"', "phone_code: 08464"))
    path = _case(tmp_path, text)
    result = formgen("render", str(path), "--out", str(tmp_path / "out"), "--form", "application")
    assert result.returncode == 0, result.stderr
    (docx,) = (tmp_path / "out").glob("*.docx")
    printed = docx_text(docx.read_bytes())
    assert "0101123456" in printed
    assert "11.10" in printed
    assert "(08464)" in printed or "08464" in printed


def test_lookalike_letters_are_named_with_position_and_intended_value(tmp_path):
    text = (SAMPLE.replace("competent_auditors: [kuznetsov, sokolova]",
                           "competent_auditors: [kuznetsov, s\u043ekolova]")
            .replace("  - id: stage1\n", "  - id: st\u0430ge1\n", 1))
    path = _case(tmp_path, text)
    result = formgen("check", str(path))
    assert result.returncode == 2, result.stdout + result.stderr
    err = result.stderr
    assert "review.competent_auditors[1]" in err
    assert "2-я буква «о» — кириллическая, а нужна латинская «o» — имелось в виду «sokolova»" in err
    assert "audits[1].id" in err and "3-я буква «а» — кириллическая" in err and "«stage1»" in err
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith(str(path))]) >= 2  # all at once


def test_lookalike_letter_in_an_enum_value(tmp_path):
    path = _case(tmp_path, SAMPLE.replace("kind: stage2", "kind: st\u0430ge2", 1))
    result = formgen("check", str(path))
    assert result.returncode == 2
    assert "audits[2].kind: недопустимое значение «stаge2»: 3-я буква «а» — кириллическая, " \
        "а нужна латинская «a» — имелось в виду «stage2»" in result.stderr


def test_lookalike_in_a_decision_number_reference(tmp_path):
    # certificates[0].decision names the decision with a Latin «P» for the Cyrillic «Р»
    import re

    number = re.search(r'decision: "([^"]+)"', SAMPLE).group(1)
    assert number[0] in "РР"
    latin = "P" + number[1:]
    text = SAMPLE.replace(f'decision: "{number}"', f'decision: "{latin}"', 1)
    result = formgen("check", str(_case(tmp_path, text)))
    assert result.returncode == 2
    expected = f"1-я буква «P» — латинская, а нужна кириллическая «Р» — имелось в виду «{number}»"
    assert expected in result.stderr


def test_cp1251_file_is_read(tmp_path):
    text = SAMPLE.replace("→", "-").replace("Города", "Городa")  # only what cp1251 can hold
    text = "".join(ch for ch in text if ch.encode("cp1251", "ignore"))
    path = _case(tmp_path, text, encoding="cp1251")
    result = formgen("render", str(path), "--out", str(tmp_path / "out"), "--form", "application")
    assert result.returncode == 0, result.stderr
    (docx,) = (tmp_path / "out").glob("*.docx")
    assert "Сызрань" in docx_text(docx.read_bytes())


def test_undecodable_file_asks_for_utf8_with_the_line(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_bytes(b"schema_version: 1\norganisation:\n  name: \x81\x98\x81\n")
    result = formgen("check", str(path))
    assert result.returncode == 2
    assert f"{path}:3:" in result.stderr
    assert "сохраните файл в UTF-8" in result.stderr


def test_yaml_syntax_error_is_russian_and_located(tmp_path):
    path = _case(tmp_path, SAMPLE.replace("  city: Сызрань\n", "  city: [Сызрань\n", 1))
    result = formgen("check", str(path))
    assert result.returncode == 2
    assert "ошибка синтаксиса" in result.stderr
    assert str(path) + ":" in result.stderr
    assert "Traceback" not in result.stderr


def test_body_profile_errors_are_russian(tmp_path):
    profile = (ROOT / "profiles" / "ecostandard-body.yaml").read_text(encoding="utf-8")
    (tmp_path / "body.yaml").write_text(profile.replace("  id: orlov", "  id: orlov\n  idd: x", 1),
                                        encoding="utf-8")
    text = SAMPLE.replace("body: ../profiles/ecostandard-body.yaml", "body: body.yaml")
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    result = formgen("check", str(path))
    assert result.returncode == 2
    assert "неизвестное поле «idd»" in result.stderr
    assert str(tmp_path / "body.yaml") in result.stderr

"""``formgen new``: a commented starting case whose blanks ``check`` lists until they are filled."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT, SAMPLES

# What a clerk would type into each blank, by the key in front of it.
_FILL = {
    "name": "Общество с ограниченной ответственностью «Речной порт»",
    "short_name": "ООО «Речной порт»",
    "address": "185000, г. Петрозаводск, ул. Онежская, д. 1",
    "legal_address": "185000, г. Петрозаводск, ул. Онежская, д. 1",
    "city": "Петрозаводск",
    "phone": "+7 (8142) 11-22-33",
    "email": "port@example.ru",
    "inn": "0101123456",
    "position": "Генеральный директор",
    "headcount": "40",
    "personnel": "40",
    "number": "З-1/2026",
    "scope": "погрузочно-разгрузочным работам в речном порту",
    "desired_dates": "март 2026 г.",
    "unit": "Служба эксплуатации",
}
_PEOPLE = iter(["Петров Пётр Петрович", "Иванов Иван Иванович", "Сидорова Анна Павловна",
                "Кузнецов Олег Игоревич"] * 3)


def fill(text: str) -> str:
    """Every ``___`` replaced as a clerk would, by the field it stands in."""
    out = []
    for line in text.splitlines():
        if "{unit: ___" in line:
            line = line.replace("{unit: ___", "{unit: " + _FILL["unit"])
        elif re.match(r"\s*(- )?name: ___ ___ ___", line):
            line = re.sub(r"___ ___ ___", next(_PEOPLE), line)
        else:
            match = re.match(r"\s*(?:- )?(\w+): ___", line)
            if match:
                line = line.replace("___", _FILL[match.group(1)], 1)
        assert "___" not in line or line.startswith("#"), line
        out.append(line)
    return "\n".join(out) + "\n"


def formgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "formgen", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=180)


def test_new_case_lists_its_blanks_then_passes_check_once_filled(tmp_path):
    made = formgen("new", "case.yaml", "--sites", "2", "--date", "2026-01-12", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "case.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Дело заказчика")
    assert "kind: document_review" in text and "kind: stage1" in text and "kind: stage2" in text
    assert text.count("- name: ___") == 2  # two sites

    blanks = formgen("check", "case.yaml", cwd=tmp_path)
    assert blanks.returncode == 2
    lines = blanks.stderr.strip().splitlines()
    values = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    assert len(lines) == len(re.findall(r"___(?: ___)*", values))  # «___ ___ ___» is one name
    inn_line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("  inn:"))) + 1
    assert f"case.yaml:{inn_line}:3: organisation.inn: не заполнено: впишите значение вместо ___" in lines

    (tmp_path / "case.yaml").write_text(fill(text), encoding="utf-8")
    clean = formgen("check", "case.yaml", cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "[error]" not in clean.stdout
    assert formgen("new", "case.yaml", cwd=tmp_path).returncode == 2  # never overwrites


def test_new_with_a_body_profile_and_from_an_existing_case(tmp_path):
    profile = ROOT / "profiles" / "ecostandard-body.yaml"
    made = formgen("new", "a.yaml", "--body", str(profile), "--date", "2026-01-12", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert "body: " + str(profile) in text
    assert "competent_auditors: [kuznetsov, sokolova]" in text  # the profile's own staff
    (tmp_path / "a.yaml").write_text(fill(text), encoding="utf-8")
    clean = formgen("check", "a.yaml", cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "[warning]" not in clean.stdout and "[error]" not in clean.stdout
    listed = formgen("render", "a.yaml", "--out", "out", "--list", cwd=tmp_path)
    assert [line.split()[0] for line in listed.stdout.splitlines()] == [
        "01-application.docx", "02-application-review.docx", "03-acceptance-notice.docx",
        "04-audit-effort-stage2.docx", "05-document-list.docx", "06-audit-plan-stage1.docx",
        "06-audit-plan-stage2.docx", "manifest.json"]

    following = formgen("new", "next.yaml", "--from", str(SAMPLES / "full-cycle.yaml"),
                        "--date", "2028-02-01", cwd=tmp_path)
    assert following.returncode == 0, following.stderr
    text = (tmp_path / "next.yaml").read_text(encoding="utf-8")
    assert "АО «ВЗСМ»" in text and "kind: recertification" in text
    assert "inn: '6325012345'" in text
    filled = text.replace("number: ___", "number: З-2/2028")
    filled = filled.replace("desired_dates: ___", "desired_dates: март")
    (tmp_path / "next.yaml").write_text(filled, encoding="utf-8")
    result = formgen("check", "next.yaml", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr  # loads; rules may warn about the cycle

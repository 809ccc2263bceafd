"""Certificates know their status (issue 7, point 2): refuse, archive copy, render's report.

The sample «suspension-withdrawal» has certificate ЭС.RU.СЭМ.00104-25 registered
21.01.2025, suspended by Р-187/2025 on 25.11.2025, withdrawn by Р-032/2026 on
26.02.2026; the commands are run as a user would, with ``--at`` to fix the day.
"""

from __future__ import annotations

import csv
import datetime as dt

from pypdf import PdfReader
from typer.testing import CliRunner

from formgen.cli import app
from formgen.errors import FormgenError
from tests.certificate_support import ROOT, page_texts

CASE = ROOT / "samples" / "suspension-withdrawal.yaml"
NUMBER = "ЭС.RU.СЭМ.00104-25"


def run(*args):
    """(exit code, stderr+stdout) of ``formgen …`` in-process, errors mapped as ``main`` does."""
    result = CliRunner().invoke(app, [str(a) for a in args])
    if isinstance(result.exception, FormgenError):
        return result.exception.exit_code, result.output + str(result.exception)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def test_a_withdrawn_certificate_is_refused_naming_status_and_decision(tmp_path):
    code, out = run("certificates", CASE, "--at", "2026-03-01", "--out", tmp_path / "o")
    text = " ".join(out.split())
    assert code == 1
    assert f"сертификат № {NUMBER} не действует на 01.03.2026" in text
    assert "действие отменено с 26.02.2026, решение № Р-032/2026 от 26.02.2026" in text
    assert "--archive" in text
    assert not list((tmp_path / "o").glob("*.pdf"))


def test_a_suspended_certificate_is_refused_and_an_active_one_prints(tmp_path):
    code, out = run("certificates", CASE, "--at", "01.12.2025", "--out", tmp_path / "s")
    text = " ".join(out.split())
    assert code == 1
    assert "действие приостановлено с 25.11.2025, решение № Р-187/2025 от 25.11.2025" in text
    code, out = run("certificates", CASE, "--at", "2025-06-01", "--out", tmp_path / "a")
    assert code == 0, out
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["es-ru-sem-00104-25.ru.pdf"]
    assert not any("АРХИВНАЯ" in t for t in page_texts(tmp_path / "a" / "es-ru-sem-00104-25.ru.pdf"))


def test_an_archive_copy_carries_its_status_on_every_page_in_every_language(tmp_path):
    merged = tmp_path / "archive.pdf"
    code, out = run("certificates", CASE, "--at", "2026-03-01", "--archive", "--lang", "ru,en",
                    "--merge", merged)
    assert code == 0, out
    texts = page_texts(merged)
    assert len(texts) == 4  # face and one appendix sheet in each language
    ru, en = texts[:2], texts[2:]
    for page in ru:
        assert "АРХИВНАЯ КОПИЯ — действие отменено с 26.02.2026, решение № Р-032/2026" in page
    for page in en:
        assert "ARCHIVE COPY — withdrawn since 26.02.2026, decision No. Р-032/2026 of 26.02.2026" \
            in page
        assert "АРХИВНАЯ" not in page


def test_a_draft_is_never_made_of_a_certificate_not_in_force(tmp_path):
    code, out = run("certificates", CASE, "--at", "2026-03-01", "--archive", "--draft",
                    "--merge", tmp_path / "d.pdf")
    assert code == 1
    assert "проект (--draft) недействующего сертификата не делается" in " ".join(out.split())
    assert not (tmp_path / "d.pdf").exists()


def test_render_all_keeps_the_archive_and_says_what_is_no_longer_in_force(tmp_path):
    code, out = run("render", CASE, "--at", "2026-03-01", "--out", tmp_path / "all")
    text = " ".join(out.split())
    assert code == 0, out
    assert "Не действуют на 01.03.2026" in text
    assert f"сертификат № {NUMBER}: действие отменено с 26.02.2026" in text
    (pdf,) = (tmp_path / "all").glob("*certificate*.pdf")
    assert all("АРХИВНАЯ КОПИЯ" in t for t in page_texts(pdf))
    code, out = run("render", CASE, "--at", "2026-03-01", "--draft", "--out", tmp_path / "dr")
    assert code == 1
    assert "проект (--draft) недействующего сертификата не делается" in " ".join(out.split())
    names = [p.name for p in (tmp_path / "dr").iterdir()]
    assert not [n for n in names if n.endswith(".pdf")]
    assert any(n.startswith("17-withdrawal-decision") for n in names)  # the rest is written


def test_scope_change_case_prints_only_the_current_certificate(tmp_path):
    case = ROOT / "samples" / "scope-change.yaml"
    code, out = run("certificates", case, "--at", "2025-06-01", "--out", tmp_path / "c")
    assert code == 0, out
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["es-ru-sem-00112-25.ru.pdf"]
    code, out = run("certificates", case, "--at", "2025-01-10", "--out", tmp_path / "e")
    assert code == 0, out  # between the re-issues the second certificate was the valid one
    assert [p.name for p in (tmp_path / "e").iterdir()] == ["es-ru-sem-00208-24.ru.pdf"]
    code, out = run("certificates", case, "--at", "2025-06-01", "--archive", "--merge",
                    tmp_path / "all.pdf")
    assert code == 0, out
    texts = page_texts(tmp_path / "all.pdf")
    marked = [t for t in texts if "АРХИВНАЯ КОПИЯ — заменён с" in t]
    assert "сертификатом № ЭС.RU.СЭМ.00208-24" in marked[0]
    assert len(marked) < len(texts)  # the current certificate is not marked


def _table(tmp_path, **extra):
    rows = list(csv.DictReader((ROOT / "samples" / "certificates.csv").open(encoding="utf-8")))[:2]
    for row in rows:
        row["body"] = str(ROOT / "profiles" / "ecostandard-body.yaml")
        row["body_logo"] = str(ROOT / "samples" / "logos" / "body-logo.png")
        row["accreditation_logo"] = str(ROOT / "samples" / "logos" / "accreditation-logo.png")
        row["languages"] = "ru"
    rows[1].update(extra)
    path = tmp_path / "register.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[1]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_table_status_column_refuses_or_marks_the_row(tmp_path):
    table = _table(tmp_path, status="отменён", status_date="10.02.2025",
                   status_decision="Р-7/2025")
    code, out = run("certificates", table, "--at", "2025-03-01", "--merge", tmp_path / "m.pdf")
    text = " ".join(out.split())
    assert code == 1
    assert "register.csv, строка 3: сертификат №" in text
    assert "действие отменено с 10.02.2025, решение № Р-7/2025 от 10.02.2025" in text
    assert len(PdfReader(tmp_path / "m.pdf").pages) >= 1  # the other row printed
    code, out = run("certificates", table, "--at", "2025-03-01", "--archive", "--merge",
                    tmp_path / "a.pdf")
    assert code == 0, out
    texts = page_texts(tmp_path / "a.pdf")
    assert any("АРХИВНАЯ КОПИЯ — действие отменено с 10.02.2025" in t for t in texts)
    assert not all("АРХИВНАЯ" in t for t in texts)


def test_a_row_past_its_validity_is_expired_whatever_the_column_says(tmp_path):
    table = _table(tmp_path, status="active")
    code, out = run("certificates", table, "--at", "2040-01-01", "--merge", tmp_path / "m.pdf")
    assert code == 1
    assert "срок действия истёк с" in " ".join(out.split())


# -- issue 7, point 9: rows as a spreadsheet numbers them ----------------------------------
def _raw_table(tmp_path, rows):
    path = tmp_path / "rows.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _row_values(**update):
    row = next(csv.DictReader((ROOT / "samples" / "certificates.csv").open(encoding="utf-8")))
    row.update(body=str(ROOT / "profiles" / "ecostandard-body.yaml"), languages="ru",
               body_logo=str(ROOT / "samples" / "logos" / "body-logo.png"),
               accreditation_logo=str(ROOT / "samples" / "logos" / "accreditation-logo.png"))
    row.update(update)
    return row


def test_errors_name_the_spreadsheet_row_past_multi_line_cells(tmp_path):
    good = _row_values(sites="Цех 1 | г. Пенза, ул. Мира, 1 | литьё\nЦех 2 | г. Пенза, ул. Мира, 2 |"
                             " окраска\nЦех 3 | г. Пенза, ул. Мира, 3 | склад")
    bad = _row_values(number="N-2", registration_date="31.02.2025",
                      scope="производству\nцемента")
    header = list(good)
    table = _raw_table(tmp_path, [header, [good[h] for h in header], [bad[h] for h in header]])
    assert len(table.read_text(encoding="utf-8").splitlines()) >= 6  # row 3 starts on line 5+
    from formgen.registertable import register_jobs

    _, jobs = register_jobs(table, ["ru"], at=dt.date(2025, 6, 1))
    jobs = list(jobs)
    assert jobs[0].label == "rows.csv, строка 2 (строки файла 2–4)"
    assert jobs[1].label.startswith("rows.csv, строка 3 (строки файла ")
    assert "31.02.2025" in jobs[1].message


def test_a_row_with_more_fields_than_the_header_is_reported_as_such(tmp_path):
    row = _row_values()
    header = list(row)
    table = _raw_table(tmp_path, [header, [row[h] for h in header],
                                  [*(row[h] for h in header), "лишнее; значение"]])
    code, out = run("certificates", table, "--at", "2025-06-01", "--merge", tmp_path / "m.pdf")
    text = " ".join(out.split())
    assert code == 1
    assert (f"rows.csv, строка 3: в строке больше полей, чем колонок в заголовке ({len(header)}): "
            "лишние значения «лишнее; значение»") in text
    assert "Напечатано сертификатов: 1 из 2" in text

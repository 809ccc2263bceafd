"""Batch printing: merged order, bad rows, --blank, --out, --jobs, tables and the CLI."""

from __future__ import annotations

import csv
import dataclasses
import subprocess
import sys

import pytest
from pypdf import PdfReader

from formgen.errors import InputError
from formgen.registertable import open_table, register_jobs
from formgen.render.certificate.batch import (
    CertificateJob,
    JobFailure,
    RenderOptions,
    render_batch,
)
from formgen.render.certificate.calibration import write_calibration_sheet
from tests.certificate_support import ROOT, page_texts, sample, sites

SAMPLE = ROOT / "samples" / "certificates.csv"


def _jobs(count: int, langs=("ru",)):
    for i in range(count):
        versions = tuple(
            sample(lang, number=f"N-{i:04d}", registration_number=f"REG-{i:04d}") for lang in langs
        )
        yield CertificateJob(f"row {i + 2}", versions, f"N-{i:04d}")


def test_merged_pdf_keeps_input_order_and_page_count(tmp_path):
    out = tmp_path / "merged.pdf"
    result = render_batch(_jobs(23, ("ru", "en")), merge=out, total=23)
    texts = page_texts(out)
    assert result.printed == 23 and result.pages == len(texts) == 46
    for i in range(23):
        assert f"№ N-{i:04d}" in texts[2 * i]
        assert f"No. N-{i:04d}" in texts[2 * i + 1]
    assert PdfReader(out).trailer["/Info"]["/Producer"] == "formgen"


def test_bad_items_are_reported_and_the_others_print(tmp_path):
    jobs = list(_jobs(5))
    jobs[1] = JobFailure("table.csv:3", "holder_name: не заполнено")
    broken = dataclasses.replace(jobs[3].versions[0], holder_name="ООО «漢字»")
    jobs[3] = CertificateJob("table.csv:5", (broken,), "x")
    seen = []
    result = render_batch(jobs, merge=tmp_path / "m.pdf", total=5,
                          on_failure=lambda label, message: seen.append(label))
    assert result.printed == 3
    assert [label for label, _ in result.failures] == ["table.csv:3", "table.csv:5"] == seen
    assert "U+6F22" in result.failures[1][1]
    texts = page_texts(tmp_path / "m.pdf")
    assert [t.split("№ ", 1)[1][:6] for t in texts] == ["N-0000", "N-0002", "N-0004"]


def test_jobs_do_not_change_the_bytes(tmp_path):
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    render_batch(_jobs(40), merge=one, total=40, jobs=1)
    render_batch(_jobs(40), merge=two, total=40, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert len(PdfReader(two).pages) == 40


def test_out_writes_a_file_per_certificate_and_language(tmp_path):
    result = render_batch(_jobs(3, ("ru", "en")), out_dir=tmp_path / "out", total=3)
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(f"N-{i:04d}.{lang}.pdf" for i in range(3) for lang in ("ru", "en"))
    assert len(result.files) == 6
    assert "No. N-0002" in page_texts(tmp_path / "out" / "N-0002.en.pdf")[0]
    draft = render_batch(_jobs(2, ("ru", "de")), out_dir=tmp_path / "draft", total=2,
                         options=RenderOptions(draft=True))
    assert sorted(p.name for p in draft.files) == ["N-0000.draft.pdf", "N-0001.draft.pdf"]
    texts = page_texts(tmp_path / "draft" / "N-0001.draft.pdf")
    assert "ПРОЕКТ / DRAFT" in texts[0] and "ENTWURF / ПРОЕКТ" in texts[1]


def test_blank_prints_only_the_variable_text(tmp_path):
    full, blank = tmp_path / "full.pdf", tmp_path / "blank.pdf"
    job = [CertificateJob("r", (sample("ru", sites=sites(2)),), "a")]
    render_batch(job, merge=full)
    render_batch(job, merge=blank, options=RenderOptions(blank=True, offset_x=1.5, offset_y=-2))
    full_text, blank_text = page_texts(full)[0], page_texts(blank)[0]
    for label in ("СЕРТИФИКАТ СООТВЕТСТВИЯ", "Выдан", "Дата регистрации", "Председатель комиссии",
                  "Экостандарт-Сертификация", "М. П.", "применительно к"):
        assert label in full_text and label not in blank_text
    for value in ("№ ЭС.RU.СЭМ.00123-25", "«20» июня 2025 г.", "А. П. Кузнецов",
                  "Акционерное общество «Волжский завод строительных материалов»"):
        assert value in blank_text
    page = PdfReader(blank).pages[0]
    assert "/XObject" not in page["/Resources"]  # no frame, no logos: nothing pre-printed
    content = page.get_contents().get_data()
    assert b"1 0 0 1 4.251969 5.669291 cm" in content  # 1.5 mm right, 2 mm up (y is downwards)
    assert "ПРИЛОЖЕНИЕ" not in page_texts(blank)[1]  # the appendix heading is pre-printed too


def test_calibration_sheet_shows_zones_and_offsets(tmp_path):
    path = tmp_path / "cal.pdf"
    write_calibration_sheet(path, (1.5, -0.5))
    text = page_texts(path)[0]
    assert "X = +1.5 мм" in text and "Y = -0.5 мм" in text
    assert "4: number" in text and "6: holder" in text and "14: register_number" in text


def test_sample_register_prints_every_row(tmp_path):
    total, jobs = register_jobs(SAMPLE, ["ru", "en"])
    assert total >= 50
    result = render_batch(jobs, merge=tmp_path / "all.pdf", total=total)
    assert result.failures == [] and result.printed == total
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    texts = page_texts(tmp_path / "all.pdf")
    firsts = [t for t in texts if "СЕРТИФИКАТ СООТВЕТСТВИЯ" in t]
    assert [t.split("№ ", 1)[1].split(" ")[0] for t in firsts] == [r["number"] for r in rows]
    german = [r for r in rows if "de" in r["languages"]]
    assert german and sum("KONFORMITÄTSZERTIFIKAT" in t for t in texts) == len(german)


def _write_csv(path, rows, header=None):
    header = header or list(rows[0])
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def _sample_rows(n):
    return list(csv.DictReader(SAMPLE.open(encoding="utf-8")))[:n]


def test_bad_rows_are_reported_with_row_numbers(tmp_path):
    rows = _sample_rows(4)
    for row in rows:
        row["body"] = str((ROOT / "profiles" / "ecostandard-body.yaml").resolve())
        row["body_logo"] = str(ROOT / "samples" / "logos" / "body-logo.png")
        row["accreditation_logo"] = str(ROOT / "samples" / "logos" / "accreditation-logo.png")
    rows[1]["registration_date"] = "31.02.2025"
    rows[2]["holder_name_en"] = ""
    rows[2]["sites"] = "только имя"
    table = tmp_path / "register.csv"
    _write_csv(table, rows)
    total, jobs = register_jobs(table, ["ru", "en"])
    result = render_batch(jobs, merge=tmp_path / "m.pdf", total=total)
    failures = dict(result.failures)
    assert set(failures) == {"register.csv, строка 3", "register.csv, строка 4"}
    assert "registration_date" in failures["register.csv, строка 3"]
    assert "31.02.2025" in failures["register.csv, строка 3"]
    assert "sites" in failures["register.csv, строка 4"]
    assert result.printed == 2


def test_draft_needs_no_translation(tmp_path):
    rows = _sample_rows(1)
    rows[0].update(holder_name_en="", holder_address_en="", scope_en="", sites="", sites_en="",
                   body=str(ROOT / "profiles" / "ecostandard-body.yaml"),
                   body_logo="", accreditation_logo="", languages="")
    table = tmp_path / "t.csv"
    _write_csv(table, rows)
    _, jobs = register_jobs(table, ["ru", "en"])
    (failure,) = list(jobs)
    assert isinstance(failure, JobFailure) and "holder_name_en" in failure.message
    _, jobs = register_jobs(table, ["ru", "en"], draft=True)
    (job,) = list(jobs)
    english = job.versions[1]
    assert english.holder_name.startswith("Aktsionernoe obshchestvo")
    assert english.scope == rows[0]["scope"]  # untranslated, visibly so


def test_unknown_or_missing_columns_make_the_table_unusable(tmp_path):
    table = tmp_path / "bad.csv"
    _write_csv(table, [{"number": "1", "holdr_name": "x"}])
    with pytest.raises(InputError) as caught:
        open_table(table)
    message = str(caught.value)
    assert "holdr_name" in message and "holder_name" in message and "scope" in message


def test_xlsx_and_semicolon_cp1251_csv(tmp_path):
    from openpyxl import Workbook

    rows = _sample_rows(3)
    for row in rows:
        row.update(body=str(ROOT / "profiles" / "ecostandard-body.yaml"), body_logo="",
                   accreditation_logo="", languages="", sites="", sites_en="", sites_de="")
    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    book.save(tmp_path / "t.xlsx")
    total, jobs = register_jobs(tmp_path / "t.xlsx", ["ru"])
    assert total == 3 and [j.versions[0].number for j in jobs] == [r["number"] for r in rows]
    excel = tmp_path / "excel.csv"
    rows = [{k: v for k, v in row.items() if not k.endswith("_de")} for row in rows]
    with excel.open("w", newline="", encoding="cp1251") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    total, jobs = register_jobs(excel, ["ru"])
    assert [j.versions[0].holder_name for j in jobs] == [r["holder_name"] for r in rows]


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "formgen", "certificates", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def test_cli_prints_the_sample_register_with_a_progress_bar(tmp_path):
    out = tmp_path / "out.pdf"
    run = _cli(SAMPLE, "--merge", out, "--lang", "ru,en", "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert "сертификаты" in run.stderr and "Напечатано сертификатов: 52 из 52" in run.stderr
    assert len(PdfReader(out).pages) > 104


def test_cli_exit_codes(tmp_path):
    assert _cli(tmp_path / "missing.csv", "--merge", tmp_path / "x.pdf").returncode == 2
    bad = tmp_path / "bad.csv"
    _write_csv(bad, [{"number": "1", "foo": "x"}])
    run = _cli(bad, "--merge", tmp_path / "x.pdf")
    assert run.returncode == 2 and "foo" in run.stderr
    rows = _sample_rows(3)
    rows[1]["scope"] = ""
    table = tmp_path / "rows.csv"
    _write_csv(table, rows)
    (tmp_path / "logos").symlink_to(ROOT / "samples" / "logos")
    for row in rows:
        row["body"] = str(ROOT / "profiles" / "ecostandard-body.yaml")
    _write_csv(table, rows)
    run = _cli(table, "--merge", tmp_path / "x.pdf")
    assert run.returncode == 1
    assert "rows.csv, строка 3" in run.stderr and "scope" in run.stderr
    assert len(PdfReader(tmp_path / "x.pdf").pages) >= 2


def test_cli_accepts_a_case_file_and_writes_the_calibration_sheet(tmp_path):
    case = ROOT / "samples" / "full-cycle.yaml"
    run = _cli(case, "--out", tmp_path, "--lang", "ru,en", "--calibration", tmp_path / "cal.pdf")
    assert run.returncode == 0, run.stderr
    files = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert "cal.pdf" in files and any(f.endswith(".en.pdf") for f in files)


def test_the_documentation_lists_the_columns_as_the_code_reads_them():
    from formgen.registertable import column_reference

    docs = (ROOT / "docs" / "certificates.md").read_text(encoding="utf-8")
    assert column_reference() in docs

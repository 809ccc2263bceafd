"""The render stage end to end: manifest, determinism, atomic writes, escaping."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from formgen.case.model import Case
from formgen.forms.produce import produce, select_forms
from formgen.forms.registry import FORMS
from tests.helpers import ROOT, SAMPLES, docx_text, flat, sample

DOCX_FORMS = ",".join(f.slug for f in FORMS if f.output == "docx")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "formgen", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def case_dict(name: str = "full-cycle.yaml") -> dict:
    """A sample as plain data with its body profile inlined (for mutation in tests)."""
    path = SAMPLES / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data["body"], str):
        data["body"] = yaml.safe_load((path.parent / data["body"]).read_text(encoding="utf-8"))
    return data


def test_render_all_writes_manifest_matching_files(tmp_path):
    out = tmp_path / "out"
    result = run_cli("render", str(SAMPLES / "full-cycle.yaml"), "--form", "all", "--out", str(out),
                     "--lang", "ru,en")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    docs = manifest["documents"]
    annexes = {d["annex"] for d in docs}
    assert {"В", "Г", "Д", "Е", "Ж", "И", "К", "Л", "М", "Н", "П", "С", "Ф", "Щ"} <= annexes
    case = sample()
    nc_count = sum(len(a.nonconformities) for a in case.audits)
    assert sum(d["form"] == "nonconformity" for d in docs) == nc_count
    for doc in docs:
        data = (out / doc["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == doc["sha256"]
        assert set(doc) == {"form", "annex", "lang", "format", "path", "sha256"}
        if doc["format"] == "docx":
            text = docx_text(data)
            for leak in ("{{", "{%", "None", "Undefined"):
                assert leak not in text, (doc["path"], leak)
    assert not list(out.glob(".formgen-staging-*"))


def test_same_case_renders_byte_identical():
    case = sample()
    first = produce(case, select_forms(DOCX_FORMS), ["ru"])
    second = produce(case, select_forms(DOCX_FORMS), ["ru"])
    assert [d.path for d in first] == [d.path for d in second]
    assert all(a.data == b.data for a, b in zip(first, second, strict=True))


def test_bad_case_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("organisation: {name: x}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("render", str(bad), "--out", str(out))
    assert result.returncode == 2
    assert f"{bad}:" in result.stderr and "body" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_failing_form_leaves_output_folder_untouched(tmp_path):
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "audit-report.docx").write_bytes(b"not a docx at all")
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text('{"documents": [{"path": "keep.txt"}]}', encoding="utf-8")
    (out / "keep.txt").write_text("old", encoding="utf-8")
    result = run_cli("render", str(SAMPLES / "full-cycle.yaml"), "--form", "application,audit-report",
                     "--out", str(out), "--templates", str(templates), "--force")
    assert result.returncode == 2, result.stderr
    assert "audit-report" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt", "manifest.json"]


def test_unknown_form_is_a_usage_error(tmp_path):
    result = run_cli("render", str(SAMPLES / "full-cycle.yaml"), "--form", "aplication", "--out",
                     str(tmp_path))
    assert result.returncode == 2
    assert "aplication" in result.stderr and "application" in result.stderr


def test_templates_override_by_file_name(tmp_path):
    exported = tmp_path / "mine"
    assert run_cli("templates", "export", str(exported)).returncode == 0
    assert (exported / "application.docx").is_file()
    # A body's own application template: its letterhead line must appear in the output.
    from docx import Document

    doc = Document(str(exported / "application.docx"))
    doc.paragraphs[0].insert_paragraph_before("ЛЕТТЕРХЕД ЭКОСТАНДАРТ")
    doc.save(str(exported / "application.docx"))
    case = sample()
    (document,) = produce(case, select_forms("application"), ["ru"], templates=exported)
    assert "ЛЕТТЕРХЕД ЭКОСТАНДАРТ" in docx_text(document.data)
    (plain,) = produce(case, select_forms("application"), ["ru"])
    assert "ЛЕТТЕРХЕД" not in docx_text(plain.data)


NASTY = 'ООО «Альфа & Омега» <b>"кавычки" \'апостроф\' {{ org.name }} {% if x %} }} {_{'


def _with_org_name(name: str, scope: str | None = None) -> Case:
    data = case_dict()
    data["organisation"]["name"] = name
    if scope is not None:
        data["application"]["scope"] = scope
    return Case.model_validate(data)


def test_special_characters_come_out_literally():
    case = _with_org_name(NASTY)
    for doc in produce(case, select_forms("application,audit-report,certification-decision"), ["ru"]):
        assert NASTY in docx_text(doc.data), doc.path


def test_five_thousand_character_scope_is_kept_whole():
    scope = ("производству кирпича керамического и сопутствующим работам; " * 90)[:5000]
    case = _with_org_name("ООО «Длинная область»", scope)
    (doc,) = produce(case, select_forms("application"), ["ru"])
    assert flat(scope) in flat(docx_text(doc.data))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300).filter(lambda s: s.strip()))
def test_any_text_yields_a_well_formed_document(name):
    case = _with_org_name(name)
    (doc,) = produce(case, select_forms("application"), ["ru"])
    with zipfile.ZipFile(io.BytesIO(doc.data)) as archive:
        etree.fromstring(archive.read("word/document.xml"))  # raises if broken
    normalised = name.replace("\r\n", "\n").replace("\r", "\n")
    printable = "".join(ch for ch in normalised if ch in "\n\t" or (ch >= " " and ch not in "\ufffe\uffff"))
    assert flat(printable) in flat(docx_text(doc.data))


def test_schema_is_json_schema_of_the_case():
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "organisation" in schema["required"]
    assert schema["$defs"]["Organisation"]["additionalProperties"] is False


def test_forms_lists_every_annex():
    result = run_cli("forms")
    assert result.returncode == 0
    for form in FORMS:
        assert form.slug in result.stdout


def test_empty_optional_fields_print_blank_captions_not_none():
    data = case_dict()
    org = data["organisation"]
    for key in ("fax", "consultant", "outsourcing", "parent", "chief_accountant", "website"):
        org.pop(key, None)
    case = Case.model_validate(data)
    (doc,) = produce(case, select_forms("application"), ["ru"])
    text = docx_text(doc.data)
    assert "None" not in text
    assert "инициалы, фамилия" in text
    assert "Входит ли организация" in text and "\nнет\n" in text


@pytest.mark.soffice
def test_libreoffice_opens_every_rendered_docx():
    from formgen.render.convert import docx_to_pdf, soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice is not installed")
    import pypdf

    from formgen.case.load import load_case

    docs, names = [], []
    for path in sorted(SAMPLES.glob("*.yaml")):
        case = load_case(path).case
        rendered = produce(case, select_forms(DOCX_FORMS), ["ru"])
        docs += rendered
        names += [case.organisation.name] * len(rendered)
    pdfs = docx_to_pdf({f"{i:03d}-{Path(d.path).name}": d.data for i, d in enumerate(docs)})
    assert len(pdfs) == len(docs)
    for (name, pdf), org in zip(sorted(pdfs.items()), names, strict=True):
        text = flat(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
        # the legal form is declined as each phrase needs; the name in «» never is
        proper = org[org.index("«"):] if "«" in org else org
        assert flat(proper) in text, name
        assert "{{" not in text and "None" not in text, name


def test_wheel_carries_templates(tmp_path):
    """A non-editable install must find its templates (they live outside the package)."""
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheel_dir), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    if build.returncode != 0 and "hatchling" in build.stderr:
        pytest.skip("hatchling not installed in this environment")
    assert build.returncode == 0, build.stderr
    (wheel,) = wheel_dir.glob("formgen-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    templates = {Path(n).name for n in names if n.startswith("formgen/_resources/templates/")}
    assert {f"{f.slug}.docx" for f in FORMS if f.output == "docx"} <= templates
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    out = tmp_path / "out"
    env_path = f"{site}"
    result = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
         "import formgen.cli as c; print(c.__file__); sys.argv=['formgen'] + sys.argv[2:]; c.main()",
         env_path, "render", str(SAMPLES / "full-cycle.yaml"), "--form", "application", "--out", str(out)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert str(site) in result.stdout
    assert (out / "manifest.json").is_file()
    # The wording catalogue and the samples `templates fields` reads its variables off ship too.
    assert "formgen/wording/wording.yaml" in names
    assert "formgen/_resources/samples/full-cycle.yaml" in names
    fields = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
         "import formgen.cli as c; sys.argv=['formgen'] + sys.argv[2:]; c.main()",
         env_path, "templates", "fields", "audit-report"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    assert fields.returncode == 0, fields.stderr
    assert "report.attachments — приложения к акту" in fields.stdout


def test_samples_together_produce_every_annex():
    """Every form of Annexes В–Э (П and С as the certificate) renders from the samples."""
    from formgen.case.load import load_case
    from formgen.forms.certificate_data import render_case_certificates

    def renderer(case, certificate, langs):
        return render_case_certificates(case, certificate, langs)

    annexes = set()
    for path in sorted(SAMPLES.glob("*.yaml")):
        documents = produce(load_case(path).case, select_forms("all"), ["ru", "en"],
                            certificate_renderer=renderer)
        annexes |= {d.annex for d in documents}
    assert annexes == {"В", "Г", "Д", "Е", "Ж", "И", "К", "Л", "М", "Н", "П", "С", "Ф", "Х", "Ц", "Ш",
                       "Щ", "Э"}

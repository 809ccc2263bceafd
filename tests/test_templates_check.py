"""``formgen templates check DIR`` and ``render --templates DIR``: a body's own templates and wording.

The broken templates are the shipped ones with a slip typed into their text,
as a clerk editing in Word would make it.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from formgen.render.jinjamessages import russian
from tests.helpers import ROOT, SAMPLES, docx_text, flat

TEMPLATES = ROOT / "templates"
BAD_WORDING = """decision_verbs:
  issue:
    negativ: отказать в выдаче
attachments:
  plan: "Приложение {num} — план"
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "formgen", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def retyped(name: str, folder: Path, *edits: tuple[str, str], target: str | None = None) -> Path:
    """A copy of a shipped template with ``edits`` typed into its text."""
    with zipfile.ZipFile(TEMPLATES / name) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    for old, new in edits:
        assert old in xml, old
        xml = xml.replace(old, new, 1)
    parts["word/document.xml"] = xml.encode("utf-8")
    path = folder / (target or name)
    with zipfile.ZipFile(path, "w") as out:
        for part, data in parts.items():
            out.writestr(part, data)
    return path


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("own-templates")
    retyped("audit-report.docx", folder, ("{{ org.name }}", "{{ org.nmae }}"),
            ("{{ report.number }}", "{{ report.number }"))
    retyped("audit-plan.docx", folder, ("{{ row.unit }}", "{{ row.unti }}"),
            ("{{ org.name_genitive }}", "{{ org.name_genitive|upper }} {{ lead.initials }} {{ org.name ! }}"))
    retyped("confirmation-decision.docx", folder,
            ("{%p if not decision.positive %}", "{%p if not decision.positiv %}"),
            ("{%p endif %}", "{%p endfor %}"))
    retyped("notices.docx", folder, target="audit-reprot.docx")
    (folder / "wording.yaml").write_text(BAD_WORDING, encoding="utf-8")
    return folder


EXPECTED = [
    "audit-report.docx: абзац 2 «№ {{ report.number } от {{ report.date }}»: {{ report.number } от — "
    "не закрыто: после «{{» нужно «}}»",
    "audit-report.docx: абзац 3 «{{ org.nmae }}»: неизвестное поле «org.nmae»; возможно, «org.name» "
    "(поля формы: formgen templates fields audit-report)",
    "audit-plan.docx: таблица 3, строка 4, ячейка 2 «{{ row.unti }}»: неизвестное поле «row.unti»; "
    "возможно, «row.unit»",
    "«{{ org.name_genitive|upper }} {{ lead.initials }} {{ org.name ! }}»: неизвестное поле «lead»",
    "«{{ org.name_genitive|upper }} {{ lead.initials }} {{ org.name ! }}»: {{ org.name ! }} — "
    "недопустимый знак «!»",
    "confirmation-decision.docx: абзац 13 «{%p if not decision.positiv %}»: неизвестное поле "
    "«decision.positiv»; возможно, «decision.positive»",
    "«{%p endfor %}»: {%p endfor %} — «endfor» не на месте: сначала закройте «if» ({% endif %})",
    "«{%p if not decision.positiv %}»: {%p if not decision.positiv %} — команда «if» не закрыта: "
    "нужна {% endif %}",
    "audit-reprot.docx: такого шаблона нет, файл не будет использован; возможно, имелся в виду "
    "audit-report.docx",
    "wording.yaml:3: decision_verbs.issue.negativ: такой формулировки нет; возможно, "
    "decision_verbs.issue.negative",
    "wording.yaml:5: attachments.plan: неизвестная подстановка {num}; здесь можно: {number}",
]


def test_shipped_templates_pass_the_check(tmp_path):
    assert run("templates", "export", str(tmp_path)).returncode == 0
    assert (tmp_path / "wording.yaml").is_file()
    result = run("templates", "check", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"шаблоны в {tmp_path} в порядке (проверено файлов: 17)"


def test_check_reports_every_problem_of_every_file(broken):
    result = run("templates", "check", str(broken))
    assert result.returncode == 2
    err = result.stderr
    assert err.startswith(f"шаблоны в {broken} с ошибками (11), ничего не сформировано:")
    for line in EXPECTED:
        assert line in err, line
    assert "Traceback" not in err


def test_render_with_broken_templates_checks_first_and_writes_nothing(broken, tmp_path):
    out = tmp_path / "out"
    result = run("render", str(SAMPLES / "full-cycle.yaml"), "--templates", str(broken), "--out", str(out))
    assert result.returncode == 2
    for line in EXPECTED:
        assert line in result.stderr, line
    assert not out.exists()


def test_check_of_a_missing_folder_and_a_file_that_is_not_docx(tmp_path):
    missing = run("templates", "check", str(tmp_path / "нет"))
    assert missing.returncode == 2 and "папка шаблонов не найдена" in missing.stderr
    (tmp_path / "audit-report.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "notices.docx").write_text("не Word", encoding="utf-8")
    (tmp_path / "~$notices.docx").write_bytes(b"")  # Word's lock file is not a template
    result = run("templates", "check", str(tmp_path))
    assert result.returncode == 2
    assert ("audit-report.doc: шаблон должен быть в формате .docx — сохраните его в Word как "
            "«Документ Word (*.docx)» под именем audit-report.docx") in result.stderr
    assert "notices.docx: не читается как DOCX: это не документ Word" in result.stderr
    assert "~$notices" not in result.stderr


def test_wording_yaml_mistake_is_located(tmp_path):
    (tmp_path / "wording.yaml").write_text("attachments:\n  plan: [\n", encoding="utf-8")
    result = run("templates", "check", str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path / 'wording.yaml'}:3" in result.stderr and "ошибка синтаксиса" in result.stderr


def _texts(out: Path) -> dict[str, str]:
    return {p.name: flat(docx_text(p.read_bytes())) for p in sorted(out.glob("*.docx"))}


def test_exported_templates_and_wording_render_the_same_bytes(tmp_path):
    """Overriding with the exported copies changes nothing: the catalogue is the one the code used."""
    own = tmp_path / "own"
    assert run("templates", "export", str(own)).returncode == 0
    forms = "audit-report,confirmation-decision,nonconformity"
    plain, custom = tmp_path / "plain", tmp_path / "custom"
    case = str(SAMPLES / "full-cycle.yaml")
    assert run("render", case, "--form", forms, "--out", str(plain)).returncode == 0
    assert run("render", case, "--form", forms, "--out", str(custom), "--templates", str(own)).returncode == 0
    names = sorted(p.name for p in plain.glob("*.docx"))
    assert names and names == sorted(p.name for p in custom.glob("*.docx"))
    for name in names:
        assert (plain / name).read_bytes() == (custom / name).read_bytes(), name


def test_changed_wording_is_printed(tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "wording.yaml").write_text(
        "attachments:\n  plan: 'Приложение № {number}: план проведения аудита'\n"
        "decision_verbs:\n  confirm:\n    positive: продлить\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("render", str(SAMPLES / "full-cycle.yaml"), "--form", "audit-report,confirmation-decision",
                 "--out", str(out), "--templates", str(own))
    assert result.returncode == 0, result.stderr
    texts = _texts(out)
    act = texts["09-audit-report-stage2.docx"]
    assert "Приложение № 1: план проведения аудита" in act
    assert "Приложение 1 — план аудита" not in act
    assert "Приложения 2–4 — регистрация несоответствий № 1–3" in act  # entries not overridden stay
    decision = next(t for n, t in texts.items() if n.startswith("12-confirmation-decision"))
    assert "и принял решение: продлить действие сертификата соответствия" in decision


@pytest.mark.parametrize(("message", "expected"), [
    ("unexpected '}'", "лишнее «}» — проверьте скобки"),
    ("expected token 'end of print statement', got 'x'", "ожидалось конец поля «}}», а встретилось «x»"),
    ("Encountered unknown tag 'fi'.", "неизвестная команда «fi» (или она не на месте)"),
    ("Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. "
     "The innermost block that needs to be closed is 'if'.", "команда «if» не закрыта: нужна {% endif %}"),
    ("something new", "ошибка синтаксиса шаблона: something new"),
])
def test_jinja_messages_in_russian(message, expected):
    assert russian(message) == expected


def test_header_filters_and_set_are_checked(tmp_path):
    """A letterhead in the page header is a template too; filters and ``set`` names are known or not."""
    from docx import Document

    doc = Document(str(TEMPLATES / "mark-permission.docx"))
    header = doc.sections[0].header
    header.paragraphs[0].text = "{{ body.nmae }} · {{ body.name|uppr }}"
    doc.add_paragraph("{% set who = permission.signer %}{{ who.initials_surname }} {{ body.city|upper }}")
    doc.save(str(tmp_path / "mark-permission.docx"))
    result = run("templates", "check", str(tmp_path))
    assert result.returncode == 2
    err = result.stderr
    assert ("mark-permission.docx: верхний колонтитул, абзац 1 «{{ body.nmae }} · {{ body.name|uppr }}»: "
            "неизвестное поле «body.nmae»; возможно, «body.name»") in err
    assert "«{{ body.nmae }} · {{ body.name|uppr }}»: неизвестный фильтр «uppr»; возможно, «upper»" in err
    assert "who" not in err and "city" not in err
    assert err.startswith(f"шаблоны в {tmp_path} с ошибками (2)")

"""Page layout a clerk signs, checked on the PDFs LibreOffice makes (issue 7, point 6).

Every DOCX form of the three samples goes through one soffice batch (a module
fixture); the page texts come from ``pdftotext -layout``, one page at a time.
What is checked is what a clerk would correct by hand: a page that ends with a
section heading, a page holding nothing but captions, signatures, «м.п.» or a
date, the act's signatures split over two pages, and an application (Annex В)
ending on an orphan page.

Headings, captions and signature labels are read from the layouts the
templates are built from, so a new form is checked without a list to update.

The samples' lengths put each page break in one place only, so the act and
the application are also rendered with a growing text (``SWEEP``): the
break then walks over every block of their last pages, and a keep that
holds only for the samples' lengths fails here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from formgen.forms.produce import produce, select_forms
from formgen.forms.registry import FORMS
from tests.helpers import SAMPLES, flat, sample
from tools.templatebuilder import blocks as b

pytestmark = pytest.mark.soffice

SWEEP = range(0, 60, 4)  # extra lines of text (about one line per filler sentence)
_FILLER = "Дополнительная строка текста, чтобы сдвинуть разрыв страницы на одну строку вниз. "
_INITIALS = re.compile(r"^[А-ЯЁ]\. ?[А-ЯЁ]\. [А-ЯЁ][а-яё-]+$")
_DATE = re.compile(r"^Дата\b")


# -- what the layouts say -----------------------------------------------------------
def _walk(items):
    for block in items:
        yield block
        if isinstance(block, b.Columns):
            for column in block.columns:
                yield from _walk(column)


def _layout_blocks():
    import importlib
    import pkgutil

    from tools.templatebuilder import layouts

    for info in pkgutil.iter_modules(layouts.__path__):
        yield from _walk(importlib.import_module(f"{layouts.__name__}.{info.name}").LAYOUT.blocks)


def _plain_lines(text: str) -> list[str]:
    """The lines of a layout text without a Jinja expression (what prints as written)."""
    return [flat(x) for x in text.split("\n") if x.strip() and "{" not in x]


HEADINGS: set[str] = set()
SIGNING: set[str] = {"подпись", "инициалы, фамилия", "дата", "м.п."}
for _block in _layout_blocks():
    if isinstance(_block, b.Heading) or (isinstance(_block, b.Line) and _block.bold):
        HEADINGS.update(_plain_lines(_block.text))
    if isinstance(_block, (b.Blank, b.Field)) and _block.caption:
        SIGNING.update(_plain_lines(_block.caption))
    if isinstance(_block, b.Signatures):
        for _sig in _block.rows:
            SIGNING.update(_plain_lines(_sig.label) + _plain_lines(_sig.label_caption))


def _signing_matter(line: str) -> bool:
    """A caption, a signature label or name, «м.п.» or a date — nothing a page may hold alone."""
    cells = [c for c in re.split(r"\s{2,}", line.strip()) if c]
    return all(c in SIGNING or _INITIALS.match(c) or _DATE.match(c) for c in cells)


# -- the PDFs -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pages() -> dict[str, list[list[str]]]:
    """``{sample--form.pdf: [lines of page 1, lines of page 2, …]}`` for every DOCX form."""
    from formgen.render.convert import docx_to_pdf, soffice_path

    if soffice_path() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    forms = select_forms(",".join(f.slug for f in FORMS if f.output == "docx"))
    docs = {}
    for path in sorted(SAMPLES.glob("*.yaml")):
        for doc in produce(sample(path.name), forms, ["ru"]):
            docs[f"{path.stem}--{Path(doc.path).name}"] = doc.data
    docs.update(_sweep())
    pdfs = docx_to_pdf(docs)
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in sorted(pdfs.items()):
            file = Path(tmp) / name
            file.write_bytes(data)
            text = subprocess.run(["pdftotext", "-layout", str(file), "-"], capture_output=True,
                                  text=True, check=True).stdout
            result[name] = [[x.strip() for x in page.splitlines() if x.strip()]
                            for page in text.split("\f") if page.strip()]
    assert len(result) == len(docs)
    return result


def _sweep() -> dict[str, bytes]:
    """The act (stage 2) and the application of the full cycle, each text longer by k lines."""
    from tests.helpers import with_audit

    case = sample("full-cycle.yaml")
    report = case.audit("stage2").report
    docs = {}
    for k in SWEEP:
        longer = report.model_copy(update={"results": f"{report.results} {_FILLER * k}"})
        for doc in produce(with_audit(case, "stage2", report=longer), select_forms("audit-report"),
                           ["ru"]):
            if "stage2" in doc.path:
                docs[f"sweep{k:02d}--{Path(doc.path).name}"] = doc.data
        org = case.organisation.model_copy(
            update={"processes": f"{case.organisation.processes} {_FILLER * k}"})
        (doc,) = produce(case.model_copy(update={"organisation": org}), select_forms("application"),
                         ["ru"])
        docs[f"sweep{k:02d}--{Path(doc.path).name}"] = doc.data
    return docs


def _each_page(pages):
    for name, doc in pages.items():
        for number, lines in enumerate(doc, 1):
            yield f"{name}, стр. {number}", lines, number == len(doc)


def test_layouts_name_headings_and_captions():
    """The checks below read real headings and captions (a broken walk would pass everything)."""
    assert {"7 ТРЕБОВАНИЯ КОНФИДЕНЦИАЛЬНОСТИ", "Общие сведения об организации",
            "9 ДОПОЛНИТЕЛЬНЫЕ СВЕДЕНИЯ (при необходимости)"} <= HEADINGS
    assert {"тел./факс, e-mail", "наименование органа по сертификации", "Главный бухгалтер"} <= SIGNING
    assert _signing_matter("подпись                   инициалы, фамилия")
    assert _signing_matter("Дата «20» января 2025 г.") and _signing_matter("И. Г. Полякова")
    assert not _signing_matter("Обязательства:")


def test_no_page_ends_with_a_heading(pages):
    ending = [(where, lines[-1]) for where, lines, last in _each_page(pages)
              if not last and flat(lines[-1]) in HEADINGS]
    assert ending == []


def test_no_page_holds_only_captions_signatures_stamp_or_date(pages):
    alone = [where for where, lines, _ in _each_page(pages) if all(map(_signing_matter, lines))]
    assert alone == []


def test_no_page_starts_with_a_stamp_or_date(pages):
    """«м.п.» and the date stay with the signatures above them."""
    starting = [(where, lines[0]) for where, lines, _ in _each_page(pages)
                if lines[0] == "м.п." or _DATE.match(lines[0])]
    assert starting == []


def test_the_acts_signatures_are_on_one_page(pages):
    order = re.compile(r"Руководитель аудиторской группы .*наименование органа по сертификации"
                       r".*Члены комиссии: .*С актом ознакомлен: .*Руководитель проверяемой организации"
                       r".*Дата .*Город .*Приложени[яе] к акту:")
    acts = {name: doc for name, doc in pages.items() if "audit-report" in name}
    assert len(acts) >= 10 + len(SWEEP)
    split = [name for name, doc in acts.items()
             if not any(order.search(flat(" ".join(lines))) for lines in doc)]
    assert split == []


def test_application_has_no_orphan_page(pages):
    """В: the obligations, both signatures, «м.п.», the date and the contact on one page,
    and no page of a few lines."""
    applications = {name: doc for name, doc in pages.items() if "application.pdf" in name
                    and "review" not in name}
    assert len(applications) == 3 + len(SWEEP)
    for name, doc in applications.items():
        assert name.startswith("sweep") or len(doc) <= 3, name
        assert min(len(lines) for lines in doc) >= 12, name
        last = flat(" ".join(doc[-1]))
        assert re.search(r"Обязательства: .*Руководитель организации .*Главный бухгалтер .*м\.п\. "
                         r"Дата «\d+» [а-я]+ \d{4} г\. .*тел\./факс, e-mail$", last), (name, last)

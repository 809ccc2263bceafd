"""Forms state the organisation as it stood on their own date (issue 7, 1).

samples/scope-change.yaml: the «Мигалово» site enters the scope by the
extension of 16.12.2024, «Полигон № 2» closes on 01.03.2025; the head of the
organisation changes in a dated ``organisation.changes`` entry added here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from formgen.case.model.parties import Organisation
from formgen.forms.context.decisions import build_decision
from tests.helpers import docx_text, flat, render_form, sample

MIGALOVO = "Бетонно-растворный узел «Мигалово»"
POLIGON = "Полигон № 2"
HEADER = "деятельность которых включена в область сертификации"


@pytest.fixture(scope="module")
def case():
    return sample("scope-change.yaml")


def _text(case, slug: str, part: str = "") -> str:
    docs = [d for d in render_form(case, slug) if part in d.path]
    return flat(docx_text(docs[0].data))


def test_application_lists_the_sites_of_its_date(case):
    text = _text(case, "application")
    assert POLIGON in text  # closed only in 2025
    assert MIGALOVO not in text  # added by the extension of December 2024
    assert "Склад готовой продукции" in text


def test_site_out_of_scope_is_never_listed_as_included(case):
    branches = [b.model_copy(update={"in_scope": False}) if b.name.startswith("Склад") else b
                for b in case.organisation.branches]
    changed = case.model_copy(update={"organisation": case.organisation.model_copy(
        update={"branches": branches})})
    text = _text(changed, "application")
    assert HEADER in text
    assert "Склад готовой продукции" not in text
    assert POLIGON in text


def test_a_later_head_of_the_organisation_signs_only_later_documents(case):
    change = Organisation.model_fields["changes"].annotation.__args__[0]
    new_head = {"date": dt.date(2024, 10, 1), "head": {"name": "Сазонов Виктор Николаевич",
                                                      "position": "Управляющий"}}
    org = case.organisation.model_copy(update={"changes": [change.model_validate(new_head)]})
    changed = case.model_copy(update={"organisation": org})
    application = _text(changed, "application")
    assert "В лице генерального директора Смирнова Алексея Юрьевича" in application
    later = build_decision(changed, changed.decision("Р-142/2024"))["org"]["head"]
    assert later["genitive_position_name"] == "управляющего Сазонова Виктора Николаевича"
    assert later["position_dative"] == "Управляющему"
    notice = _text(changed, "acceptance-notice")
    assert "Генеральному директору" in notice  # February 2024: the head before the change

"""A case file's certificate → CertificateData (ru, en, de) and its PDFs."""

from __future__ import annotations

import pytest

from formgen.case.history import sites_at
from formgen.case.load import load_case
from formgen.errors import InputError
from formgen.forms.certificate_data import (
    case_jobs,
    certificate_data_from_case,
    render_case_certificate_pdf,
    render_case_certificates,
)
from tests.certificate_support import ROOT, page_texts

CASE = ROOT / "samples" / "full-cycle.yaml"


@pytest.fixture(scope="module")
def loaded():
    return load_case(CASE)


def _with_certificate(case, **changes):
    certificate = case.certificates[-1].model_copy(update=changes)
    return case.model_copy(update={"certificates": [certificate]}), certificate


def test_russian_and_english_data_come_from_the_case(loaded):
    case = loaded.case
    certificate = case.certificates[-1]
    ru = certificate_data_from_case(case, certificate, "ru")
    en = certificate_data_from_case(case, certificate, "en")
    assert ru.holder_name == case.organisation.name
    assert en.holder_name == case.organisation.name_en
    assert en.holder_address == case.organisation.legal_address_en
    assert en.scope == case.certificate_scope(certificate, "en")
    assert ru.number == en.number == certificate.number
    assert en.registration_date == certificate.registered
    assert en.valid_until == case.valid_until(certificate)
    in_scope = sites_at(case, certificate.registered)
    assert len(en.sites) == len(in_scope)
    assert en.sites[0].name == in_scope[0].name_en
    assert en.standard.startswith("GOST R ISO 14001")
    assert ru.head.printed("ru").endswith(case.body.head.surname)


def test_final_foreign_certificate_names_every_missing_translation(loaded):
    case = loaded.case
    organisation = case.organisation.model_copy(update={"name_en": None})
    broken = case.model_copy(update={"organisation": organisation})
    with pytest.raises(InputError) as caught:
        certificate_data_from_case(broken, broken.certificates[-1], "en")
    assert "organisation.name_en" in str(caught.value)
    draft = certificate_data_from_case(broken, broken.certificates[-1], "en", draft=True)
    assert draft.holder_name.startswith("Aktsionernoe obshchestvo")


def test_german_falls_back_to_english_names_but_not_to_russian_text(loaded):
    case = loaded.case
    branches = [b.model_copy(update={"activities_de": None, "name_de": None})
                for b in case.organisation.branches]
    organisation = case.organisation.model_copy(update={"branches": branches})
    case = case.model_copy(update={"organisation": organisation})
    with pytest.raises(InputError, match=r"organisation\.branches\[0\]\.activities_de"):
        certificate_data_from_case(case, case.certificates[-1], "de")
    data = certificate_data_from_case(case, case.certificates[-1], "de", draft=True)
    assert data.sites[0].name == branches[0].name_en  # a name may be the English one


def test_chairman_defaults_to_the_lead_auditor_and_a_deputy_is_titled(loaded):
    case, certificate = _with_certificate(loaded.case, chairman=None, signed_by="belova")
    decision = case.decision(certificate.decision)
    lead = case.body.person(case.audit(decision.audit).lead)
    ru = certificate_data_from_case(case, certificate, "ru")
    en = certificate_data_from_case(case, certificate, "en")
    assert ru.chairman.surname == lead.surname
    assert ru.head.surname == "Белова" and ru.head_title.startswith("Заместитель руководителя")
    assert en.head_title == "Deputy Head of the Certification Body"


def test_render_case_certificates_returns_a_pdf_per_language_or_one_draft(loaded):
    case = loaded.case
    certificate = case.certificates[-1]
    finals = render_case_certificates(case, certificate, ["ru", "en"])
    assert [lang for lang, _ in finals] == ["ru", "en"]
    assert "CERTIFICATE OF CONFORMITY" in page_texts(finals[1][1])[0]
    (draft,) = render_case_certificates(case, certificate, ["ru", "en"], draft=True)
    assert draft[0] == "ru+en"
    texts = page_texts(draft[1])
    assert all("ПРОЕКТ" in t for t in texts)
    assert any("СЕРТИФИКАТ СООТВЕТСТВИЯ" in t for t in texts)
    assert any("CERTIFICATE OF CONFORMITY" in t for t in texts)


def test_render_case_certificate_pdf_and_case_jobs(tmp_path, loaded):
    path = tmp_path / "c.pdf"
    pages = render_case_certificate_pdf(loaded.case, path, ["ru", "en"], draft=True)
    assert pages == len(page_texts(path)) >= 2
    (job,) = case_jobs(loaded, ["ru", "en"])
    assert [v.lang for v in job.versions] == ["ru", "en"]
    assert job.label.startswith("full-cycle.yaml")


def test_a_certificate_lists_only_its_own_sites(loaded):
    second = loaded.case.organisation.branches[1]
    case, certificate = _with_certificate(loaded.case, sites=[second.name])
    en = certificate_data_from_case(case, certificate, "en")
    assert [s.name for s in en.sites] == [second.name_en]

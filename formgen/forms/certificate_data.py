"""A case's certificate → ``CertificateData`` for each language, and the PDFs.

The certificate renderer knows nothing of cases; this module resolves a
certificate entry of a case (with its body, organisation, decision and audit
team) into the plain, language-resolved data of Annex Р. The same rules of
translation serve the register table (``formgen.registertable``):

* Russian text is the case's own;
* English and German text comes from the ``_en`` / ``_de`` fields; German may
  fall back to the English name and address of an organisation (names are
  often used in English abroad), never to a Russian text;
* a final certificate refuses a missing translation and names the field
  (ГОСТ Р 54298-2010, section 14: documents in English or German are the
  body's documents, not transliterations); a draft (``--draft``), which is
  sent to the client precisely to agree the wording, transliterates names
  and addresses and keeps the Russian scope so the gap is visible;
* names of people are transliterated (ICAO Doc 9303) when no Latin spelling
  is given — that is how Russian names are written abroad anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from formgen.case.history import certificate_sites, status_at
from formgen.case.model import Body, Case, Certificate, Person
from formgen.errors import InputError, RenderError
from formgen.languages import ANNEX_BY_LANG
from formgen.render.certificate.data import CertificateData, PersonName, Site
from formgen.render.certificate.errors import CertificateError
from formgen.render.certificate.status import NotInForceError, StatusNote
from formgen.render.certificate.wording import wording
from formgen.text.filenames import safe_stem
from formgen.text.names import transliterate

__all__ = [
    "ANNEX_BY_LANG",
    "Translations",
    "case_jobs",
    "certificate_data_from_case",
    "certificate_job",
    "certificate_status",
    "current_certificates",
    "logo_base_dir",
    "no_longer_in_force",
    "person_name",
    "render_case_certificate_pdf",
    "render_case_certificates",
    "to_latin",
]

# Russian is Annex П; the English form of Annex С also serves German (section 14).
_LANG_WORD = {"en": "английском", "de": "немецком"}


class Translations:
    """Picks the text of a field for a language and collects what is missing.

    ``pick(path, ru, {"en": …, "de": …}, kind)`` returns the text to print;
    ``kind`` is "name" (may fall back to English for German, transliterated
    in drafts), "text" (a sentence: no fallback but the Russian original in
    drafts) or "optional" (empty when missing — never English on a German
    page: a short name or a system name left out reads better than a foreign
    language; the full name stands in for a missing short name).
    """

    def __init__(self, lang: str, draft: bool):
        self.lang = lang
        self.draft = draft
        self.problems: list[tuple[str, str]] = []

    def pick(self, path: str, ru: str | None, foreign: dict[str, str | None], kind: str) -> str:
        ru = ru or ""
        if self.lang == "ru":
            return ru
        value = foreign.get(self.lang)
        if value:
            return value
        if kind == "name" and self.lang == "de" and foreign.get("en"):
            return foreign["en"] or ""
        if kind == "optional" or not ru:
            return ""
        if self.draft:
            return to_latin(ru) if kind == "name" else ru
        self.problems.append(
            (f"{path}_{self.lang}",
             f"нужно для сертификата на {_LANG_WORD[self.lang]} языке (в проекте --draft "
             "можно без перевода)")
        )
        return ""

    def raise_if_any(self, prefix: str = "") -> None:
        if self.problems:
            lines = [f"{prefix}{path}: {message}" for path, message in self.problems]
            raise InputError("\n".join(lines))


def to_latin(text: str) -> str:
    """A draft's stand-in for a missing Latin name: ICAO transliteration, plain quotes."""
    text = text.replace("«", '"').replace("»", '"').replace("„", '"').replace("“", '"')
    return transliterate(text).replace("№", "No.")


def person_name(person: Person) -> PersonName:
    """The case model's person as the certificate prints it (fields 11, 12)."""
    return PersonName(
        surname=person.surname,
        given_name=person.given_name,
        patronymic=person.patronymic or "",
        surname_latin=person.surname_latin or "",
        given_name_latin=person.given_name_latin or "",
    )


def _path(value: str | None, base_dir: Path | None) -> Path | None:
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() or base_dir is None else base_dir / path


def body_fields(body: Body, t: Translations, base_dir: Path | None = None,
                prefix: str = "body") -> dict:
    """The ``CertificateData`` keyword arguments of fields 1–3 and the QR pattern."""
    lang = t.lang
    return {
        "body_name": t.pick(f"{prefix}.name", body.name,
                            {"en": body.name_en, "de": body.name_de}, "name"),
        "body_short_name": t.pick(f"{prefix}.short_name", body.short_name,
                                  {"en": body.short_name_en, "de": body.short_name_de},
                                  "optional"),
        "body_address": t.pick(f"{prefix}.address", body.address,
                               {"en": body.address_en, "de": body.address_de}, "name"),
        "body_registration_number": body.registration_number or "",
        "body_logo": _path(body.logo, base_dir),
        "accreditation_logo": _path(body.accreditation.logo, base_dir),
        "system_name": t.pick(f"{prefix}.system.name", body.system.name,
                              {"en": body.system.name_en, "de": body.system.name_de},
                              "optional"),
        "standard": body.standard if lang == "ru" else (body.standard_en or ""),
        "verification_url": body.verification_url or "",
    }


def _signatories(case: Case, certificate: Certificate, where: str) -> tuple[Person, Person, bool]:
    """(head or deputy who signs, chairman of the commission, signer is not the head)."""
    body = case.body
    try:
        signer = body.person(certificate.signed_by)
    except KeyError:
        raise InputError(f"{where}.signed_by: нет сотрудника «{certificate.signed_by}»") from None
    deputy = signer is not body.head
    chairman_id = certificate.chairman
    if chairman_id is None:
        try:
            decision = case.decision(certificate.decision)
            chairman_id = case.audit(decision.audit).lead
        except KeyError:
            chairman_id = None
    if chairman_id is None:
        raise InputError(
            f"{where}.chairman: не указан председатель комиссии (поле 12), и у аудита решения "
            f"«{certificate.decision}» нет руководителя группы (lead_auditor)"
        )
    try:
        chairman = body.person(chairman_id)
    except KeyError:
        raise InputError(f"{where}.chairman: нет сотрудника «{chairman_id}»") from None
    return signer, chairman, deputy


def _where(case: Case, certificate: Certificate) -> str:
    for i, entry in enumerate(case.certificates):
        if entry is certificate:
            return f"certificates[{i}]"
    return "certificates"


def certificate_data_from_case(
    case: Case,
    certificate: Certificate,
    lang: str,
    *,
    draft: bool = False,
    base_dir: str | Path | None = None,
    status: StatusNote | None = None,
) -> CertificateData:
    """One language version of a case's certificate.

    ``status``, when the certificate is not in force, makes it an archive copy
    whose every page carries the status mark.

    ``base_dir`` resolves relative logo paths (the folder of the body
    profile). Raises ``InputError`` naming every missing field path (e.g.
    ``organisation.name_en``) when a final en/de certificate lacks a
    translation.
    """
    if lang not in ANNEX_BY_LANG:
        raise InputError(f"язык сертификата «{lang}» не поддерживается: ru, en, de")
    where = _where(case, certificate)
    t = Translations(lang, draft)
    base = Path(base_dir) if base_dir is not None else None
    org = case.organisation
    signer, chairman, deputy = _signatories(case, certificate, where)
    sites = []
    index = {id(branch): i for i, branch in enumerate(org.branches)}
    for site in certificate_sites(case, certificate):  # its own list, else those in scope then
        path = f"organisation.branches[{index[id(site)]}]"
        sites.append(Site(
            name=t.pick(f"{path}.name", site.name, {"en": site.name_en, "de": site.name_de},
                        "name"),
            address=t.pick(f"{path}.address", site.address,
                           {"en": site.address_en, "de": site.address_de}, "name"),
            scope=t.pick(f"{path}.activities", site.activities,
                         {"en": site.activities_en, "de": site.activities_de}, "text"),
        ))
    scope_path = f"{where}.scope" if certificate.scope else "application.scope"
    data = dict(
        lang=lang,
        **body_fields(case.body, t, base),
        number=certificate.number,
        issue=certificate.issue,
        first_certified_year=certificate.first_certified_year,
        holder_name=t.pick("organisation.name", org.name,
                           {"en": org.name_en, "de": org.name_de}, "name"),
        holder_address=t.pick("organisation.legal_address", org.legal_address,
                              {"en": org.legal_address_en, "de": org.legal_address_de}, "name"),
        sites=tuple(sites),
        scope=t.pick(scope_path, case.certificate_scope(certificate, "ru"),
                     {x: case.certificate_scope(certificate, x) for x in ("en", "de")}, "text"),
        registration_number=certificate.reg_number,
        registration_date=certificate.registered,
        valid_until=case.valid_until(certificate),
        head=person_name(signer),
        head_title=((signer.position or wording("ru").deputy_head) if lang == "ru"
                    else wording(lang).deputy_head) if deputy else "",
        chairman=person_name(chairman),
        register_number=certificate.register_number or "",
        status_mark=status.mark(lang) if status is not None and not status.in_force else "",
    )
    if lang == "ru":
        data["standard"] = case.standard
    elif case.standard != case.body.standard or not case.body.standard_en:
        data["standard"] = to_latin(case.standard)  # ГОСТ Р ИСО 14001-2016 → GOST R ISO 14001-2016
    t.raise_if_any()
    try:
        return CertificateData(**data)
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None


def _pick_certificate(case: Case, certificate: Certificate | str | None) -> Certificate:
    if isinstance(certificate, Certificate):
        return certificate
    if not case.certificates:
        raise InputError("certificates: в деле нет ни одного сертификата")
    if certificate is None:
        return case.certificates[-1]
    try:
        return case.certificate(certificate)
    except KeyError:
        raise InputError(f"certificates: нет сертификата № {certificate}") from None


def render_case_certificates(
    case: Case,
    certificate: Certificate | str | None,
    langs: Sequence[str],
    *,
    draft: bool = False,
    blank: bool = False,
    font: str | None = None,
    base_dir: str | Path | None = None,
    at: dt.date | None = None,
) -> list[tuple[str, bytes]]:
    """PDF bytes of one certificate of a case: ``[(lang, pdf), …]`` per language.

    A certificate not in force on ``at`` (default today) comes out as an
    archive copy with its status on every page; a draft of it is refused
    (``NotInForceError``): a draft is the wording to agree, never an old one.

    With ``draft`` the languages go into one PDF, page after page, returned
    once as ``("ru+en", pdf)``. ``certificate`` is the entry, its number, or
    ``None`` for the case's last certificate. Raises ``InputError`` for
    missing data and ``RenderError`` when a certificate cannot be drawn.
    """
    import tempfile

    from formgen.render.certificate.batch import render_certificate_pdf

    entry = _pick_certificate(case, certificate)
    day = at or dt.date.today()
    status = certificate_status(case, entry, day)
    if draft and not status.in_force:
        raise NotInForceError(status.refusal(entry.number, day, draft=True))
    versions = [certificate_data_from_case(case, entry, lang, draft=draft, base_dir=base_dir,
                                           status=status)
                for lang in langs]
    groups = [("+".join(langs), versions)] if draft else [(v.lang, [v]) for v in versions]
    out: list[tuple[str, bytes]] = []
    with tempfile.TemporaryDirectory(prefix="formgen-cert-") as tmp:
        for key, group in groups:
            target = Path(tmp) / f"{key}.pdf"
            try:
                render_certificate_pdf(group, target, draft=draft, blank=blank, font=font,
                                       siblings=[v for v in versions if v not in group])
            except CertificateError as exc:
                raise RenderError(f"сертификат № {entry.number}: {exc}") from None
            out.append((key, target.read_bytes()))
    return out


def render_case_certificate_pdf(
    case: Case,
    path: str | Path,
    langs: Sequence[str] = ("ru",),
    *,
    certificate: Certificate | str | None = None,
    draft: bool = False,
    blank: bool = False,
    font: str | None = None,
    base_dir: str | Path | None = None,
) -> int:
    """Write one certificate of a case, all ``langs`` page after page, to ``path``.

    Returns the number of pages.
    """
    from formgen.render.certificate.batch import render_certificate_pdf

    entry = _pick_certificate(case, certificate)
    versions = [certificate_data_from_case(case, entry, lang, draft=draft, base_dir=base_dir)
                for lang in langs]
    try:
        return render_certificate_pdf(versions, path, draft=draft, blank=blank, font=font)
    except CertificateError as exc:
        raise RenderError(f"сертификат № {entry.number}: {exc}") from None


def logo_base_dir(loaded) -> Path:
    """The folder relative logo paths of a loaded case are meant from: the body profile's.

    ``render_case_certificates(..., base_dir=logo_base_dir(loaded))``.
    """
    return Path(loaded.where(("body", "logo"))[0]).resolve().parent


def certificate_status(case: Case, certificate: Certificate, day: dt.date) -> StatusNote:
    """The certificate's status on ``day`` as ``formgen.case.history`` decides it, with the
    number and date of the decision that set it."""
    period = status_at(case, certificate, day)
    decision_date = None
    if period.decision:
        decision_date = next((x.date for x in case.decisions if x.number == period.decision), None)
    return StatusNote(period.status, period.start, period.decision or "", decision_date,
                      period.by_certificate or "")


def no_longer_in_force(case: Case, day: dt.date) -> list[tuple[Certificate, StatusNote]]:
    """Certificates of the case registered by ``day`` and not in force on it, with their status."""
    found = []
    for entry in case.certificates:
        status = certificate_status(case, entry, day)
        if status.status not in {"active", "pending"}:
            found.append((entry, status))
    return found


def current_certificates(case: Case, day: dt.date | None = None) -> list[Certificate]:
    """The case's certificates of ``day`` (default today): registered by then and not replaced.

    When none is registered yet, the last one (it is then refused as not yet in force).
    """
    day = day or dt.date.today()
    found = [c for c in case.certificates
             if status_at(case, c, day).status not in {"replaced", "pending"}]
    return found or case.certificates[-1:]


def case_jobs(loaded, langs: Sequence[str], *, draft: bool = False, at: dt.date | None = None,
              archive: bool = False) -> list:
    """A loaded case file's certificates as batch jobs (``formgen certificates``).

    Without ``archive``: the certificates of the date ``at`` (default today),
    each refused (a ``JobFailure`` naming its status and decision) unless in
    force. With ``archive``: every certificate of the case, those not in force
    marked with their status on every page. A draft is never made of one not
    in force. Logo paths are resolved from the file that defined them (the
    body profile a case includes), so the same profile works from any case
    folder.
    """

    case = loaded.case
    day = at or dt.date.today()
    base_dir = logo_base_dir(loaded)
    return [certificate_job(case, entry, langs, f"{loaded.path.name}: сертификат № {entry.number}",
                            draft=draft, day=day, archive=archive, base_dir=base_dir)
            for entry in (case.certificates if archive else current_certificates(case, day))]


def certificate_job(case: Case, entry: Certificate, langs: Sequence[str], label: str, *,
                    draft: bool, day: dt.date, archive: bool, base_dir: Path | None = None):
    """One certificate of a case as a batch job, or the ``JobFailure`` that refuses it.

    The one rule of ``formgen certificates`` and of the desk's batch printing:
    a certificate not in force on ``day`` is refused (naming its status and
    decision) unless ``archive`` asks for a marked archive copy; never as a draft.
    """
    from formgen.render.certificate.batch import CertificateJob, JobFailure

    status = certificate_status(case, entry, day)
    if not status.in_force and (draft or not archive):
        return JobFailure(label, status.refusal(entry.number, day, draft=draft))
    try:
        versions = tuple(
            certificate_data_from_case(case, entry, lang, draft=draft, base_dir=base_dir,
                                       status=status)
            for lang in langs
        )
    except InputError as exc:
        return JobFailure(label, str(exc).replace("\n", "; "))
    return CertificateJob(label, versions, safe_stem(entry.number, "certificate"))

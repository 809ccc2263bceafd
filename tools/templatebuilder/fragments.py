"""Pieces of layout that several forms print alike, as functions returning blocks.

The standard's decision forms (Annexes Н, Ф, Х, Ц, Ш, Э and the mark
permission Щ) open and close the same way, and the audit forms (И, К, Л, М, Е)
share their sections and signature lines. Writing each piece once keeps the
forms' wording the same wherever the standard's is; parameters cover the
places where the standard itself words a form differently.

This module lives outside ``layouts/``: every module in that package is built
as a form.
"""

from __future__ import annotations

from tools.templatebuilder.blocks import Blank, Column, Field, Heading, Line, Sig, Signatures, Spacer, Table

SCOPE_CAPTION = "область применения СЭМ (область сертификации)"
HOLDER_CAPTION = "наименование организации - держателя сертификата"
NEGATIVE_REASON = "Основание для отрицательного решения"


def _var(name: str) -> str:
    return "{{ " + name + " }}"


# -- decisions and the mark permission --------------------------------------------------
def numbered_title(heading: str, number: str = "№ {{ decision.number }}") -> list:
    """The form's title and its number centred under it."""
    return [Heading(heading), Line(number, align="center")]


def certification_body() -> list:
    """«Орган по сертификации систем экологического менеджмента» and the body's name."""
    return [
        Line("Орган по сертификации систем экологического менеджмента", space_before=8),
        Blank("{{ body.name }}", "наименование органа по сертификации"),
    ]


def act_considered(audit: str = "{{ decision.audit_result }}") -> list:
    """«рассмотрел акт № … от … по результатам ``audit`` системы экологического менеджмента».

    ``audit`` names what the act reports on: the kind of audit from the case
    (the default), or the plain «аудита» of the scope decisions (Ц, Ш).
    """
    return [
        Line("рассмотрел акт № {{ decision.act_number }} от {{ decision.act_date }} по результатам "
             f"{audit} системы экологического менеджмента", space_before=4),
    ]


def holder(city: bool = True) -> list:
    """The certificate holder on its blank, with its city unless the form asks for the name alone (Ф)."""
    # It follows «по результатам аудита системы экологического менеджмента»: whose system.
    if city:
        return [Blank("{{ org.name_city_genitive }}", f"{HOLDER_CAPTION}, город")]
    return [Blank("{{ org.name_genitive }}", HOLDER_CAPTION)]


def against_standard(scope: str | None = None) -> list:
    """«на соответствие требованиям {{ standard }}», with ``scope`` «применительно к» it if given."""
    if scope is None:
        return [Line("на соответствие требованиям {{ standard }}", space_before=4)]
    return [
        Line("на соответствие требованиям {{ standard }} применительно к", space_before=4),
        Blank(scope, SCOPE_CAPTION),
    ]


def negative_reason(colon: bool = False, caption: bool = True) -> list:
    """The reason of a refusal, on a blank filled only when the decision is negative.

    The standard prints the label without a colon on some forms (Н) and with
    one on others (Ц, Ш): ``colon`` keeps each form as printed. Inside the
    negative branch of a form (``caption=False``) the blank is always filled,
    so it drops the hand-fill caption and runs flush left.
    """
    if not caption:
        return [
            Line(NEGATIVE_REASON + (":" if colon else ""), space_before=4),
            Blank("{{ decision.negative_reason }}", align="left"),
        ]
    return [
        Line(NEGATIVE_REASON + (":" if colon else ""), space_before=4),
        Blank("{{ decision.negative_reason }}", "заполняется при отрицательном решении"),
    ]


def decision_grounds() -> list:
    """«Основание решения» of a positive scope decision (Ц, Ш), printed when the case gives one."""
    return [
        Line("{%p if decision.reason %}"),
        Line("Основание решения:", space_before=4),
        Blank("{{ decision.reason }}", align="left"),
        Line("{%p endif %}"),
    ]


def decision_basis(colon: bool = False) -> list:
    """The grounds of a suspension (Х) or a withdrawal (Э), under the same label as a refusal's.

    These decisions always have grounds, so the blank has no caption and the
    text runs flush left.
    """
    return [
        Line(NEGATIVE_REASON + (":" if colon else ""), space_before=4),
        Blank("{{ decision.basis }}", align="left"),
    ]


def head_signature(subject: str = "decision") -> list:
    """The head of the body (or the deputy) signs, with the stamp and the date of ``subject``."""
    return [
        Spacer(18),
        Signatures(
            [Sig(_var(f"{subject}.signer_title"), _var(f"{subject}.signer.initials_surname"))],
            stamp=True,
            date=_var(f"{subject}.date"),
        ),
    ]


# -- audit forms ------------------------------------------------------------------------
def section(title: str, value: str, caption: str = "", *, align: str = "left", space_before: int,
            keep: bool = False) -> list:
    """A numbered section of the plan or the act: its bold title and its value on a blank
    (``keep``: on the page of the block after it)."""
    return [Line(title, bold=True, space_before=space_before), Blank(value, caption, align=align, keep=keep)]


def audit_particulars(space_before: int) -> list:
    """Sections 2–5 of the audit plan (И) and of the act (М): basis, dates, team, criteria."""
    return [
        *section("2 ОСНОВАНИЕ", "{{ audit.basis }}", "заявка, договор и пр.", space_before=space_before),
        *section("3 СРОКИ ПРОВЕДЕНИЯ АУДИТА", "{{ audit.period }}", space_before=space_before),
        *section("4 СОСТАВ АУДИТОРСКОЙ ГРУППЫ", "{{ audit.team_lines }}", space_before=space_before),
        *section("5 НОРМАТИВНАЯ БАЗА АУДИТА", "{{ audit.criteria_lines }}", space_before=space_before),
    ]


def certification_system() -> list:
    """The top of the act's registers (К, Л): the voluntary certification system's name."""
    return [
        Line("Система добровольной сертификации", align="center"),
        Blank("{{ body.system_title }}", "наименование системы сертификации СЭМ"),
    ]


def act_fields(label_mm: int) -> list:
    """The audited organisation and the number and date of the act a register belongs to."""
    return [
        Field("Наименование проверяемой организации:", "{{ org.name }}", label_mm=label_mm),
        Field("Номер акта", "{{ audit.act_number }}", label_mm=label_mm),
        Field("Дата", "{{ audit.act_date }}", label_mm=label_mm),
    ]


def register_table(columns: list[Column], items: str) -> Table:
    """A register's table (objects of the plan, notices): columns numbered under the header,
    11 pt, no row split across pages."""
    return Table(columns=columns, items=items, numbers_row=True, keep_rows=True, size=11)


def lead_auditor() -> Sig:
    """The lead auditor's signature line."""
    return Sig("Руководитель аудиторской группы", "{{ audit.lead.initials_surname }}")


def members_signatures() -> Signatures:
    """One signature line per member of the team besides the lead, each under the member's role."""
    return Signatures([Sig("{{ m.role }}", "{{ m.initials_surname }}")], items="audit.members", var="m")

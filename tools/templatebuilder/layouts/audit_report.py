"""Annex М: акт по результатам аудита системы экологического менеджмента (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Columns, Field, Heading, Layout, Line, Sig, Signatures
from tools.templatebuilder.fragments import SCOPE_CAPTION, audit_particulars, members_signatures, section

TITLE = "Акт по результатам аудита системы экологического менеджмента"

_SECTION = 6

LAYOUT = Layout(
    blocks=[
        Heading("АКТ ПО РЕЗУЛЬТАТАМ АУДИТА СИСТЕМЫ ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА\n"
                "НА СООТВЕТСТВИЕ ТРЕБОВАНИЯМ\n{{ standard }}"),
        Line("№ {{ report.number }} от {{ report.date }}", align="center"),
        Blank("{{ org.name }}", "наименование организации-заказчика (держателя сертификата)"),
        Line("1 ЦЕЛЬ И ОБЛАСТЬ АУДИТА", bold=True, space_before=_SECTION),
        Line("{{ audit.purpose_line }} системы экологического менеджмента (СЭМ)"),
        Blank("{{ org.name_genitive }}", "наименование организации-заказчика (держателя сертификата)"),
        Line("применительно к"),
        Blank("{{ audit.scope }}", SCOPE_CAPTION),
        Line("на {{ audit.conformity }} требованиям {{ standard }}"),
        *audit_particulars(space_before=_SECTION),
        *section("6 РЕЗУЛЬТАТЫ АУДИТА", "{{ report.results }}", align="justify", space_before=_SECTION),
        *section("7 ВЫВОДЫ КОМИССИИ", "{{ report.conclusions }}", align="justify", space_before=_SECTION),
        *section("8 АДРЕСА РАССЫЛКИ", "{{ report.distribution }}", space_before=_SECTION),
        *section("9 ДОПОЛНИТЕЛЬНЫЕ СВЕДЕНИЯ (при необходимости)", "{{ report.additional_info }}",
                 align="justify", space_before=_SECTION, keep=True),
        # The act's signatures are one Columns row, which a page break cannot cut:
        # the commission and the organisation sign on the same page, and the list of
        # attachments they sign for stays with them (never alone on a last page).
        Columns([[
            Line("Руководитель аудиторской группы", space_before=10),
            Blank("{{ body.name }}", "наименование органа по сертификации"),
            Signatures([Sig("", "{{ audit.lead.initials_surname }}")]),
            Line("Члены комиссии:", space_before=6),
            members_signatures(),
            Line("С актом ознакомлен:", space_before=10),
            Line("Руководитель проверяемой организации"),
            Blank("{{ org.name }}", "наименование проверяемой организации"),
            Signatures([Sig("{{ report.acknowledged_position }}",
                            "{{ report.acknowledged.initials_surname }}")]),
            Columns([[Field("Дата", "{{ report.date }}", label_mm=16)], [],
                     [Field("Город", "{{ report.city }}", label_mm=18)]], widths_mm=[70, 30, 70]),
            Line("Приложения к акту:", bold=True, space_before=12),
            Blank("{{ report.attachments }}", align="left"),
        ]]),
    ],
)

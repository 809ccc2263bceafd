"""Annex М: акт по результатам аудита системы экологического менеджмента (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Columns, Field, Heading, Layout, Line, Sig, Signatures, Spacer

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
        Blank("{{ org.name }}", "наименование организации-заказчика (держателя сертификата)"),
        Line("применительно к"),
        Blank("{{ audit.scope }}", "область применения СЭМ (область сертификации)"),
        Line("на {{ audit.conformity }} требованиям {{ standard }}"),
        Line("2 ОСНОВАНИЕ", bold=True, space_before=_SECTION),
        Blank("{{ audit.basis }}", "заявка, договор и пр.", align="left"),
        Line("3 СРОКИ ПРОВЕДЕНИЯ АУДИТА", bold=True, space_before=_SECTION),
        Blank("{{ audit.period }}", align="left"),
        Line("4 СОСТАВ АУДИТОРСКОЙ ГРУППЫ", bold=True, space_before=_SECTION),
        Blank("{{ audit.team_lines }}", align="left"),
        Line("5 НОРМАТИВНАЯ БАЗА АУДИТА", bold=True, space_before=_SECTION),
        Blank("{{ audit.criteria_lines }}", align="left"),
        Line("6 РЕЗУЛЬТАТЫ АУДИТА", bold=True, space_before=_SECTION),
        Blank("{{ report.results }}", align="justify"),
        Line("7 ВЫВОДЫ КОМИССИИ", bold=True, space_before=_SECTION),
        Blank("{{ report.conclusions }}", align="justify"),
        Line("8 АДРЕСА РАССЫЛКИ", bold=True, space_before=_SECTION),
        Blank("{{ report.distribution }}", align="left"),
        Line("9 ДОПОЛНИТЕЛЬНЫЕ СВЕДЕНИЯ (при необходимости)", bold=True, space_before=_SECTION),
        Blank("{{ report.additional_info }}", align="justify"),
        Spacer(10),
        # Each signature block is one Columns row, which a page break cannot cut.
        Columns([[
            Line("Руководитель аудиторской группы"),
            Blank("{{ body.name }}", "наименование органа по сертификации"),
            Signatures([Sig("", "{{ audit.lead.initials_surname }}")]),
        ]]),
        Columns([[
            Line("Члены комиссии:", space_before=6),
            Signatures([Sig("{{ m.role }}", "{{ m.initials_surname }}")], items="audit.members", var="m"),
        ]]),
        Columns([[
            Line("С актом ознакомлен:", space_before=10),
            Line("Руководитель проверяемой организации"),
            Blank("{{ org.name }}", "наименование проверяемой организации"),
            Signatures([Sig("{{ report.acknowledged_position }}",
                            "{{ report.acknowledged.initials_surname }}")]),
            Columns([[Field("Дата", "{{ report.date }}", label_mm=16)], [],
                     [Field("Город", "{{ report.city }}", label_mm=18)]], widths_mm=[70, 30, 70]),
        ]]),
        Line("Приложения к акту:", bold=True, space_before=12),
        Blank("{{ report.attachments }}", align="left"),
    ],
)

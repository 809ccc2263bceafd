"""Annex Г: справка-обоснование решения ОС СЭМ о принятии (непринятии) заявки (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Columns, Field, Heading, Layout, Line, Sig, Signatures, Spacer

TITLE = "Справка-обоснование решения органа по сертификации СЭМ о принятии (непринятии) заявки"

LAYOUT = Layout(
    blocks=[
        Heading("Справка-обоснование решения органа по сертификации СЭМ о принятии (непринятии) "
                "заявки № {{ review.number }}"),
        Line("Наименование организации-заказчика", space_before=4),
        Blank("{{ org.name }}"),
        Line("Возможные основания для принятия (непринятия) заявки:", bold=True, space_before=8),
        Line("1 Деятельность Заказчика относится (не относится) к области аккредитации ОС СЭМ",
             space_before=4),
        Columns([[Blank("{{ review.in_scope }}")], [],
                 [Blank("{{ review.scope_code }}", "код области аккредитации ОС")]],
                widths_mm=[40, 6, 124]),
        Spacer(2),
        Field("2 Достаточность информации об организации-заявителе и ее СЭМ",
              "{{ review.information_sufficient }}", "да, нет", label_mm=140),
        Field("3 Обеспеченность ОС СЭМ компетентным персоналом для проведения аудита и принятия "
              "решения по сертификации в данной области",
              "{{ review.competent_staff }}", "да, нет", label_mm=140),
        Line("4 Список аудиторов, компетентных в заявленной области сертификации", space_before=4),
        Blank("{{ review.auditors }}", align="left"),
        Line("5 Необходимость и возможность привлечения технических экспертов для проведения аудита",
             space_before=6),
        Blank("{{ review.experts }}", "Ф.И.О. и должность", align="left"),
        Field("6 Организационные возможности проведения аудита (язык аудита, возможный срок "
              "проведения аудита, отсутствие конфликтов интересов и т.п.)",
              "{{ review.capability }}", "имеются, не имеются", label_mm=130),
        Blank("{{ review.capability_note }}", align="left"),
        Line("7 Причина отсутствия возможностей", space_before=6),
        Blank("{{ review.lack_reason }}", align="left"),
        Line("8 Заключение", bold=True, space_before=8),
        Field("Принять заявку", "{{ review.accept_org }}", "наименование организации", label_mm=55),
        Field("Отказать в приеме заявки", "{{ review.refuse_org }}", "наименование организации",
              label_mm=55),
        Field("по причине", "{{ review.refusal_reason }}", label_mm=55),
        Spacer(10),
        Signatures([Sig("{{ signer.position }}", "{{ signer.initials_surname }}")],
                   date="{{ review.date }}"),
    ]
)

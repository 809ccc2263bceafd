"""Annex Н: решение о выдаче сертификата соответствия СЭМ (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Field, Heading, Layout, Line, Sig, Signatures, Spacer

TITLE = "Решение о выдаче сертификата соответствия системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        Heading("РЕШЕНИЕ О ВЫДАЧЕ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        Line("№ {{ decision.number }}", align="center"),
        Line("Орган по сертификации систем экологического менеджмента", space_before=8),
        Blank("{{ body.name }}", "наименование органа по сертификации"),
        Line("рассмотрел акт о результатах аудита и оценки системы экологического менеджмента (СЭМ)",
             space_before=4),
        Field("от", "{{ decision.act_approved }}", "дата утверждения акта", label_mm=8),
        Blank("{{ org.name_city }}", "наименование проверяемой организации, город"),
        Line("на соответствие требованиям {{ standard }} применительно к", space_before=4),
        Blank("{{ decision.scope }}", "область применения СЭМ (область сертификации)"),
        Line("и принял решение:", space_before=4),
        Blank("{{ decision.verb }} сертификат соответствия", "выдать (не выдать) сертификат соответствия"),
        Line("Основание для отрицательного решения", space_before=4),
        Blank("{{ decision.negative_reason }}", "заполняется при отрицательном решении"),
        Spacer(18),
        Signatures(
            [Sig("{{ decision.signer_title }}", "{{ decision.signer.initials_surname }}")],
            stamp=True,
            date="{{ decision.date }}",
        ),
    ]
)

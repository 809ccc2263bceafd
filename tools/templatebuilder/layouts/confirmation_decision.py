"""Annex Ф: решение о подтверждении действия сертификата соответствия СЭМ (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Heading, Layout, Line, Sig, Signatures, Spacer

TITLE = "Решение о подтверждении действия сертификата соответствия системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        Heading("РЕШЕНИЕ О ПОДТВЕРЖДЕНИИ ДЕЙСТВИЯ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ "
                "ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        Line("№ {{ decision.number }}", align="center"),
        Line("Орган по сертификации систем экологического менеджмента", space_before=8),
        Blank("{{ body.name }}", "наименование органа по сертификации"),
        Line("рассмотрел акт № {{ decision.act_number }} от {{ decision.act_date }} по результатам "
             "{{ decision.audit_result }} системы экологического менеджмента", space_before=4),
        Blank("{{ org.name }}", "наименование организации - держателя сертификата"),
        Line("на соответствие требованиям {{ standard }} применительно к", space_before=4),
        Blank("{{ decision.scope }}", "область применения СЭМ (область сертификации)"),
        Line("и принял решение: {{ decision.verb }} действие сертификата соответствия системы "
             "экологического менеджмента № {{ decision.certificate.number }} "
             "от {{ decision.certificate.date }}", align="justify", space_before=4),
        Spacer(18),
        Signatures(
            [Sig("{{ decision.signer_title }}", "{{ decision.signer.initials_surname }}")],
            stamp=True,
            date="{{ decision.date }}",
        ),
    ]
)

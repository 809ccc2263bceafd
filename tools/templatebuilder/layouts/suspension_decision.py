"""Annex Х: решение о приостановлении действия сертификата соответствия СЭМ (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Heading, Layout, Line, Sig, Signatures, Spacer

TITLE = "Решение о приостановлении действия сертификата соответствия системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        Heading("РЕШЕНИЕ О ПРИОСТАНОВЛЕНИИ ДЕЙСТВИЯ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ "
                "ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        Line("№ {{ decision.number }}", align="center"),
        Line("Орган по сертификации систем экологического менеджмента", space_before=8),
        Blank("{{ body.name }}", "наименование органа по сертификации"),
        Line("рассмотрел акт № {{ decision.act_number }} от {{ decision.act_date }} по результатам "
             "{{ decision.audit_result }} системы экологического менеджмента", space_before=4),
        Blank("{{ org.name_city }}", "наименование организации - держателя сертификата, город"),
        Line("на соответствие требованиям {{ standard }} применительно к", space_before=4),
        Blank("{{ decision.scope }}", "область применения СЭМ (область сертификации)"),
        Line("и принял решение:", space_before=4),
        Line("1 {{ decision.verb }} действие сертификата соответствия системы экологического менеджмента "
             "№ {{ decision.certificate.number }} от {{ decision.certificate.date }} "
             "до {{ decision.until }}", align="justify", space_before=2),
        Line("2 Выполнить корректирующие мероприятия по устранению выявленных несоответствий "
             "в срок до {{ decision.corrective_due }}", align="justify", space_before=2),
        Line("Основание для отрицательного решения", space_before=4),
        Blank("{{ decision.basis }}", align="left"),
        Spacer(18),
        Signatures(
            [Sig("{{ decision.signer_title }}", "{{ decision.signer.initials_surname }}")],
            stamp=True,
            date="{{ decision.date }}",
        ),
    ]
)

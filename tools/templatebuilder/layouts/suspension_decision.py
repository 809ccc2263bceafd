"""Annex Х: решение о приостановлении действия сертификата соответствия СЭМ (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Layout, Line
from tools.templatebuilder.fragments import (
    act_considered,
    against_standard,
    certification_body,
    decision_basis,
    head_signature,
    holder,
    numbered_title,
)

TITLE = "Решение о приостановлении действия сертификата соответствия системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        *numbered_title("РЕШЕНИЕ О ПРИОСТАНОВЛЕНИИ ДЕЙСТВИЯ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ "
                        "ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        *certification_body(),
        *act_considered(),
        *holder(),
        *against_standard("{{ decision.scope }}"),
        Line("и принял решение:", space_before=4),
        Line("{%p if decision.positive %}"),
        Line("1 {{ decision.verb }} действие сертификата соответствия системы экологического менеджмента "
             "№ {{ decision.certificate.number }} от {{ decision.certificate.date }} "
             "до {{ decision.until }}", align="justify", space_before=2),
        Line("2 Выполнить корректирующие мероприятия по устранению выявленных несоответствий "
             "в срок до {{ decision.corrective_due }}", align="justify", space_before=2),
        Line("{%p else %}"),
        # A refusal to suspend has no term and no corrective actions: the certificate stays in force.
        Line("{{ decision.verb }} действие сертификата соответствия системы экологического менеджмента "
             "№ {{ decision.certificate.number }} от {{ decision.certificate.date }}; сертификат "
             "сохраняет действие", align="justify", space_before=2),
        Line("{%p endif %}"),
        *decision_basis(),
        *head_signature(),
    ]
)

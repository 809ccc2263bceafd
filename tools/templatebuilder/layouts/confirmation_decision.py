"""Annex Ф: решение о подтверждении действия сертификата соответствия СЭМ (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Layout, Line
from tools.templatebuilder.fragments import (
    act_considered,
    against_standard,
    certification_body,
    head_signature,
    holder,
    negative_reason,
    numbered_title,
)

TITLE = "Решение о подтверждении действия сертификата соответствия системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        *numbered_title("РЕШЕНИЕ О ПОДТВЕРЖДЕНИИ ДЕЙСТВИЯ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ "
                        "ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        *certification_body(),
        *act_considered(),
        *holder(city=False),
        *against_standard("{{ decision.scope }}"),
        Line("и принял решение: {{ decision.verb }} действие сертификата соответствия системы "
             "экологического менеджмента № {{ decision.certificate.number }} "
             "от {{ decision.certificate.date }}", align="justify", space_before=4),
        Line("{%p if not decision.positive %}"),
        *negative_reason(colon=True, caption=False),
        Line("{%p endif %}"),
        *head_signature(),
    ]
)

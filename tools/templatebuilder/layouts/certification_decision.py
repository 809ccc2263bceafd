"""Annex Н: решение о выдаче сертификата соответствия СЭМ (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Field, Layout, Line
from tools.templatebuilder.fragments import (
    against_standard,
    certification_body,
    head_signature,
    negative_reason,
    numbered_title,
)

TITLE = "Решение о выдаче сертификата соответствия системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        *numbered_title("РЕШЕНИЕ О ВЫДАЧЕ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        *certification_body(),
        Line("рассмотрел акт о результатах аудита и оценки системы экологического менеджмента (СЭМ)",
             space_before=4),
        Field("от", "{{ decision.act_approved }}", "дата утверждения акта", label_mm=8),
        Blank("{{ org.name_city_genitive }}", "наименование проверяемой организации, город"),
        *against_standard("{{ decision.scope }}"),
        Line("и принял решение:", space_before=4),
        Blank("{{ decision.verb }} сертификат соответствия", "выдать (не выдать) сертификат соответствия"),
        # A refusal states its grounds; an issue leaves the hand-fill blank of the form empty.
        *negative_reason(),
        *head_signature(),
    ]
)

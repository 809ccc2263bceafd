"""Annex Э: решение об отмене действия сертификата соответствия СЭМ (ГОСТ Р 54298-2010).

The standard's title of this form ends with a stray «КАЧЕСТВА» (copied from
the QMS procedure); the form prints the title of an EMS decision.
"""

from tools.templatebuilder.blocks import Blank, Layout, Line
from tools.templatebuilder.fragments import (
    act_considered,
    against_standard,
    certification_body,
    decision_basis,
    head_signature,
    holder,
    numbered_title,
)

TITLE = "Решение об отмене действия сертификата соответствия системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        *numbered_title("РЕШЕНИЕ ОБ ОТМЕНЕ ДЕЙСТВИЯ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ "
                        "ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        *certification_body(),
        *act_considered(),
        *holder(),
        *against_standard(),
        Line("применительно к области сертификации СЭМ"),
        Blank("{{ decision.withdrawn_scope }}",
              "наименование исключаемой продукции (услуги, технологических процессов, "
              "производственных площадок)"),
        Line("и принял решение {{ decision.verb }} действие сертификата соответствия системы "
             "экологического менеджмента № {{ decision.certificate.number }} "
             "от {{ decision.certificate.date }}", align="justify", space_before=4),
        *decision_basis(colon=True),
        *head_signature(),
    ]
)

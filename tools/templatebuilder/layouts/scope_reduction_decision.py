"""Annex Ш: решение о сужении области сертификации (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Layout, Line
from tools.templatebuilder.fragments import (
    SCOPE_CAPTION,
    act_considered,
    against_standard,
    certification_body,
    decision_grounds,
    head_signature,
    holder,
    negative_reason,
    numbered_title,
)

TITLE = "Решение о сужении области сертификации"

LAYOUT = Layout(
    blocks=[
        *numbered_title("РЕШЕНИЕ О СУЖЕНИИ ОБЛАСТИ СЕРТИФИКАЦИИ"),
        *certification_body(),
        *act_considered("аудита"),
        *holder(),
        *against_standard(),
        Line("и принял решение:", space_before=4),
        Line("{%p if decision.positive %}"),
        Line("1 Исключить из области применения (области сертификации) следующие виды продукции "
             "(технологических процессов, площадок):", align="justify", space_before=2),
        Blank("{{ decision.excluded }}",
              "наименование исключаемой продукции (технологических процессов, производственных площадок)"),
        Line("2 {{ decision.verb }} сертификат соответствия системы экологического менеджмента",
             space_before=2),
        Line("Новая область применения (сертификации) в случае положительного решения:", space_before=4),
        Blank("{{ decision.new_scope_nominative }}", "новая область применения (сертификации)"),
        *decision_grounds(),
        *negative_reason(colon=True),  # the standard's hand-fill blank, empty on a positive decision
        Line("{%p else %}"),
        # A refusal excludes nothing and names no new scope: the certificate keeps its scope.
        Line("{{ decision.verb }} сертификат соответствия системы экологического менеджмента с суженной "
             "областью сертификации; сертификат № {{ decision.certificate.number }} от "
             "{{ decision.certificate.date }} сохраняет действие в области:",
             align="justify", space_before=2),
        Blank("{{ decision.certificate_scope }}", SCOPE_CAPTION),
        *negative_reason(colon=True, caption=False),
        Line("{%p endif %}"),
        *head_signature(),
    ]
)

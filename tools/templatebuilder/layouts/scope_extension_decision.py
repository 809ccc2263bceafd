"""Annex Ц: решение о расширении области сертификации (ГОСТ Р 54298-2010)."""

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

TITLE = "Решение о расширении области сертификации"

LAYOUT = Layout(
    blocks=[
        *numbered_title("РЕШЕНИЕ О РАСШИРЕНИИ ОБЛАСТИ СЕРТИФИКАЦИИ"),
        *certification_body(),
        *act_considered("аудита"),
        *holder(),
        *against_standard(),
        Line("применительно к"),
        Blank("{{ decision.certificate_scope }}", SCOPE_CAPTION),
        Line("и принял решение:", space_before=4),
        Line("{%p if decision.positive %}"),
        Blank("{{ decision.verb }} сертификат соответствия", "выдать (не выдавать) сертификат соответствия"),
        Blank("{{ decision.new_scope_nominative }}", "новая область сертификации"),
        *decision_grounds(),
        *negative_reason(colon=True),  # the standard's hand-fill blank, empty on a positive decision
        Line("{%p else %}"),
        # A refusal names no new scope: the certificate keeps the scope printed above.
        Blank("{{ decision.verb }} сертификат соответствия с расширенной областью сертификации; "
              "действующий сертификат № {{ decision.certificate.number }} сохраняет прежнюю область",
              "выдать (не выдавать) сертификат соответствия"),
        *negative_reason(colon=True, caption=False),
        Line("{%p endif %}"),
        *head_signature(),
    ]
)

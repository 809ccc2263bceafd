"""Annex Щ: разрешение на использование знака соответствия СЭМ (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Layout, Line
from tools.templatebuilder.fragments import certification_body, head_signature, holder, numbered_title

TITLE = "Разрешение на использование знака соответствия системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        *numbered_title("РАЗРЕШЕНИЕ НА ИСПОЛЬЗОВАНИЕ ЗНАКА СООТВЕТСТВИЯ СИСТЕМЫ ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА",
                        number="{{ permission.number }}"),
        *certification_body(),
        Line("на основании решения {{ permission.decision_ref }} о выдаче сертификата соответствия "
             "системы экологического менеджмента", space_before=4),
        *holder(),
        Line("разрешает использовать знак соответствия системы экологического менеджмента на период "
             "действия сертификата", align="justify", space_before=4),
        Blank("{{ permission.certificate_line }}", "указывается регистрационный номер сертификата"),
        Line("в любой форме, исключающей возможность толкования его как знак соответствия продукции.",
             align="justify"),
        Line("Возможно использование знака соответствия в рекламных буклетах, проспектах, брошюрах, "
             "плакатах, бланках, организационно-распорядительной документации организации - "
             "держателя сертификата.", align="justify", space_before=6),
        Line("Не разрешается наносить знак соответствия на продукцию, тару, упаковку и этикетки, "
             "сопровождающие продукцию.", align="justify", space_before=6),
        *head_signature("permission"),
    ]
)

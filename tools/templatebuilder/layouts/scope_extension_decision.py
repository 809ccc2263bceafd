"""Annex Ц: решение о расширении области сертификации (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Heading, Layout, Line, Sig, Signatures, Spacer

TITLE = "Решение о расширении области сертификации"

LAYOUT = Layout(
    blocks=[
        Heading("РЕШЕНИЕ О РАСШИРЕНИИ ОБЛАСТИ СЕРТИФИКАЦИИ"),
        Line("№ {{ decision.number }}", align="center"),
        Line("Орган по сертификации систем экологического менеджмента", space_before=8),
        Blank("{{ body.name }}", "наименование органа по сертификации"),
        Line("рассмотрел акт № {{ decision.act_number }} от {{ decision.act_date }} по результатам аудита "
             "системы экологического менеджмента", space_before=4),
        Blank("{{ org.name_city }}", "наименование организации - держателя сертификата, город"),
        Line("на соответствие требованиям {{ standard }}", space_before=4),
        Line("применительно к"),
        Blank("{{ decision.certificate_scope }}", "область применения СЭМ (область сертификации)"),
        Line("и принял решение:", space_before=4),
        Blank("{{ decision.verb }} сертификат соответствия", "выдать (не выдавать) сертификат соответствия"),
        Blank("{{ decision.new_scope }}", "новая область сертификации"),
        Line("Основание для отрицательного решения:", space_before=4),
        Blank("{{ decision.negative_reason }}", "заполняется при отрицательном решении"),
        Spacer(18),
        Signatures(
            [Sig("{{ decision.signer_title }}", "{{ decision.signer.initials_surname }}")],
            stamp=True,
            date="{{ decision.date }}",
        ),
    ]
)

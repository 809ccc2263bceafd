"""Annex Ш: решение о сужении области сертификации (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Heading, Layout, Line, Sig, Signatures, Spacer

TITLE = "Решение о сужении области сертификации"

LAYOUT = Layout(
    blocks=[
        Heading("РЕШЕНИЕ О СУЖЕНИИ ОБЛАСТИ СЕРТИФИКАЦИИ"),
        Line("№ {{ decision.number }}", align="center"),
        Line("Орган по сертификации систем экологического менеджмента", space_before=8),
        Blank("{{ body.name }}", "наименование органа по сертификации"),
        Line("рассмотрел акт № {{ decision.act_number }} от {{ decision.act_date }} по результатам аудита "
             "системы экологического менеджмента", space_before=4),
        Blank("{{ org.name_city }}", "наименование организации - держателя сертификата, город"),
        Line("на соответствие требованиям {{ standard }}", space_before=4),
        Line("и принял решение:", space_before=4),
        Line("1 Исключить из области применения (области сертификации) следующие виды продукции "
             "(технологических процессов, площадок):", align="justify", space_before=2),
        Blank("{{ decision.excluded }}",
              "наименование исключаемой продукции (технологических процессов, производственных площадок)"),
        Line("2 {{ decision.verb }} сертификат соответствия системы экологического менеджмента",
             space_before=2),
        Line("Новая область применения (сертификации) в случае положительного решения:", space_before=4),
        Blank("{{ decision.new_scope }}", "новая область применения (сертификации)"),
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

"""Annex Э: решение об отмене действия сертификата соответствия СЭМ (ГОСТ Р 54298-2010).

The standard's title of this form ends with a stray «КАЧЕСТВА» (copied from
the QMS procedure); the form prints the title of an EMS decision.
"""

from tools.templatebuilder.blocks import Blank, Heading, Layout, Line, Sig, Signatures, Spacer

TITLE = "Решение об отмене действия сертификата соответствия системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        Heading("РЕШЕНИЕ ОБ ОТМЕНЕ ДЕЙСТВИЯ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ "
                "ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        Line("№ {{ decision.number }}", align="center"),
        Line("Орган по сертификации систем экологического менеджмента", space_before=8),
        Blank("{{ body.name }}", "наименование органа по сертификации"),
        Line("рассмотрел акт № {{ decision.act_number }} от {{ decision.act_date }} по результатам "
             "{{ decision.audit_result }} системы экологического менеджмента", space_before=4),
        Blank("{{ org.name_city }}", "наименование организации - держателя сертификата, город"),
        Line("на соответствие требованиям {{ standard }}", space_before=4),
        Line("применительно к области сертификации СЭМ"),
        Blank("{{ decision.withdrawn_scope }}",
              "наименование исключаемой продукции (услуги, технологических процессов, "
              "производственных площадок)"),
        Line("и принял решение {{ decision.verb }} действие сертификата соответствия системы "
             "экологического менеджмента № {{ decision.certificate.number }} "
             "от {{ decision.certificate.date }}", align="justify", space_before=4),
        Line("Основание для отрицательного решения:", space_before=4),
        Blank("{{ decision.basis }}", align="left"),
        Spacer(18),
        Signatures(
            [Sig("{{ decision.signer_title }}", "{{ decision.signer.initials_surname }}")],
            stamp=True,
            date="{{ decision.date }}",
        ),
    ]
)

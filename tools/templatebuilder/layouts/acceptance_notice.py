"""Annex Д: извещение о результатах рассмотрения заявки на сертификацию СЭМ (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Columns, Field, Heading, Layout, Line, Sig, Signatures, Spacer

TITLE = "Извещение о результатах рассмотрения заявки на сертификацию системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        # The addressee sits at the right, as in a letter.
        Columns(
            [
                [],
                [
                    Line("{{ org.head.position_dative }}"),
                    Blank("{{ org.name_genitive }}", "наименование организации-заказчика", align="left"),
                    Blank("{{ org.head.dative_initials_surname }}", "инициалы, фамилия", align="left"),
                ],
            ],
            widths_mm=[80, 90],
        ),
        Spacer(8),
        Line("{{ notice.number_line }}"),
        Heading("ИЗВЕЩЕНИЕ О РЕЗУЛЬТАТАХ РАССМОТРЕНИЯ ЗАЯВКИ НА СЕРТИФИКАЦИЮ СИСТЕМЫ "
                "ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        Blank("{{ org.name }}", "наименование организации-заказчика"),
        Spacer(4),
        Field("Орган по сертификации", "{{ body.name }}", "наименование органа по сертификации",
              label_mm=50),
        Line("рассмотрел заявку и представленные документы", space_before=4),
        Blank("{{ org.name }}", "наименование организации-заказчика"),
        Line("на сертификацию системы экологического менеджмента в соответствии с требованиями "
             "стандарта {{ standard }} и принял решение", space_before=4),
        Blank("{{ notice.decision }}", "принять или не принять заявку"),
        Line("Основание для отрицательного решения:", space_before=6),
        Blank("{{ notice.refusal_reason }}", "заполняется при отрицательном решении", align="left"),
        Line("{%p if notice.enclosures %}"),
        Line("Одновременно высылаем Вам следующие документы:", space_before=6),
        Line("{%p for item in notice.enclosures %}"),
        Line("{{ item.letter }}) {{ item.text }}"),
        Line("{%p endfor %}"),
        Line("{%p endif %}"),
        Spacer(10),
        Line("{{ notice.signer_position }}"),
        Signatures(
            [Sig("{{ body.short_name }}", "{{ signer.initials_surname }}",
                 "наименование органа по сертификации", date="{{ notice.date }}")],
            dated=True,
            label_mm=55,
        ),
    ]
)

"""Annex Д: извещение о результатах рассмотрения заявки на сертификацию СЭМ (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import Blank, Field, Heading, Layout, Line, Sig, Signatures, Spacer

TITLE = "Извещение о результатах рассмотрения заявки на сертификацию системы экологического менеджмента"

# The addressee sits in the right half, as in a letter: an empty label cell pushes the blank there.
_RIGHT = 75

LAYOUT = Layout(
    blocks=[
        Field("", "{{ org.head.position_dative }}", label_mm=_RIGHT),
        Field("", "{{ org.name }}", "наименование организации-заказчика", label_mm=_RIGHT),
        Field("", "{{ org.head.dative_surname_initials }}", "инициалы, фамилия", label_mm=_RIGHT),
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
        Field("{{ notice.signer_position }}", "{{ body.short_name }}",
              "наименование органа по сертификации", label_mm=75),
        Signatures([Sig("", "{{ signer.initials_surname }}")], date="{{ notice.date }}"),
    ]
)

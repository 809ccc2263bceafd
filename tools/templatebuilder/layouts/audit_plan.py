"""Annex И: план аудита системы экологического менеджмента (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import (
    Blank,
    Column,
    Columns,
    Heading,
    Layout,
    Line,
    Sig,
    Signatures,
    Spacer,
)
from tools.templatebuilder.fragments import SCOPE_CAPTION, audit_particulars, register_table, section

TITLE = "План аудита системы экологического менеджмента"

# A lead-in line and the underlined value with its caption under it.
_SECTION = 4

LAYOUT = Layout(
    corner="Приложение {{ appendix }} к акту",
    blocks=[
        Columns(
            [
                [],
                [
                    Line("УТВЕРЖДАЮ", bold=True),
                    Line("{{ plan.approver_position }}"),
                    Blank("{{ body.display_name }}", "наименование органа по сертификации"),
                    Signatures([Sig("", "{{ plan.approver.initials_surname }}")], label_mm=0),
                    Line("{{ plan.approved }}"),
                ],
            ],
            widths_mm=[80, 90],
        ),
        Heading("ПЛАН АУДИТА СИСТЕМЫ ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА,\nДЕЙСТВУЮЩЕЙ В"),
        Blank("{{ org.name_prepositional }}", "наименование проверяемой организации"),
        Line("1 ЦЕЛЬ И ОБЛАСТЬ АУДИТА", bold=True, space_before=_SECTION),
        Line("{{ audit.purpose_line }} системы экологического менеджмента (СЭМ) применительно к"),
        Blank("{{ audit.scope }}", SCOPE_CAPTION),
        Line("на {{ audit.conformity }} требованиям {{ standard }}."),
        Line("Примечание — При инспекционном контроле проводят обязательную проверку выполнения "
             "корректирующих мероприятий по устранению несоответствий и учету уведомлений, "
             "зарегистрированных в акте по результатам предыдущего аудита{{ plan.previous_act }}.",
             align="justify", size=10, space_before=2),
        *audit_particulars(space_before=_SECTION),
        Line("6 ОБЪЕКТЫ АУДИТА", bold=True, space_before=_SECTION),
        Spacer(2),
        register_table(
            [
                Column("№ п/п", "{{ row.number }}", 11),
                Column("Подразделения/ Процессы", "{{ row.unit }}", 38),
                Column("Элементы {{ standard }}", "{{ row.clauses }}", 27),
                Column("Дата аудита", "{{ row.when }}", 25),
                Column("Аудитор (эксперт)", "{{ row.auditors }}", 32),
                Column("Представители проверяемой организации", "{{ row.representatives }}", 37),
            ],
            items="plan.objects",
        ),
        Line("7 ТРЕБОВАНИЯ КОНФИДЕНЦИАЛЬНОСТИ", bold=True, space_before=_SECTION),
        Line("Комиссия (пункт 4 настоящего плана) обязуется не разглашать конфиденциальную "
             "информацию, полученную в ходе аудита системы экологического менеджмента",
             align="justify"),
        Blank("{{ org.name_genitive }}", "наименование проверяемой организации"),
        Line("и не передавать материалы оценки третьим лицам без согласия сторон, участвующих "
             "в сертификации.", align="justify"),
        *section("8 ДОПОЛНИТЕЛЬНЫЕ СВЕДЕНИЯ", "{{ plan.additional }}",
                 "в случае необходимости указываются: рабочий язык аудита; методы классификации "
                 "несоответствий; материально-техническое обеспечение деятельности по аудиту",
                 space_before=_SECTION),
        Line("СОГЛАСОВАНО", bold=True, space_before=10),
        Columns(
            [
                [
                    Line("Представитель руководства"),
                    Blank("{{ org.display_name }}", "наименование проверяемой организации"),
                    Signatures([Sig("", "{{ plan.agreed.initials_surname }}")], label_mm=0),
                ],
                [
                    Line("Руководитель аудиторской группы"),
                    Blank("{{ body.display_name }}", "наименование органа по сертификации"),
                    Signatures([Sig("", "{{ audit.lead.initials_surname }}")], label_mm=0),
                ],
            ],
            widths_mm=[85, 85],
        ),
    ],
)

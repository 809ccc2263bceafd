"""Annex Е: оценка трудозатрат на проведение аудита СЭМ — расчётный лист (ГОСТ Р 54298-2010).

Annex Е is informative and prints no form: the sheet shows the inputs, each
step of the calculation with the clause behind it, the calculation's
justification and the days planned for the audit beside the calculated ones.
"""

from tools.templatebuilder.blocks import (
    Blank,
    Column,
    Field,
    Heading,
    Layout,
    Line,
    Sig,
    Signatures,
    Spacer,
    Table,
)
from tools.templatebuilder.fragments import lead_auditor

TITLE = "Оценка трудозатрат на проведение аудита системы экологического менеджмента"

_L = 50  # label width of the input fields, mm

LAYOUT = Layout(
    blocks=[
        Blank("{{ body.name }}", "наименование органа по сертификации"),
        Heading("ОЦЕНКА ТРУДОЗАТРАТ НА ПРОВЕДЕНИЕ АУДИТА СИСТЕМЫ ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        Blank("{{ org.name }}", "наименование организации-заказчика"),
        Field("Вид аудита", "{{ audit.kind }}", label_mm=_L),
        Field("Сроки проведения", "{{ audit.period }}", label_mm=_L),
        Field("Область сертификации", "{{ effort.scope }}", label_mm=_L),
        Field("Стандарт-критерий", "{{ standard }}", label_mm=_L),
        Field("Система менеджмента", "{{ effort.system }}", label_mm=_L),
        Field("Метод расчёта", "{{ effort.method }}", label_mm=_L),
        Field("Таблица трудозатрат", "{{ effort.table }}", label_mm=_L),
        Line("1 Расчёт трудозатрат (аудито-дни; аудито-день — полный восьмичасовой рабочий день)",
             bold=True, space_before=8),
        Table(
            columns=[
                Column("№", "{{ row.n }}", 9),
                Column("Показатель", "{{ row.name }}", 70),
                Column("Значение", "{{ row.value }}", 36),
                Column("Основание", "{{ row.basis }}", 55),
            ],
            items="effort.steps",
        ),
        Line("2 Обоснование расчёта", bold=True, space_before=4),
        Table(
            columns=[
                Column("№", "{{ row.n }}", 9),
                Column("Обоснование", "{{ row.text }}", 161),
            ],
            items="effort.justification",
        ),
        Line("3 Таблица Е.1 ГОСТ Р 54298-2010 и значение по ГОСТ Р 54318-2021", bold=True,
             space_before=4),
        Line("Трудозатраты на аудит (человеко-дни) по оценке соответствия СЭМ организации "
             "требованиям ИСО 14001 ({{ effort.table_e1.source }}); ◄ — строка, применимая к "
             "численности работников организации", size=10),
        Table(
            columns=[
                Column("Численность работников, чел.", "{{ row.people }}", 30),
                Column("Высокая сложность", "{{ row.high }}", 24),
                Column("Средняя сложность", "{{ row.medium }}", 24),
                Column("Малая сложность", "{{ row.low }}", 24),
                Column("Ограниченная сложность", "{{ row.limited }}", 28),
                Column("Применимость", "{{ row.applies }}", 40),
            ],
            items="effort.table_e1.rows",
            size=10,
        ),
        Table(
            columns=[
                Column("Источник значения", "{{ row.name }}", 100),
                Column("Значение", "{{ row.value }}", 70),
            ],
            items="effort.table_e1.figures",
        ),
        Line("{{ effort.table_e1.note }}", size=10),
        Line("4 Сопоставление с трудозатратами, запланированными на аудит", bold=True, space_before=4),
        Table(
            columns=[
                Column("Показатель", "{{ row.name }}", 76),
                Column("По расчёту", "{{ row.calculated }}", 30),
                Column("Запланировано", "{{ row.planned }}", 34),
                Column("Отклонение", "{{ row.deviation }}", 30),
            ],
            items="effort.comparison",
        ),
        Line("{{ effort.planned_note }}", size=10, keep=False),
        Line("Нормативные ссылки расчёта", bold=True, space_before=6),
        Table(
            columns=[
                Column("Документ", "{{ row.standard }}", 45),
                Column("Пункты, таблицы, примечания", "{{ row.clauses }}", 125),
            ],
            items="effort.clauses",
            size=10,
        ),
        Spacer(10),
        Signatures(
            [
                lead_auditor(),
                Sig("Руководитель органа по сертификации", "{{ body.head.initials_surname }}"),
            ],
            date="{{ effort.date }}",
        ),
    ]
)

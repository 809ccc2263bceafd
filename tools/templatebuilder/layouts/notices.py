"""Annex Л: регистрация уведомлений (ГОСТ Р 54298-2010), one form per audit."""

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

TITLE = "Регистрация уведомлений"

_LABEL = 75

LAYOUT = Layout(
    corner="Приложение {{ appendix }} к акту",
    blocks=[
        Line("Система добровольной сертификации", align="center"),
        Blank("{{ body.system_title }}", "наименование системы сертификации СЭМ"),
        Heading("РЕГИСТРАЦИЯ УВЕДОМЛЕНИЙ"),
        Field("Наименование проверяемой организации:", "{{ org.name }}", label_mm=_LABEL),
        Field("Номер акта", "{{ audit.act_number }}", label_mm=_LABEL),
        Field("Дата", "{{ audit.act_date }}", label_mm=_LABEL),
        Spacer(8),
        Table(
            columns=[
                Column("№", "{{ row.number }}", 12),
                Column("Описание уведомлений", "{{ row.description }}", 64),
                Column("Номера пунктов {{ standard }}", "{{ row.clauses }}", 28),
                Column("Обозначение документа СЭМ организации", "{{ row.document_ref }}", 33),
                Column("Подтверждение учета уведомлений", "{{ row.acknowledgment }}", 33),
            ],
            items="notices.rows",
            numbers_row=True,
            keep_rows=True,
            size=11,
        ),
        Signatures(
            [
                Sig("Руководитель аудиторской группы", "{{ audit.lead.initials_surname }}"),
                Sig("Представитель проверяемой организации",
                    "{{ notices.representative.initials_surname }}"),
            ]
        ),
        Line("Эксперты", space_before=6),
        Signatures([Sig("{{ m.role }}", "{{ m.initials_surname }}")], items="audit.members", var="m"),
    ],
)

"""Annex Л: регистрация уведомлений (ГОСТ Р 54298-2010), one form per audit."""

from tools.templatebuilder.blocks import Column, Heading, Layout, Line, Sig, Signatures, Spacer
from tools.templatebuilder.fragments import (
    act_fields,
    certification_system,
    lead_auditor,
    members_signatures,
    register_table,
)

TITLE = "Регистрация уведомлений"

_LABEL = 75

LAYOUT = Layout(
    corner="Приложение {{ appendix }} к акту",
    blocks=[
        *certification_system(),
        Heading("РЕГИСТРАЦИЯ УВЕДОМЛЕНИЙ"),
        *act_fields(label_mm=_LABEL),
        Spacer(8),
        register_table(
            [
                Column("№", "{{ row.number }}", 12),
                Column("Описание уведомлений", "{{ row.description }}", 64),
                Column("Номера пунктов {{ standard }}", "{{ row.clauses }}", 28),
                Column("Обозначение документа СЭМ организации", "{{ row.document_ref }}", 33),
                Column("Подтверждение учета уведомлений", "{{ row.acknowledgment }}", 33),
            ],
            items="notices.rows",
        ),
        Signatures(
            [
                lead_auditor(),
                Sig("Представитель проверяемой организации",
                    "{{ notices.representative.initials_surname }}"),
            ]
        ),
        Line("Эксперты", space_before=6),
        members_signatures(),
    ],
)

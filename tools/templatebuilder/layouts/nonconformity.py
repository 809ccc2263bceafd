"""Annex К: регистрация несоответствия (ГОСТ Р 54298-2010), one form per nonconformity."""

from tools.templatebuilder.blocks import Box, Field, Heading, Layout, Line, Sig, Signatures, Spacer
from tools.templatebuilder.fragments import act_fields, certification_system, lead_auditor

TITLE = "Регистрация несоответствия"

_LABEL = 75  # the label column of the identification fields

LAYOUT = Layout(
    corner="Приложение {{ appendix }} к акту",
    blocks=[
        *certification_system(),
        Heading("РЕГИСТРАЦИЯ НЕСООТВЕТСТВИЯ"),
        Field("Наименование органа по сертификации (ОС) СЭМ", "{{ body.name }}", label_mm=_LABEL),
        *act_fields(label_mm=_LABEL),
        Field("Номер и категория несоответствия", "{{ nc.number_category }}", label_mm=_LABEL),
        Field("Проверяемое подразделение", "{{ nc.unit }}", label_mm=_LABEL),
        Field("Номера пунктов {{ standard }}", "{{ nc.clause }}", label_mm=_LABEL),
        Field("Обозначение документа СЭМ организации, номер пункта", "{{ nc.document_ref }}",
              label_mm=_LABEL),
        Line("Описание несоответствия:", bold=True, space_before=8),
        Box("{{ nc.description }}", lines=5),
        Signatures(
            [
                lead_auditor(),
                Sig("Эксперт", "{{ nc.expert.initials_surname }}"),
            ]
        ),
        Line("Планируемые корректирующие действия:", bold=True, space_before=10),
        Box("{{ nc.corrective_action }}", lines=4),
        Field("Срок выполнения", "{{ nc.due_date }}", label_mm=40),
        Spacer(4),
        Signatures(
            [Sig("Представитель проверяемой организации", "{{ nc.representative.initials_surname }}",
                 date="{{ nc.acknowledged }}")],
            dated=True,
            label_mm=55,
        ),
        Line("Оценка результативности корректирующих действий (проводит ОС):", bold=True,
             space_before=10),
        Box("{{ nc.effectiveness }}", lines=4),
        Signatures(
            [Sig("Руководитель аудиторской группы (эксперт)", "{{ nc.evaluator.initials_surname }}",
                 date="{{ nc.evaluated }}")],
            dated=True,
            label_mm=55,
        ),
    ],
)

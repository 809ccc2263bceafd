"""The starting case ``formgen new`` writes: commented, complete, with blanks to fill.

A clerk starting a case should not copy a 400-line sample and delete what
does not apply. The starter holds what the rules require of a new cycle —
application, its review and notice, document request, and the audit chain
document review → stage 1 → stage 2 with team, audit time and plans — with
dates laid out in a sensible order from the day it is made. Values only the
clerk knows are ``___`` (see ``formgen.case.blanks``): ``check`` lists each of
them with its line until it is filled in, so the file is never half-valid
without saying so.

``--from CASE`` starts the next cycle of an existing client: organisation and
body are taken over as they are, the audits become one recertification audit.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import yaml

from formgen.case.blanks import BLANK

__all__ = ["next_cycle_text", "relative_path", "starter_text"]

_ = BLANK


def _days(start: dt.date, n: int) -> str:
    return (start + dt.timedelta(days=n)).isoformat()


_HEADER = """\
# Дело заказчика: один файл на весь цикл сертификации СЭМ (ГОСТ Р 54298-2010).
# Создано командой `formgen new` {today}. Впишите значения вместо {blank}:
#   formgen check {name}     — покажет каждый незаполненный пропуск с номером строки;
#   formgen render {name} --out папка   — заполнит формы, когда ошибок не останется.
# Даты — ГГГГ-ММ-ДД; проставлены по порядку этапов от сегодняшнего дня, поправьте их.
# Числа, коды и номера можно писать без кавычек: ИНН 0101123456 останется 0101123456.
schema_version: 1
"""

_BODY_INLINE = """
# Орган по сертификации. Если у органа уже есть файл профиля, замените весь раздел
# строкой   body: путь/к/профилю.yaml   (formgen new --body путь/к/профилю.yaml).
body:
  name: {_}                 # полное наименование органа по сертификации
  short_name: {_}           # краткое наименование
  address: {_}              # почтовый адрес
  city: {_}                 # город (печатается в шапках решений)
  standard: ГОСТ Р ИСО 14001-2016   # критерий сертификации, печатается в формах
  system:
    name: {_}               # система добровольной сертификации, в которой работает орган
  head:
    id: head
    name: {_} {_} {_}       # руководитель ОС: Фамилия Имя Отчество
    position: Руководитель органа по сертификации
  staff:                    # эксперты; id — короткое латинское имя для ссылок ниже
    - id: lead
      name: {_} {_} {_}     # ведущий эксперт-аудитор: Фамилия Имя Отчество
      position: Ведущий эксперт-аудитор
    - id: auditor
      name: {_} {_} {_}     # эксперт-аудитор
      position: Эксперт-аудитор
"""

_ORGANISATION = """
# Заказчик — организация, СЭМ которой сертифицируется (Приложение В).
organisation:
  name: {_}                 # полное наименование, например: Общество с ограниченной ответственностью «…»
  short_name: {_}           # краткое наименование: ООО «…»
  legal_address: {_}        # юридический адрес с индексом
  city: {_}
  phone: {_}
  email: {_}
  inn: {_}                  # ИНН: 10 цифр (12 — у ИП)
  head:
    name: {_} {_} {_}       # руководитель: Фамилия Имя Отчество
    position: {_}           # должность, например: Генеральный директор
  headcount: {_}            # общая численность работающих (число)
{branches}"""

_BRANCH = """\
    - name: {_}             # площадка {n}: наименование
      address: {_}          # адрес площадки
      headcount: {_}        # работающих на площадке (число)
"""

_CYCLE = """
# Заявка (Приложение В) и её рассмотрение (Г, Д).
application:
  number: {_}               # регистрационный номер заявки в ОС
  date: {d0}
  scope: {_}                # область сертификации: «производству …» — как в сертификате
  desired_dates: {_}        # желательные сроки, например: {month} г.

review:                     # справка-обоснование (Приложение Г)
  date: {d3}
  competent_auditors: [{lead}, {auditor}]
  accepted: true
  signed_by: head

notice:                     # извещение о принятии заявки (Приложение Д)
  number: {_}
  date: {d4}

document_request:           # перечень документов для анализа (Приложение Ж)
  date: {d4}
  due_date: {d14}

# Аудиты по порядку: анализ документации → этап 1 → этап 2.
audits:
  - id: docs
    kind: document_review
    start: {d15}
    end: {d17}
    conclusion_sent: {d18}  # заключение — не позднее чем за 2 недели до этапа 1 (7.3.2)
    team:
      - {{person: {lead}, role: lead_auditor}}

  - id: stage1
    kind: stage1
    start: {d35}
    end: {d35}
    team:
      - {{person: {lead}, role: lead_auditor}}
    plan:                   # план аудита (Приложение И)
      approved: {d28}
      objects:
        - unit: Высшее руководство
          clauses: "4, 5, 6.2, 9.3"
          date: {d35}
          time: "10:00–12:00"
          auditors: [{lead}]

  - id: stage2
    kind: stage2
    start: {d56}
    end: {d57}
    team:
      - {{person: {lead}, role: lead_auditor}}
      - {{person: {auditor}, role: auditor}}
    time:                   # трудозатраты по ГОСТ Р 54318-2021 (Приложение Е)
      system: ems
      personnel: {_}        # персонал в области сертификации (число)
      complexity: medium    # high | medium | low | limited
    plan:
      approved: {d49}
      objects:
        - unit: Высшее руководство
          clauses: "4.1–4.4, 5, 6.2, 9.3, 10"
          date: {d56}
          time: "09:00–11:00"
          auditors: [{lead}]
        - unit: {_}
          clauses: "6.1, 8.1, 9.1"
          date: {d56}
          time: "11:00–17:00"
          auditors: [{auditor}]
"""

_RECERT = """
# Новый цикл: заявка на ресертификацию и ресертификационный аудит.
application:
  number: {_}               # регистрационный номер заявки в ОС
  date: {d0}
{scope}
  desired_dates: {_}

review:
  date: {d3}
  competent_auditors: [{lead}]
  accepted: true

notice:
  number: {_}
  date: {d4}

audits:
  - id: recert
    kind: recertification
    start: {d35}
    end: {d36}
    team:
      - {{person: {lead}, role: lead_auditor}}
    time:
      system: ems
      personnel: {personnel}
      complexity: medium
    plan:
      approved: {d28}
      objects:
        - unit: Высшее руководство
          clauses: "4.1–4.4, 5, 6.2, 9.3, 10"
          date: {d35}
          time: "09:00–11:00"
          auditors: [{lead}]
"""

_MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
           "октябрь", "ноябрь", "декабрь")


def _dates(today: dt.date) -> dict[str, str]:
    values = {f"d{n}": _days(today, n) for n in (0, 3, 4, 14, 15, 17, 18, 28, 35, 36, 49, 56, 57)}
    later = today + dt.timedelta(days=56)
    values["month"] = f"{_MONTHS[later.month - 1]} {later.year}"
    return values


def starter_text(name: str, today: dt.date, sites: int = 0, body: str | None = None,
                 staff: list[dict] | None = None) -> str:
    """A new case: ``sites`` extra sites (branches), ``body`` a profile path or inline blanks.

    ``staff`` is the profile's staff (raw): its lead auditor and an auditor are
    named in the team; without a profile the inline body's ids ``lead`` and
    ``auditor`` are used, and a profile without such people leaves blanks.
    """
    lead, auditor = ("lead", "auditor") if body is None else _team(staff or [])
    text = _HEADER.format(today=today.isoformat(), blank=BLANK, name=name)
    text += f"\nbody: {body}   # профиль органа по сертификации\n" if body else _BODY_INLINE.format(_=_)
    branches = ""
    if sites:
        branches = "  branches:                 # площадки, кроме основной\n" + "".join(
            _BRANCH.format(_=_, n=n) for n in range(1, sites + 1))
    text += _ORGANISATION.format(_=_, branches=branches)
    text += _CYCLE.format(_=_, lead=lead, auditor=auditor, **_dates(today))
    return text


def _team(staff: list[dict]) -> tuple[str, str]:
    """(lead auditor id, auditor id) from a body profile's staff, ``___`` where none fits."""
    def position(person: dict) -> str:
        return str(person.get("position") or "").lower()

    ids = [p for p in staff if isinstance(p, dict) and p.get("id")]
    lead = next((p["id"] for p in ids if "ведущ" in position(p)), _)
    auditor = next((p["id"] for p in ids if "аудитор" in position(p) and p["id"] != lead), _)
    return str(lead), str(auditor)


def next_cycle_text(name: str, today: dt.date, previous: dict[str, Any], previous_path: Path,
                    out_path: Path) -> str:
    """The next cycle of ``previous`` (raw data as typed): same body and organisation."""
    body = previous.get("body")
    text = _HEADER.format(today=today.isoformat(), blank=BLANK, name=name)
    text += f"# Следующий цикл по делу {previous_path.name}.\n"
    if isinstance(body, str):
        target = (previous_path.parent / body).resolve()
        text += f"\nbody: {relative_path(target, out_path.parent)}\n"
    else:
        text += "\n" + _dump({"body": body})
    organisation = dict(previous["organisation"])
    certificates = previous.get("certificates") or []
    if certificates:
        last = certificates[-1]
        organisation["previous_certificates"] = [
            *organisation.get("previous_certificates", []),
            {"number": last.get("number"), "date": last.get("registered")},
        ]
    text += "\n# Организация — как в прошлом цикле; проверьте, что изменилось.\n"
    text += _dump({"organisation": organisation})
    audits = previous.get("audits") or [{}]
    lead = next((m.get("person") for a in reversed(audits) for m in a.get("team", [])
                 if m.get("role") == "lead_auditor"), _)
    personnel = next((a["time"]["personnel"] for a in reversed(audits) if a.get("time")), _)
    scope = (previous.get("application") or {}).get("scope", _)
    scope_lines = "".join(f"  {line}\n" for line in _dump({"scope": scope}).splitlines())
    text += _RECERT.format(_=_, scope=scope_lines.rstrip("\n"), lead=lead, personnel=personnel,
                           **_dates(today))
    return text


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def relative_path(target: Path, start: Path) -> str:
    """A path next to the case stays relative; one far away is written in full."""
    relative = Path(os.path.relpath(target, start.resolve()))
    return relative.as_posix() if relative.parts.count("..") <= 1 else target.as_posix()

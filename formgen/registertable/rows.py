"""One register row → one certificate in its languages (``CertificateJob``).

The row supplies the certificate; the certification body comes from a body
profile (the ``body`` column or ``--body``, the same YAML case files use) and
may be overridden column by column. Translation rules are those of case files
(``formgen.forms.certificate_data.Translations``): a final English or German
certificate needs the translated columns, a draft does without.

A row that cannot be used becomes a ``JobFailure`` carrying the row number and
every reason found, so one bad row never stops the batch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from pydantic import ValidationError

from formgen.case.messages import describe_error
from formgen.case.model import Body, three_year_expiry
from formgen.case.source import read_located
from formgen.case.typed import validate_as_typed
from formgen.errors import InputError
from formgen.forms.certificate_data import Translations, body_fields, person_name, to_latin
from formgen.languages import parse_langs
from formgen.registertable.source import Row, Table
from formgen.render.certificate.batch import CertificateJob, JobFailure
from formgen.render.certificate.data import CertificateData, PersonName, Site
from formgen.render.certificate.status import StatusNote
from formgen.text.filenames import safe_stem

__all__ = ["RowMapper", "load_body_profile", "parse_date", "parse_langs", "row_status"]

_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y")
_SITE_SPLIT = re.compile(r"\s*(?:\n|;;)\s*")


class RowError(Exception):
    """A problem in one row (collected, then reported with the row number)."""


def parse_date(value: object, column: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise RowError(f"{column}: «{text}» — не дата (ожидается 2025-04-18 или 18.04.2025)")


def _int(value: object, column: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise RowError(f"{column}: «{value}» — не целое число") from None


def load_body_profile(path: Path) -> Body:
    """A body profile (YAML/JSON, as referenced by case files), validated."""
    located = read_located(path)
    if located.data is None or located.problems:
        raise InputError("\n".join(str(p) for p in located.problems) or f"{path}: пустой профиль")
    try:
        return validate_as_typed(Body, located.data, located.source)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            file, line, col = located.source.locate(loc, str(path))
            dotted = ".".join(str(p) for p in loc)
            lines.append(f"{file}:{line}:{col}: {dotted}: {describe_error(error, Body)}")
        raise InputError("\n".join(lines)) from None


class RowMapper:
    """Turns rows of one table into jobs; caches body profiles by path."""

    def __init__(self, table: Table, langs: list[str], *, draft: bool = False,
                 body: Path | None = None, at: dt.date | None = None, archive: bool = False,
                 base: Path | None = None):
        self.table = table
        self.day = at or dt.date.today()
        self.archive = archive
        self.base = base or table.path.parent  # what body/logo cells are relative to
        self.langs = langs
        self.draft = draft
        self._bodies: dict[Path, Body | InputError] = {}
        self.default_body = self._body(body) if body is not None else None
        if isinstance(self.default_body, InputError):
            raise self.default_body
        self.body_dir = body.resolve().parent if body is not None else None
        self._seen: dict[str, int] = {}

    def _body(self, path: Path) -> Body | InputError:
        path = path.resolve()
        if path not in self._bodies:
            try:
                self._bodies[path] = load_body_profile(path)
            except InputError as exc:
                self._bodies[path] = exc
        return self._bodies[path]

    def job(self, row: Row) -> CertificateJob | JobFailure:
        """The row as a job, or a failure naming the row as a spreadsheet shows it.

        A row not in force on the day is refused unless an archive copy is
        asked for (then every page carries its status); a draft never.
        """
        label = row.label(self.table.path.name)
        if row.extra:
            shown = "; ".join(f"«{str(v)[:40]}»" for v in row.extra)
            return JobFailure(label, f"в строке больше полей, чем колонок в заголовке "
                                     f"({len(self.table.columns)}): лишние значения {shown} — "
                                     "проверьте разделители и кавычки")
        try:
            versions = self._versions(row.cells)
            status = row_status(row.cells, versions[0], self.day)
        except (RowError, InputError) as exc:
            return JobFailure(label, str(exc))
        if not status.in_force:
            if self.draft or not self.archive:
                return JobFailure(label, status.refusal(versions[0].number, self.day,
                                                        draft=self.draft))
            versions = [dataclasses.replace(v, status_mark=status.mark(v.lang)) for v in versions]
        stem = safe_stem(versions[0].number, f"row{row.number}")
        if stem in self._seen:
            return JobFailure(label, f"number: номер «{versions[0].number}» уже был в строке "
                                     f"{self._seen[stem]}")
        self._seen[stem] = row.number
        return CertificateJob(label, tuple(versions), stem)

    # -- one row ----------------------------------------------------------------
    def _versions(self, cells: dict[str, object]) -> list[CertificateData]:
        text = {k: (v if isinstance(v, dt.date) else str(v).strip()) for k, v in cells.items()}

        def get(name: str) -> str:
            value = text.get(name, "")
            return value.isoformat() if isinstance(value, dt.date) else value

        problems: list[str] = []

        def parsed(parse, *args, default=None):
            """Run one parser; a problem is noted and parsing goes on, to report them all."""
            try:
                return parse(*args)
            except (RowError, InputError) as exc:
                problems.append(str(exc))
                return default

        for column in ("number", "holder_name", "holder_address", "scope", "registration_date",
                       "chairman"):
            if not get(column):
                problems.append(f"{column}: не заполнено")
        registered = parsed(parse_date, text.get("registration_date") or "", "registration_date")
        if get("valid_until"):
            valid_until = parsed(parse_date, text["valid_until"], "valid_until")
        else:
            valid_until = registered and three_year_expiry(registered)
        issue = parsed(_int, get("issue"), "issue", default=1) if get("issue") else 1
        first_year = (parsed(_int, get("first_certified_year"), "first_certified_year")
                      if get("first_certified_year") else None)
        langs = (parsed(parse_langs, get("languages"), "languages", default=self.langs)
                 if get("languages") else self.langs)
        ru_sites = parsed(_sites, get("sites"), "sites", default=[])
        profile = self.default_body
        if get("body"):
            profile = self._body(self.base / get("body"))
            if isinstance(profile, InputError):
                problems.append(f"body: {profile}")
                profile = None
        elif profile is None and not get("body_name"):
            problems.append("нет данных органа по сертификации: укажите колонку body (файл "
                            "профиля), --body или колонки body_name, body_address")
        if get("head"):
            head = PersonName.parse(get("head"), get("head_latin"))
        elif profile is not None:
            head = person_name(profile.head)
        else:
            head = None
            if not any(p.startswith("body") or p.startswith("нет данных") for p in problems):
                problems.append("head: не указан руководитель органа (поле 11)")
        chairman = PersonName.parse(get("chairman"), get("chairman_latin"))
        if registered is None or valid_until is None or head is None:
            raise RowError("; ".join(problems))
        versions = []
        for lang in langs:
            t = Translations(lang, self.draft)
            body_dir = (self.base / get("body")).resolve().parent if get("body") else self.body_dir
            fields = body_fields(profile, t, body_dir) if profile is not None else {}
            for name, kind in (("body_name", "name"), ("body_address", "name"),
                               ("body_short_name", "optional"), ("system_name", "optional"),
                               ("standard", "optional")):
                ru, foreign = get(name), {x: get(f"{name}_{x}") for x in ("en", "de")}
                if ru or any(foreign.values()):  # the row overrides the profile
                    fields[name] = t.pick(name, ru, foreign, kind)
                    if name == "standard" and not fields[name] and ru:
                        fields[name] = to_latin(ru)
                fields.setdefault(name, "")
            for name in ("body_registration_number", "verification_url"):
                if get(name):
                    fields[name] = get(name)
            for name in ("body_logo", "accreditation_logo"):
                if get(name):
                    fields[name] = self.base / get(name)
            sites = self._translated_sites(ru_sites, get, t)
            data = dict(
                lang=lang,
                **fields,
                number=get("number"),
                issue=issue,
                first_certified_year=first_year,
                holder_name=t.pick("holder_name", get("holder_name"),
                                   {x: get(f"holder_name_{x}") for x in ("en", "de")}, "name"),
                holder_address=t.pick("holder_address", get("holder_address"),
                                      {x: get(f"holder_address_{x}") for x in ("en", "de")},
                                      "name"),
                sites=sites,
                scope=t.pick("scope", get("scope"), {x: get(f"scope_{x}") for x in ("en", "de")},
                             "text"),
                registration_number=get("registration_number") or get("number"),
                registration_date=registered,
                valid_until=valid_until,
                head=head,
                head_title=t.pick("head_title", get("head_title"),
                                  {x: get(f"head_title_{x}") for x in ("en", "de")}, "text"),
                chairman=chairman,
                register_number=get("register_number"),
            )
            problems += [f"{path}: {message}" for path, message in t.problems]
            if t.problems:
                continue
            try:
                versions.append(CertificateData(**data))
            except ValueError as exc:
                problems.append(str(exc))
        if problems:
            raise RowError("; ".join(dict.fromkeys(problems)))
        return versions

    def _translated_sites(self, ru_sites: list[Site], get, t: Translations) -> tuple[Site, ...]:
        if t.lang == "ru" or not ru_sites:
            return tuple(ru_sites)
        own = get(f"sites_{t.lang}") or (get("sites_en") if t.lang == "de" else "")
        if own:
            sites = _sites(own, f"sites_{t.lang}")
            if len(sites) != len(ru_sites):
                raise RowError(f"sites_{t.lang}: {len(sites)} площадок, а в sites — "
                               f"{len(ru_sites)}")
            return tuple(sites)
        return tuple(
            Site(name=t.pick("sites", s.name, {}, "name"),
                 address=t.pick("sites", s.address, {}, "name"),
                 scope=t.pick("sites", s.scope, {}, "text"))
            for s in ru_sites
        )


def _sites(value: str, column: str) -> list[Site]:
    """«name | address | scope» entries, one per line or separated by «;;»."""
    sites = []
    for entry in _SITE_SPLIT.split(value.strip()) if value.strip() else []:
        parts = [p.strip() for p in entry.split("|")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise RowError(f"{column}: «{entry[:50]}» — ожидается «наименование | адрес | область»")
        if len(parts) > 3:
            raise RowError(f"{column}: «{entry[:50]}» — больше трёх частей через «|»")
        sites.append(Site(name=parts[0], address=parts[1], scope=parts[2] if len(parts) > 2 else ""))
    return sites


# The ``status`` column: the statuses of formgen.case.history, or their Russian words.
_STATUS_WORDS = {
    "active": "active", "действует": "active", "действующий": "active",
    "suspended": "suspended", "приостановлен": "suspended", "действие приостановлено": "suspended",
    "withdrawn": "withdrawn", "отменён": "withdrawn", "отменен": "withdrawn",
    "действие отменено": "withdrawn",
    "expired": "expired", "истёк": "expired", "истек": "expired", "срок действия истёк": "expired",
    "replaced": "replaced", "заменён": "replaced", "заменен": "replaced",
}


def row_status(cells: dict[str, object], data: CertificateData, day: dt.date | None = None
               ) -> StatusNote:
    """The row's status on ``day``: the ``status`` column if set, else from its dates.

    A table is a register extract: the status it states stands (with the date
    and decision beside it), but no row is valid after ``valid_until`` or
    before its registration, whatever the column says.
    """
    day = day or dt.date.today()
    word = str(cells.get("status") or "").strip().lower()
    since = parse_date(cells["status_date"], "status_date") if cells.get("status_date") else None
    if word and word not in _STATUS_WORDS:
        raise RowError(f"status: «{word}» — не статус (active, suspended, withdrawn, expired, "
                       "replaced)")
    if day < data.registration_date:
        return StatusNote("pending")
    if day > data.valid_until and _STATUS_WORDS.get(word, "active") == "active":
        return StatusNote("expired", data.valid_until + dt.timedelta(days=1))
    status = _STATUS_WORDS.get(word, "active")
    if since is not None and since > day:
        status = "active"  # a status that begins after the day asked about
    if status == "active":
        return StatusNote("active", data.registration_date)
    decision = str(cells.get("status_decision") or "").strip()
    return StatusNote(status, since, decision, since if decision else None,
                      str(cells.get("replaced_by") or "").strip())

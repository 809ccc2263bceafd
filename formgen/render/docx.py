"""Render a DOCX template with a form context, safely and reproducibly.

Three things docxtpl leaves to its user are done here, once for every form:
autoescaping (off by default in docxtpl — an ``&`` in a name would otherwise
corrupt the document), ``StrictUndefined`` (a misspelt variable is an error
naming the template, not a silently empty blank), and text hygiene (characters
XML cannot hold are dropped; line breaks in long fields become Word line
breaks). The saved archive is made reproducible.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate, Listing
from markupsafe import Markup, escape

from formgen.errors import TemplateError
from formgen.output.zipfix import reproducible_zip
from formgen.render.jinjamessages import russian

__all__ = ["jinja_environment", "render_docx", "template_variables"]

# XML 1.0 forbids most C0 controls; Word refuses a document that has them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# docxtpl turns "{_{" (and kin) into "{{" after rendering; data must survive that.
_DOCXTPL_MARKERS = ("{_{", "}_}", "{_%", "%_}")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = _XML_INVALID.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
        if "\n" in value:
            listing = Listing(value)
            listing.xml = _protect(listing.xml)
            return listing
        if any(m in value for m in _DOCXTPL_MARKERS):
            return Markup(_protect(str(escape(value))))
        return value
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def _protect(xml: str) -> str:
    """Write "_" as a character reference so docxtpl's marker clean-up cannot match."""
    return xml.replace("_", "&#95;") if any(m in xml for m in _DOCXTPL_MARKERS) else xml


def jinja_environment() -> jinja2.Environment:
    return jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)


def render_docx(template: Path, context: dict[str, Any]) -> bytes:
    """The rendered document's bytes; ``TemplateError`` names template and problem."""
    try:
        doc = DocxTemplate(str(template))
        doc.render(_clean(context), jinja_env=jinja_environment(), autoescape=True)
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{template.name}: шаблон использует неизвестное поле: {russian(exc.message)} "
                            "(проверка: formgen templates check)") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{template.name}: ошибка в шаблоне: {russian(exc.message)}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{template.name}: ошибка в шаблоне: {russian(exc.message)}") from exc
    except (zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise TemplateError(f"{template.name}: шаблон не читается как DOCX: это не документ Word "
                            "(сохраните его в Word как «Документ Word (*.docx)»)") from exc
    except (OSError, KeyError, ValueError) as exc:
        raise TemplateError(f"{template.name}: шаблон не читается как DOCX: {exc}") from exc
    buf = io.BytesIO()
    doc.save(buf)
    return reproducible_zip(buf.getvalue())


def template_variables(template: Path) -> set[str]:
    """Top-level names a template uses (for tests: each must come from its builder)."""
    doc = DocxTemplate(str(template))
    return set(doc.get_undeclared_template_variables(jinja_environment()))

"""From a validated case to documents in memory: the render stage of the pipeline.

Forms are taken in the registry's order (the order of the certification
cycle), each instance is built and rendered, and nothing touches the disk
here — ``formgen.output.writer`` writes the result all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from formgen.case.model import Case
from formgen.errors import InputError, RenderError
from formgen.forms.registry import FORMS, FormSpec, Instance
from formgen.languages import ANNEX_BY_LANG
from formgen.output.writer import Document
from formgen.render.docx import render_docx
from formgen.render.templates import find_template
from formgen.text.filenames import safe_stem
from formgen.wording import using

__all__ = ["file_stem", "produce", "select_forms"]

# Certificates: Russian is Annex П, the foreign-language form is Annex С.


def select_forms(spec: str) -> list[FormSpec]:
    """``all`` or a comma-separated list of slugs; unknown slugs are an input error."""
    if spec.strip() == "all":
        return list(FORMS)
    wanted = [s.strip() for s in spec.split(",") if s.strip()]
    known = {f.slug: f for f in FORMS}
    unknown = [s for s in wanted if s not in known]
    if unknown or not wanted:
        raise InputError(
            f"неизвестная форма: {', '.join(unknown) or spec!r}; "
            f"известны: all, {', '.join(known)}"
        )
    return [f for f in FORMS if f.slug in wanted]


def file_stem(form: FormSpec, key: str) -> str:
    """``06-audit-plan-stage2``: cycle order first, then slug and instance key in Latin."""
    number = FORMS.index(form) + 1
    if not key:
        return f"{number:02d}-{form.slug}"
    return f"{number:02d}-{form.slug}-{safe_stem(key)}"


CertificateRenderer = Callable[[Case, object, list[str]], list[tuple[str, bytes]]]


def produce(
    case: Case,
    forms: Iterable[FormSpec],
    langs: list[str],
    templates: Path | None = None,
    certificate_renderer: CertificateRenderer | None = None,
    on_document: Callable[[str], None] | None = None,
) -> list[Document]:
    """Render every instance of the chosen forms; raise on the first failure.

    The wording catalogue is the one of the ``templates`` folder (its
    ``wording.yaml`` over the default), for every form of this run.
    """
    with using(templates):
        return _produce(case, forms, langs, templates, certificate_renderer, on_document)


def _produce(case, forms, langs, templates, certificate_renderer, on_document) -> list[Document]:
    documents: list[Document] = []
    for form in forms:
        for instance in form.instances(case):
            try:
                if form.output == "docx":
                    documents.append(_docx(case, form, instance, templates))
                else:
                    documents.extend(_certificate(case, form, instance, langs, certificate_renderer))
            except Exception as exc:
                # Keep the error as raised (its type decides the exit code); say which form.
                exc.add_note(f"форма {form.slug} ({instance.key or 'единственная'})")
                raise
            if on_document:
                on_document(form.slug)
    return documents


def _docx(case: Case, form: FormSpec, instance: Instance, templates: Path | None) -> Document:
    context = form.build(case, instance.item)
    data = render_docx(find_template(form.template, templates), context)
    return Document(form.slug, form.annex, "ru", "docx", f"{file_stem(form, instance.key)}.docx", data)


def _certificate(case, form, instance, langs, renderer) -> list[Document]:
    if renderer is None:
        raise RenderError("сертификаты в PDF недоступны: модуль сертификатов не подключён")
    out = []
    for lang, data in renderer(case, instance.item, langs):
        # A bilingual draft comes back as one "ru+en" document: annexes "П+С".
        annex = "+".join(ANNEX_BY_LANG.get(part, "С") for part in lang.split("+"))
        stem = file_stem(form, instance.key)
        out.append(Document(form.slug, annex, lang, "pdf", f"{stem}-{lang}.pdf", data))
    return out

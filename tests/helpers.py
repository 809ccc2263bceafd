"""Test helpers shared by the form tests: load samples, render a form, read DOCX text."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from formgen.case.load import load_case
from formgen.forms.produce import produce, select_forms

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def sample(name: str = "full-cycle.yaml"):
    """A validated sample case (``Case``)."""
    return load_case(SAMPLES / name).case


def render_form(case, slug: str, langs=("ru",)):
    """The documents of one form for a case (in memory)."""
    return produce(case, select_forms(slug), list(langs))


def docx_text(data: bytes) -> str:
    """All visible text of a DOCX (body, tables, headers), paragraphs on separate lines.

    Read from the XML itself so nothing python-docx skips (nested tables,
    headers) hides a leaked ``{{ tag }}`` or "None".
    """
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            xml = archive.read(name).decode("utf-8")
            for para in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
                para = re.sub(r"<w:br/>", "<w:t>\n</w:t>", para)
                para = re.sub(r"<w:tab/>", "<w:t>\t</w:t>", para)
                texts = re.findall(r"<w:t(?: [^>]*)?>(.*?)</w:t>", para, flags=re.S)
                line = "".join(texts)
                line = (line.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                        .replace("&apos;", "'").replace("&amp;", "&"))
                out.append(line)
    return "\n".join(out)


def flat(text: str) -> str:
    """Whitespace folded (no-break spaces too), for assertions across line breaks."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


# -- rendered forms ------------------------------------------------------------------
TEMPLATE_LEAKS = ("None", "{{", "}}", "{%", "%}")


def assert_no_leaks(text: str, *also: str) -> None:
    """Rendered text with no Jinja tag and no Python ``None`` left in it (nor any of ``also``)."""
    for leak in (*TEMPLATE_LEAKS, *also):
        assert leak not in text, (leak, text)


def form_texts(case, slug: str) -> dict[str, str]:
    """Rendered text of every instance of a form, by file name."""
    return {d.path: flat(docx_text(d.data)) for d in render_form(case, slug)}


def instance_text(case, slug: str, key: str) -> str:
    """The text of the one instance of a form whose file name ends in ``-{key}.docx``.

    ``key`` is what the registry puts last in the name: an audit id
    (``stage2``), or audit id and nonconformity number (``stage2-1``).
    """
    found = [t for path, t in form_texts(case, slug).items() if path.endswith(f"-{key}.docx")]
    assert len(found) == 1, (slug, key)
    return found[0]


def with_audit(case, audit_id: str, **update):
    """The case with the fields of one audit changed."""
    audits = [a.model_copy(update=update) if a.id == audit_id else a for a in case.audits]
    return case.model_copy(update={"audits": audits})

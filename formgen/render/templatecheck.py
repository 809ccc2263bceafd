"""Check a body's override templates before anything is rendered with them.

Rendering stops at a template's first error and only meets the variables
of the branches a case takes, so a clerk fixing a Word file would go round
the loop once per mistake. This module reads every template in the folder
and reports every problem at once, each with the file and the paragraph (or
table cell) it stands in: Jinja syntax errors, unknown variables (checked
against the form's context as ``formgen.forms.fields`` reads it off real
contexts, with the nearest known name as a hint), ``if``/``for`` left open,
and files whose name matches no template (they would be silently ignored).

Why not just parse the whole document with Jinja: its parser stops at the
first error and its line numbers point into Word's XML, which a clerk never
sees. Each field and command is parsed on its own, in document order, with a
stack of the open ``if``/``for`` blocks; the whole-document parse docxtpl
does is still run last, to catch what the piecewise reading cannot.
"""

from __future__ import annotations

import difflib
import functools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes
from lxml import etree

from formgen.errors import TemplateError
from formgen.forms.fields import Node, form_shape
from formgen.forms.registry import FORMS
from formgen.render.docx import jinja_environment
from formgen.render.jinjamessages import russian
from formgen.wording import WORDING_FILE, check_wording_file

__all__ = ["check_folder", "check_template", "ensure_valid"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_OPEN = re.compile(r"\{[{%#]")
_CLOSE = {"{{": "}}", "{%": "%}", "{#": "#}"}
_STRAY = re.compile(r"\}\}|%\}")
_DOCXTPL_PREFIX = re.compile(r"^(tr|tc|p|r)(?=\s)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_WORD_FORMATS = (".doc", ".docm", ".dotx", ".dot", ".odt", ".rtf")
_OPENERS = {"for": "endfor", "if": "endif", "with": "endwith", "filter": "endfilter",
            "macro": "endmacro", "call": "endcall", "raw": "endraw", "block": "endblock"}
_MIDDLES = {"else": ("if", "for"), "elif": ("if",)}
_OTHER_TAGS = {"set", "include", "import", "from", "do", "extends", "break", "continue"}
_ANY = None  # a variable whose shape is not known (set in the template, a tuple target…)
_SNIPPET = 90
_TOP_LEVEL = {f"{_W}body", f"{_W}hdr", f"{_W}ftr"}  # paragraphs counted as «абзац N» (not in tables)
_env = functools.cache(jinja_environment)  # one environment for every piece parsed


@dataclass(frozen=True)
class Paragraph:
    """Where a piece of template text stands, as a clerk finds it in Word."""

    where: str
    text: str

    def at(self, tag: str) -> str:
        """``абзац «…»`` with the text around ``tag`` when the paragraph is long."""
        text = " ".join(self.text.split())
        if len(text) > _SNIPPET:
            start = max(0, text.find(" ".join(tag.split())) - 25)
            piece = text[start:start + _SNIPPET]
            text = ("…" if start else "") + piece + ("…" if start + _SNIPPET < len(text) else "")
        return f"{self.where} «{text}»"


@dataclass
class _Block:
    keyword: str
    paragraph: Paragraph
    tag: str


@dataclass
class _Reader:
    """One template's walk: the open blocks, the names in scope, the problems found."""

    name: str
    shape: Node
    slug: str
    problems: list[str] = field(default_factory=list)
    blocks: list[_Block] = field(default_factory=list)
    scopes: list[dict[str, Node | None]] = field(default_factory=list)

    def report(self, paragraph: Paragraph, tag: str, message: str) -> None:
        self.problems.append(f"{self.name}: {paragraph.at(tag)}: {message}")

    def syntax(self, paragraph: Paragraph, tag: str, message: str) -> None:
        self.report(paragraph, tag, f"{tag.strip()} — {message}")


def check_folder(folder: Path) -> list[str]:
    """Every problem of every override file in ``folder`` (empty when all is well)."""
    if not folder.is_dir():
        return [f"{folder}: папка шаблонов не найдена"]
    known = {f.template: f.slug for f in FORMS if f.output == "docx"}
    problems: list[str] = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if path.is_dir() or name.startswith((".", "~$")):
            continue
        if name == WORDING_FILE:
            problems += check_wording_file(path)
        elif name in known:
            problems += check_template(path, known[name])
        elif path.suffix.lower() == ".docx" or (path.suffix.lower() in _WORD_FORMATS
                                                 and f"{path.stem}.docx" in known):
            problems.append(_unknown_file(path, sorted(known)))
    return problems


def ensure_valid(folder: Path | None) -> None:
    """Raise one ``TemplateError`` listing every problem of the override folder (exit code 2)."""
    if folder is None:
        return
    problems = check_folder(folder)
    if problems:
        count = len(problems)
        raise TemplateError(f"шаблоны в {folder} с ошибками ({count}), ничего не сформировано:\n"
                            + "\n".join(f"  {p}" for p in problems))


def _unknown_file(path: Path, known: list[str]) -> str:
    if path.suffix.lower() != ".docx":
        return (f"{path.name}: шаблон должен быть в формате .docx — сохраните его в Word как "
                f"«Документ Word (*.docx)» под именем {path.stem}.docx")
    nearest = difflib.get_close_matches(path.name.lower(), known, n=1, cutoff=0.0)
    hint = f"; возможно, имелся в виду {nearest[0]}" if nearest else ""
    return (f"{path.name}: такого шаблона нет, файл не будет использован{hint} "
            "(имена шаблонов: formgen templates list)")


def check_template(path: Path, slug: str) -> list[str]:
    """Every problem of one override template of form ``slug``."""
    reader = _Reader(path.name, form_shape(slug), slug)
    reader.scopes.append(_globals(reader.shape))
    try:
        paragraphs = list(_paragraphs(path))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError):
        return [f"{path.name}: не читается как DOCX: это не документ Word "
                "(сохраните его в Word как «Документ Word (*.docx)»)"]
    for paragraph in paragraphs:
        _read_paragraph(reader, paragraph)
    for block in reader.blocks:
        reader.syntax(block.paragraph, block.tag,
                      f"команда «{block.keyword}» не закрыта: нужна {{% {_OPENERS[block.keyword]} %}}")
    if not reader.problems:  # what the piecewise reading could not see (only when it saw nothing)
        _whole_document(reader, path)
    return reader.problems


# -- reading the document ----------------------------------------------------------------
def _paragraphs(path: Path) -> Iterator[Paragraph]:
    """Every paragraph of body, headers and footers, in order, with where it stands."""
    with zipfile.ZipFile(path) as archive:
        parts = sorted((n for n in archive.namelist() if _PARTS.fullmatch(n)),
                       key=lambda n: (not n.endswith("document.xml"), n))
        for part in parts:
            root = etree.fromstring(archive.read(part))
            place = {"document": "", "header": "верхний колонтитул, ", "footer": "нижний колонтитул, "}[
                re.sub(r"\d+$", "", part[5:-4])]
            tables = {t: n for n, t in enumerate(root.iter(f"{_W}tbl"), 1)}
            count = 0
            for p in root.iter(f"{_W}p"):
                text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
                if p.getparent() is not None and p.getparent().tag in _TOP_LEVEL:
                    count += 1
                if "{" not in text and "}" not in text:
                    continue
                yield Paragraph(place + _where(p, tables, count), text)


def _where(p, tables: dict, count: int) -> str:
    cell = next((a for a in p.iterancestors(f"{_W}tc")), None)
    if cell is None:
        return f"абзац {count}"
    row = cell.getparent()
    table = row.getparent()
    row_no = table.findall(f"{_W}tr").index(row) + 1
    cell_no = row.findall(f"{_W}tc").index(cell) + 1
    return f"таблица {tables.get(table, '?')}, строка {row_no}, ячейка {cell_no}"


def _read_paragraph(reader: _Reader, paragraph: Paragraph) -> None:
    text = paragraph.text
    outside = []
    pos = 0
    while (match := _OPEN.search(text, pos)) is not None:
        start, opener = match.start(), match[0]
        outside.append(text[pos:start])
        end = text.find(_CLOSE[opener], start + 2)
        following = _OPEN.search(text, start + 2)
        if end < 0 or (following is not None and following.start() < end):
            piece = text[start:following.start() if following else len(text)].rstrip()
            reader.syntax(paragraph, piece, f"не закрыто: после «{opener}» нужно «{_CLOSE[opener]}»")
            pos = start + 2
            continue
        tag = text[start:end + 2]
        if opener == "{{":
            _read_field(reader, paragraph, tag)
        elif opener == "{%":
            _read_command(reader, paragraph, tag)
        pos = end + 2
    outside.append(text[pos:])
    stray = _STRAY.search("".join(outside))
    if stray:
        reader.syntax(paragraph, stray[0], f"лишнее «{stray[0]}» без открывающей скобки: поле пишется "
                      "{{ имя }}, команда — {% … %}")


def _body(tag: str) -> str:
    inner = tag[2:-2].translate(_QUOTES).strip("-+ \t")
    return _DOCXTPL_PREFIX.sub("", inner).strip()


def _parse(reader: _Reader, paragraph: Paragraph, tag: str, source: str) -> nodes.Template | None:
    try:
        return _env().parse(source)
    except jinja2.TemplateSyntaxError as exc:
        reader.syntax(paragraph, tag, russian(exc.message))
        return None


def _read_field(reader: _Reader, paragraph: Paragraph, tag: str) -> None:
    tree = _parse(reader, paragraph, tag, "{{ " + _body(tag) + " }}")
    if tree is not None:
        _check_names(reader, paragraph, tag, tree, reader.scopes)


def _read_command(reader: _Reader, paragraph: Paragraph, tag: str) -> None:
    body = _body(tag)
    keyword = body.split(maxsplit=1)[0] if body else ""
    if keyword in ("for", "if"):
        tree = _parse(reader, paragraph, tag, "{% " + body + " %}{% end" + keyword + " %}")
        scope: dict[str, Node | None] = {}
        if tree is not None:
            statement = tree.body[0]
            if isinstance(statement, nodes.For):
                _check_names(reader, paragraph, tag, statement.iter, reader.scopes)
                item = _resolve_quiet(statement.iter, reader.scopes)
                if isinstance(statement.target, nodes.Name):
                    scope[statement.target.name] = item
                for target in statement.target.find_all(nodes.Name):  # for k, v in …: shapes unknown
                    scope[target.name] = _ANY
                scope["loop"] = _ANY
                if statement.test is not None:
                    _check_names(reader, paragraph, tag, statement.test, [*reader.scopes, scope])
            else:
                _check_names(reader, paragraph, tag, tree, reader.scopes)
        reader.blocks.append(_Block(keyword, paragraph, tag))
        reader.scopes.append(scope)
    elif keyword in _MIDDLES:
        if not reader.blocks or reader.blocks[-1].keyword not in _MIDDLES[keyword]:
            reader.syntax(paragraph, tag, f"«{keyword}» без открытой команды «{_MIDDLES[keyword][0]}»")
        elif keyword == "elif":
            tree = _parse(reader, paragraph, tag, "{% if " + body[4:] + " %}{% endif %}")
            if tree is not None:
                _check_names(reader, paragraph, tag, tree, reader.scopes)
    elif keyword.startswith("end") and keyword[3:] in _OPENERS:
        if not reader.blocks:
            reader.syntax(paragraph, tag, f"«{keyword}» без открытой команды «{keyword[3:]}»")
        elif reader.blocks[-1].keyword != keyword[3:]:
            open_ = reader.blocks[-1]
            reader.syntax(paragraph, tag, f"«{keyword}» не на месте: сначала закройте «{open_.keyword}» "
                          f"({{% {_OPENERS[open_.keyword]} %}})")
        else:
            reader.blocks.pop()
            reader.scopes.pop()
    elif keyword in _OPENERS:
        reader.blocks.append(_Block(keyword, paragraph, tag))
        reader.scopes.append({})
    elif keyword == "set":
        tree = _parse(reader, paragraph, tag, "{% " + body + " %}")
        if tree is not None:
            _check_names(reader, paragraph, tag, tree, reader.scopes)
            for assigned in tree.find_all(nodes.Assign):
                for target in assigned.target.find_all(nodes.Name):
                    reader.scopes[-1][target.name] = _ANY
                if isinstance(assigned.target, nodes.Name):
                    reader.scopes[-1][assigned.target.name] = _ANY
    elif keyword not in _OTHER_TAGS:
        reader.syntax(paragraph, tag, f"неизвестная команда «{keyword}»" if keyword
                      else "после «{%» нет имени команды (if, for, endif…)")


# -- names ---------------------------------------------------------------------------------
def _globals(shape: Node) -> dict[str, Node | None]:
    scope: dict[str, Node | None] = dict.fromkeys(_env().globals, _ANY)
    scope.update(shape.keys)
    return scope


def _chain(node: nodes.Node) -> list[str | int] | None:
    """``org.head.full_name`` as ["org", "head", "full_name"]; None when not a plain lookup."""
    parts: list[str | int] = []
    while True:
        if isinstance(node, nodes.Getattr):
            parts.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
                and isinstance(node.arg.value, str | int):
            parts.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            parts.append(node.name)
            return parts[::-1]
        else:
            return None


def _chains(node: nodes.Node) -> Iterator[list[str | int]]:
    if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Name):
        chain = _chain(node)
        if chain is not None:
            if not (isinstance(node, nodes.Name) and node.ctx != "load"):
                yield chain
            return
    for child in node.iter_child_nodes():
        yield from _chains(child)


def _lookup(name: str, scopes: list[dict[str, Node | None]]) -> tuple[bool, Node | None]:
    for scope in reversed(scopes):
        if name in scope:
            return True, scope[name]
    return False, _ANY


def _resolve_quiet(expr: nodes.Node, scopes: list[dict[str, Node | None]]) -> Node | None:
    """The element shape of the list ``expr`` names (for a loop variable), or unknown."""
    chain = _chain(expr)
    if chain is None:
        return _ANY
    _, node = _lookup(str(chain[0]), scopes)
    for part in chain[1:]:
        if node is None:
            return _ANY
        node = node.keys.get(str(part)) if node.is_dict else None
    return node.item if node is not None and node.is_list else _ANY


def _check_names(reader: _Reader, paragraph: Paragraph, tag: str, tree: nodes.Node,
                 scopes: list[dict[str, Node | None]]) -> None:
    env = _env()
    for kind, known, word in ((nodes.Filter, env.filters, "фильтр"), (nodes.Test, env.tests, "проверка")):
        for used in tree.find_all(kind):
            if used.name not in known:
                near = difflib.get_close_matches(used.name, list(known), n=1)
                hint = f"; возможно, «{near[0]}»" if near else ""
                reader.report(paragraph, tag, f"неизвестный {word} «{used.name}»{hint}" if word == "фильтр"
                              else f"неизвестная {word} «is {used.name}»{hint}")
    for chain in _chains(tree):
        message = _unknown(chain, scopes)
        if message:
            reader.report(paragraph, tag, f"{message} (поля формы: formgen templates fields {reader.slug})")


def _unknown(chain: list[str | int], scopes: list[dict[str, Node | None]]) -> str | None:
    first = str(chain[0])
    found, node = _lookup(first, scopes)
    if not found:
        visible = [n for scope in scopes for n in scope]
        return _message(first, difflib.get_close_matches(first, visible, n=1))
    path = first
    for part in chain[1:]:
        if node is None:
            return None
        if isinstance(part, int):
            if not node.is_list:
                return None
            node, path = node.item, f"{path}[{part}]"
            continue
        if node.is_dict and part in node.keys:
            node, path = node.keys[part], _join(path, part)
            continue
        if any(hasattr(kind, part) for kind, flag in ((dict, node.is_dict), (list, node.is_list),
                                                      (str, not (node.is_dict or node.is_list))) if flag):
            return None  # a method of the value (items, upper…)
        near = difflib.get_close_matches(part, list(node.keys), n=1)
        return _message(_join(path, part), [_join(path, near[0])] if near else [])
    return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if key.isidentifier() else f'{path}["{key}"]'


def _message(name: str, near: list[str]) -> str:
    hint = f"; возможно, «{near[0]}»" if near else ""
    return f"неизвестное поле «{name}»{hint}"


# -- the whole document, as docxtpl reads it ----------------------------------------------------
def _whole_document(reader: _Reader, path: Path) -> None:
    from docxtpl import DocxTemplate

    try:
        DocxTemplate(str(path)).get_undeclared_template_variables(_env())
    except jinja2.TemplateSyntaxError as exc:
        line = ""
        if exc.source and exc.lineno:
            lines = exc.source.splitlines()
            line = re.sub(r"<[^>]+>", "", lines[exc.lineno - 1]) if exc.lineno <= len(lines) else ""
        reader.syntax(Paragraph("абзац", line.strip()[:_SNIPPET] or "?"), "", russian(exc.message))
    except Exception as exc:  # docxtpl's own reading of the XML
        reader.problems.append(f"{reader.name}: не читается как шаблон: {exc}")

"""PyYAML's syntax errors in Russian, with what the clerk most likely did.

PyYAML explains in parser terms ("expected <block end>, but found '-'"); a
clerk needs "отступ не совпадает с соседними строками". The usual slips —
a wrong indent, a colon or «#» inside an unquoted value, a tab, an unclosed
bracket or quote — each get a sentence; anything else keeps PyYAML's words
after a Russian lead-in.
"""

from __future__ import annotations

__all__ = ["explain_yaml_problem"]

_INDENT = ("неверный отступ: строка сдвинута не так, как соседние строки этого раздела "
           "(отступы — пробелами, одинаковые у полей одного уровня)")

# (fragment of PyYAML's problem text, Russian explanation)
_KNOWN = (
    ("found character '\\t'", "символ табуляции: в YAML отступы делаются только пробелами"),
    ("mapping values are not allowed here",
     "двоеточие внутри значения: возьмите значение в кавычки, например  name: \"ООО «А: Б»\""),
    ("expected <block end>", _INDENT),
    ("expected '<document start>'", _INDENT),
    ("did not find expected key", _INDENT),
    ("did not find expected '-' indicator", _INDENT),
    ("expected ',' or ']'", "не закрыта квадратная скобка «]» списка (или нет запятой между элементами)"),
    ("expected ',' or '}'", "не закрыта фигурная скобка «}» (или нет запятой между полями)"),
    ("found unexpected end of stream", "файл кончился внутри кавычек или скобок: закройте их"),
    ("found undefined alias", "ссылка «*имя» на неизвестную метку «&имя»"),
    ("found unknown escape character", "в тексте в двойных кавычках «\\» — используйте одинарные кавычки"),
    ("could not find expected ':'", "нет двоеточия после имени поля (или не закрыты кавычки в строке выше)"),
    ("found character that cannot start any token",
     "значение начинается со знака, который нужно взять в кавычки (@, `, %, |, >)"),
    ("found duplicate anchor", "метка «&имя» повторяется"),
)


def explain_yaml_problem(problem: str | None) -> str:
    """One Russian sentence for PyYAML's ``problem`` text."""
    text = problem or ""
    for fragment, explanation in _KNOWN:
        if fragment in text:
            return explanation
    return f"файл не читается как YAML ({text or 'неизвестная ошибка'})"

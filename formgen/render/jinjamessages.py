"""Jinja's syntax messages in Russian, for a clerk editing a template in Word.

Jinja words its errors for programmers, in English; the clerk who typed
``{{ org.name }`` in Word needs «лишняя „}“» and what to type instead. Only
the wording changes: the message's facts (which token, which tag) are kept.
"""

from __future__ import annotations

import re

__all__ = ["russian"]

_TOKENS = {
    "end of print statement": "конец поля «}}»",
    "end of statement block": "конец команды «%}»",
    "end of template": "конец шаблона",
    "name": "имя",
}


def _token(value: str) -> str:
    return _TOKENS.get(value, f"«{value}»")


def _tags(listing: str) -> str:
    return ", ".join("{% " + t + " %}" for t in re.findall(r"'(\w+)'", listing))


_RULES: tuple[tuple[re.Pattern[str], object], ...] = (
    (re.compile(r"unexpected '(.+?)', expected '(.+?)'"),
     lambda m: f"встретилось {_token(m[1])}, а ожидалось {_token(m[2])}"),
    (re.compile(r"unexpected '(.+?)'"), lambda m: f"лишнее {_token(m[1])} — проверьте скобки"),
    (re.compile(r"expected token '(.+?)', got '(.+?)'"),
     lambda m: f"ожидалось {_token(m[1])}, а встретилось {_token(m[2])}"),
    (re.compile(r"Expected an expression, got '(.+?)'"),
     lambda m: f"пустое поле: внутри скобок нет имени (встретилось {_token(m[1])})"),
    (re.compile(r"unexpected char (['\"])(.+?)\1 at \d+"),
     lambda m: f"недопустимый знак «{m[2]}» (кавычки должны быть парными, имена — латиницей)"),
    (re.compile(r"Encountered unknown tag '(\w+)'\. Jinja was looking for the following tags: (.+?)\. "
                r"The innermost block that needs to be closed is '(\w+)'"),
     lambda m: f"команда «{m[1]}» не на месте: не закрыта команда «{m[3]}» (ожидалось {_tags(m[2])})"),
    (re.compile(r"Encountered unknown tag '(\w+)'"),
     lambda m: f"неизвестная команда «{m[1]}» (или она не на месте)"),
    (re.compile(r"Unexpected end of template\. Jinja was looking for the following tags: (.+?)\. "
                r"The innermost block that needs to be closed is '(\w+)'"),
     lambda m: f"команда «{m[2]}» не закрыта: нужна {_tags(m[1]).split(', ')[-1]}"),
    (re.compile(r"tag name expected"), lambda m: "после «{%» нет имени команды (if, for, endif…)"),
    (re.compile(r"No filter named '(\w+)'"), lambda m: f"неизвестный фильтр «{m[1]}»"),
    (re.compile(r"No test named '(\w+)'"), lambda m: f"неизвестная проверка «is {m[1]}»"),
    (re.compile(r"has no attribute '(.+?)'"), lambda m: f"нет поля «{m[1]}»"),
    (re.compile(r"'(.+?)' is undefined"), lambda m: f"нет поля «{m[1]}»"),
)


def russian(message: str | None) -> str:
    """The Russian wording of a Jinja error message (syntax, unknown filter, undefined field)."""
    text = (message or "").strip()
    for pattern, build in _RULES:
        match = pattern.search(text)
        if match:
            return build(match)  # type: ignore[operator]
    return f"ошибка синтаксиса шаблона: {text}"

"""Russian typographic quotes for names of organisations and documents.

Case files are typed by people: ООО "Ромашка" arrives with straight quotes.
Forms print ООО «Ромашка», nested quotes as „…“ as Russian typography asks.
"""

from __future__ import annotations

__all__ = ["russian_quotes"]


def russian_quotes(text: str | None) -> str:
    """Replace straight double quotes with «ёлочки» (nested ones with „лапки“)."""
    if not text or '"' not in text:
        return text or ""
    out: list[str] = []
    depth = 0
    for i, ch in enumerate(text):
        if ch != '"':
            out.append(ch)
            continue
        prev = text[i - 1] if i else " "
        opening = prev.isspace() or prev in "(«„[-—/" or i == 0
        if opening:
            out.append("«" if depth == 0 else "„")
            depth += 1
        else:
            depth = max(depth - 1, 0)
            out.append("»" if depth == 0 else "“")
    return "".join(out)

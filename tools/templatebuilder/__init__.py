"""Builds the DOCX templates in ``templates/`` from layouts written as data.

Run ``python -m tools.templatebuilder`` after changing a layout; the output is
committed so clerks (and ``formgen templates export``) get plain Word files
they can open, restyle and put a letterhead on. Building from layouts keeps
every form's blanks, captions and signature blocks drawn by one piece of code
(``blocks.py``) while forms differ only in their layout data (``layouts/``);
the parts several forms print alike are written once in ``fragments.py``
(outside ``layouts/``, whose every module is built as a form).
"""

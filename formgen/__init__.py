"""formgen: the paperwork of an EMS certification body from one case file.

The data's path, one sub-package per stage:
case file → ``case`` (load, model, schema) → ``checks`` (rules, audit time)
→ ``forms`` (registry and context builders) → ``render`` (DOCX, PDF)
→ ``output`` (atomic writes, manifest).
"""

__all__ = ["__version__"]
__version__ = "0.1.0"

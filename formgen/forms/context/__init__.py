"""Context builders: pure functions ``(case, item) -> dict`` of strings, one per form.

Shared pieces (the body, the organisation, an audit, a decision) are built in
``common``; each form module adds only what its form prints.
"""

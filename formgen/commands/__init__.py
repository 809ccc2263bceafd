"""Sub-commands of the ``formgen`` CLI, one module each.

Every module exposes ``register(app)``, which adds its command(s) to the Typer
application; ``formgen.cli`` calls them all. Keeping commands apart keeps
``cli.py`` a table of contents rather than a second home for logic.
"""

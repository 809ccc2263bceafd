"""``python -m formgen`` runs the command line."""

from formgen.cli import main

main()

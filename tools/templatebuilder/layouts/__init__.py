"""One module per form, each exporting ``TITLE`` and ``LAYOUT``; the file
name (with ``-`` for ``_``) is the form's slug and its template's name."""

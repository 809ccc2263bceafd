"""The body's register: every case, certificate, number and issued document in one database.

ГОСТ Р 54298-2010 has the body keep the register of issued, suspended and
withdrawn certificates and inform about their status (9.3.8–9.3.10). Case files
stay the source of truth for one client's cycle; the register holds what
follows from all of them at once, so that numbers are never handed out twice
and a status can be answered without opening a file.

Modules, in the order data flows through them:

* ``db`` — the database URL (``--db`` / ``FORMGEN_DB`` / ``formgen.db``), the
  engine, and the Alembic upgrade every command runs first;
* ``models`` — the tables (SQLAlchemy 2 typed ORM);
* ``importer`` — a case file → a revision and the rows derived from it;
* ``numbering`` — series of numbers with a counter per year, reserved atomically;
* ``documents`` — issued documents as records (``render --register``);
* ``queries`` — a certificate's public record, lists and statuses at a date;
* ``agenda`` — what falls due across all cases;
* ``export`` — the IAF CertSearch upload sheet and CSV;
* ``dump`` — portable JSON backups.
"""

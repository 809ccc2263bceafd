"""``formgen agenda``: what falls due across the samples, each with its case, date and clause."""

from __future__ import annotations

from tests.register_support import SAMPLE_FILES, formgen


def _agenda(db_url: str, at: str, within: int) -> list[tuple[str, str, str, str, str | None]]:
    items = formgen("agenda", "--at", at, "--within", str(within), "--json", "--db", db_url).json()
    return [(i["date"], i["kind"], i["clause"], i["case"], i["certificate"]) for i in items]


def test_agenda_of_the_samples(db_url: str) -> None:
    assert formgen("register", "import", *SAMPLE_FILES, "--db", db_url).exit_code == 0
    assert _agenda(db_url, "2025-06-01", 400) == [
        # the critical nonconformity of surveillance: open, its own term (7.7.15)
        ("2026-01-30", "corrective_action", "7.7.15", "З-031/2024", None),
        # suspended after surveillance for up to three months (7.7.19.3)
        ("2026-02-25", "suspension_end", "7.7.19.3", "З-031/2024", "ЭС.RU.СЭМ.00104-25"),
        # 12 months after the surveillance of 10.04.2025 (7.7.5)
        ("2026-04-10", "surveillance", "7.7.5", "З-006/2024", None),
    ]
    later = _agenda(db_url, "2026-04-01", 900)
    assert ("2027-03-25", "surveillance", "7.7.5", "З-014/2025", None) in later
    assert ("2027-01-15", "recertification_application", "8.2", "З-006/2024", "ЭС.RU.СЭМ.00112-25") in later
    assert ("2027-04-15", "recertification_application", "8.2", "З-006/2024", "ЭС.RU.СЭМ.00112-25") in later
    assert ("2027-07-15", "expiry", "7.6.4", "З-006/2024", "ЭС.RU.СЭМ.00112-25") in later
    # the withdrawn certificate and the replaced ones have nothing due
    assert not [i for i in later if i[4] in {"ЭС.RU.СЭМ.00104-25", "ЭС.RU.СЭМ.00117-24",
                                             "ЭС.RU.СЭМ.00208-24"}]
    assert [i[0] for i in later] == sorted(i[0] for i in later)
    assert _agenda(db_url, "2026-04-01", 8) == []  # the window ends on 09.04
    assert _agenda(db_url, "2026-04-01", 9) == [("2026-04-10", "surveillance", "7.7.5", "З-006/2024", None)]


def test_agenda_text_lines(db_url: str) -> None:
    assert formgen("register", "import", *SAMPLE_FILES, "--db", db_url).exit_code == 0
    run = formgen("agenda", "--at", "2026-04-01", "--within", "30", "--db", db_url)
    assert run.exit_code == 0
    assert "2026-04-10\tп. 7.7.5\tЗ-006/2024" in run.stdout
    assert "сроков: 1 с 2026-04-01 на 30 дн." in run.stdout

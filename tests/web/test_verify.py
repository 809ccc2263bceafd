"""The public certificate check: /verify/{number} and /api/v1/certificates/{number}.

Runs on a register imported from the samples (SQLite file in a temp folder):
the statuses the samples' decisions give, the same keys as
``register show --json``, Cyrillic numbers URL-encoded, a 404 that leaks
nothing, case text escaped; then the page in Debian Chromium through
Playwright, with screenshots in tests/output/screens/.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from formgen.cli import app as cli_app
from formgen.web.app import create_app
from tests.web.conftest import SCREENS, needs_chromium, serve

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
HOSTILE = '<script>alert("x")</script> & «Ромашка» {{ holder }}'


_NUMBER_KEYS = {"number", "register_number", "application_number", "decision", "certificate",
                "replaces", "added_by", "removed_by"}


def _renumbered(node, suffix: str):
    """The same case with every number (and every reference to one) changed alike."""
    if isinstance(node, dict):
        return {k: (v + suffix if k in _NUMBER_KEYS and isinstance(v, str) else _renumbered(v, suffix))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_renumbered(x, suffix) for x in node]
    return node


@pytest.fixture(scope="module")
def register_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("register")
    db = str(folder / "formgen.db")
    hostile = folder / "hostile.yaml"
    text = (ROOT / "samples" / "suspension-withdrawal.yaml").read_text(encoding="utf-8")
    text = text.replace("body: ../profiles/", f"body: {ROOT / 'profiles'}/")
    import yaml

    data = _renumbered(yaml.safe_load(text), "-h")
    data["organisation"]["name"] = HOSTILE
    hostile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli_app, ["register", "import", *map(str, SAMPLES), str(hostile), "--db", db])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def client(register_db) -> TestClient:
    return TestClient(create_app(register_db))


def test_statuses_follow_the_decisions(client):
    status = {n: client.get(f"/api/v1/certificates/{quote(n)}").json()["status"]
              for n in ("ЭС.RU.СЭМ.00104-25", "ЭС.RU.СЭМ.00117-24", "ЭС.RU.СЭМ.00208-24",
                        "ЭС.RU.СЭМ.00112-25", "ЭС.RU.СЭМ.00123-25")}
    assert status == {"ЭС.RU.СЭМ.00104-25": "withdrawn", "ЭС.RU.СЭМ.00117-24": "replaced",
                      "ЭС.RU.СЭМ.00208-24": "replaced", "ЭС.RU.СЭМ.00112-25": "active",
                      "ЭС.RU.СЭМ.00123-25": "active"}


def test_api_has_the_keys_of_register_show(client, register_db):
    shown = CliRunner().invoke(
        cli_app, ["register", "show", "ЭС.RU.СЭМ.00123-25", "--json", "--db", register_db])
    assert shown.exit_code == 0, shown.output
    api = client.get("/api/v1/certificates/%D0%AD%D0%A1.RU.%D0%A1%D0%AD%D0%9C.00123-25")
    assert api.status_code == 200
    assert api.json() == json.loads(shown.output)
    assert {"number", "holder", "status", "valid_from", "valid_until"} <= set(api.json())
    assert api.json()["valid_until"] == "2028-06-19"


def test_page_shows_status_holder_scope_sites_validity(client):
    page = client.get("/verify/" + quote("ЭС.RU.СЭМ.00208-24"))
    assert page.status_code == 200
    html = page.text
    assert "заменён" in html and "replaced" in html
    assert "Акционерное общество «Тверской завод железобетонных изделий»" in html
    assert "Бетонно-растворный узел «Мигалово»" in html
    assert "17.12.2024" in html and "15.07.2027" in html
    assert "ЭС.RU.СЭМ.00112-25" in html  # the certificate that replaced it
    assert page.headers["content-security-policy"].startswith("default-src 'self'")


def test_unknown_number_is_a_404_that_leaks_nothing(client):
    for path in ("/verify/ЭС.RU.СЭМ.00000-00", "/verify/" + quote("ЭС.RU.СЭМ.0012"),
                 "/verify/' OR 1=1 --"):
        page = client.get(path)
        assert page.status_code == 404
        assert "Сертификат не найден" in page.text
        assert "ЭС.RU.СЭМ.001" not in page.text and "Волжский" not in page.text
    api = client.get("/api/v1/certificates/nothing")
    assert api.status_code == 404 and api.json() == {"detail": "not found"}


def test_case_text_is_escaped(client):
    page = client.get("/verify/" + quote("ЭС.RU.СЭМ.00104-25-h"))
    assert page.status_code == 200
    assert "<script>" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; «Ромашка» {{ holder }}" in page.text


def test_search_form_redirects_to_the_number(client):
    answer = client.get("/verify", params={"number": " ЭС.RU.СЭМ.00123-25 "}, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/verify/" + quote("ЭС.RU.СЭМ.00123-25", safe="")


@pytest.fixture(scope="module")
def live_server(register_db):
    base, stop = serve(create_app(register_db))
    yield base
    stop()


@needs_chromium
def test_verification_page_in_chromium(live_server, browser_page):
    page = browser_page
    page.goto(live_server + "/")
    page.screenshot(path=str(SCREENS / "verify-home.png"))
    page.fill("#number", "ЭС.RU.СЭМ.00104-25")
    page.click("button[type=submit]")
    page.wait_for_selector(".status")
    assert page.locator(".status").get_attribute("data-status") == "withdrawn"
    assert "действие отменено с " in page.locator(".status").inner_text()
    assert "Камский завод металлоконструкций" in page.content()
    page.screenshot(path=str(SCREENS / "verify-withdrawn.png"), full_page=True)
    page.goto(live_server + "/verify/ЭС.RU.СЭМ.00104-25-h")
    assert '<script>alert("x")</script>' in page.locator("table.facts td").first.inner_text()
    page.goto(live_server + "/verify/НЕТ-ТАКОГО")
    assert "Сертификат не найден" in page.locator("h1").inner_text()
    page.screenshot(path=str(SCREENS / "verify-404.png"))

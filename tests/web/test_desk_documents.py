"""The documents page and batch printing of the desk, in Debian Chromium and over HTTP.

One register imported from the samples and one live server for the module;
one LibreOffice conversion in all (the first form; the second click is served
from the cache). Batch printing is checked against ``formgen certificates``
itself: the desk's merged PDF of two certificates is the CLI's, page for page.
Screenshots land in tests/output/screens/.
"""

from __future__ import annotations

import io
import re
import shutil
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from formgen.web.app import create_app
from tests.web.conftest import (
    ROOT,
    SAMPLES_DIR,
    SCREENS,
    add_user,
    cli,
    csrf_of,
    needs_chromium,
    serve,
    sign_in,
)

HOLDER = "Волжский завод строительных материалов"
IN_FORCE = ("ЭС.RU.СЭМ.00112-25", "ЭС.RU.СЭМ.00123-25")  # scope-change.yaml, full-cycle.yaml
WITHDRAWN = "ЭС.RU.СЭМ.00104-25"  # suspension-withdrawal.yaml
FORM = "01-application.docx"
PROFILE = ROOT / "profiles" / "ecostandard-body.yaml"
_no_soffice = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")


def needs_soffice(test):
    """Marked ``soffice`` (the suite's marker) and skipped without LibreOffice."""
    return pytest.mark.soffice(_no_soffice(test))


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """(app, base URL) of a desk on the samples' register; checks the services stop with it."""
    db = str(tmp_path_factory.mktemp("desk") / "formgen.db")
    cli("register", "init", "--profile", str(PROFILE), "--db", db)
    cli("register", "import", *map(str, sorted(SAMPLES_DIR.glob("*.yaml"))), "--db", db)
    add_user(db, "belova", "clerk", "Белова Марина Алексеевна")
    app = create_app(db, cases_dir=str(SAMPLES_DIR), profile=str(PROFILE))  # as scripts/desk starts it
    base, stop = serve(app)
    yield app, base
    running = getattr(app.state, "desk_services", None)
    stop()
    if running is not None:  # the lifespan stopped the converter and removed its folder
        assert not running.folder.exists()
        assert not running.converter._thread.is_alive()


@pytest.fixture(scope="module")
def client(desk) -> TestClient:
    app, _ = desk
    client = TestClient(app)
    assert sign_in(client, "belova").status_code == 303
    return client


def _log_in(page, base: str) -> None:
    page.goto(base + "/login")
    page.fill("#login", "belova")
    page.fill("#password", "correct-horse-7")
    page.click("button[type=submit]")
    page.wait_for_url("**/desk")


def _image_width(page) -> int:
    """Width of the loaded preview image (decoded first; the page's CSP forbids eval'd predicates)."""
    return page.locator("img#preview").evaluate("img => img.decode().then(() => img.naturalWidth)")


def _text(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


@needs_chromium
@needs_soffice
def test_form_to_pdf_with_progress_preview_and_download(desk, browser_page):
    app, base = desk
    page = browser_page
    _log_in(page, base)
    page.goto(base + "/desk/cases")
    page.click(f"text={HOLDER}")
    page.click("#papers-link")
    page.wait_for_selector("#papers")
    names = page.locator("#papers tr[data-name]").evaluate_all("rows => rows.map(r => r.dataset.name)")
    assert FORM in names and any(n.endswith("-ru.pdf") for n in names)
    page.screenshot(path=str(SCREENS / "desk-papers-01-list.png"), full_page=True)

    page.locator(f'tr[data-name="{FORM}"] button.convert').click()
    page.wait_for_selector("#job")  # the progress of the queued job (soffice takes seconds), then the preview
    assert page.locator("#job").get_attribute("data-state") in {"queued", "running"}
    assert "Просмотр появится" in page.locator("#preview-wait").inner_text()
    page.screenshot(path=str(SCREENS / "desk-papers-02-progress.png"))
    page.wait_for_selector("#job[data-state=done]", timeout=120_000)
    preview = page.wait_for_selector("img#preview")
    assert _image_width(page) > 300
    assert "страница 1" in (preview.get_attribute("alt") or "")
    assert page.locator("#job-state").inner_text() == "готово"
    page.screenshot(path=str(SCREENS / "desk-papers-03-preview.png"), full_page=True)

    with page.expect_download() as info:
        page.locator(f'tr[data-name="{FORM}"] a.pdf').click()
    assert info.value.suggested_filename == "01-application.pdf"
    text = " ".join(_text(info.value.path().read_bytes()))
    assert HOLDER in text.replace("\n", " ")
    runs = app.state.desk_services.converter.runs
    assert runs == 1

    page.locator(f'tr[data-name="{FORM}"] a.look').click()  # the cache: no new soffice run
    page.wait_for_selector("img#preview")
    assert app.state.desk_services.converter.runs == runs

    page.locator('tr[data-name$="-ru.pdf"] a.look').first.click()  # a certificate, as it is
    assert _image_width(page) > 300
    page.screenshot(path=str(SCREENS / "desk-papers-04-certificate.png"), full_page=True)


@needs_chromium
def test_batch_print_two_certificates_is_the_cli_output(desk, browser_page, tmp_path):
    _, base = desk
    page = browser_page
    _log_in(page, base)
    page.click("text=Печать сертификатов")
    page.wait_for_selector("#register-certificates")
    row = page.locator("#register-certificates tr", has_text=WITHDRAWN).inner_text()
    assert "действие отменено" in row  # shown with its status, refused when printed
    form = page.locator("#by-register")
    for number in (*IN_FORCE, WITHDRAWN):
        form.locator(f'input[name=number][value="{number}"]').check()
    form.locator("input[name=langs][value=en]").check()
    page.screenshot(path=str(SCREENS / "desk-print-01-choose.png"), full_page=True)
    page.click("#print-selected")
    page.wait_for_selector("#print-result", timeout=120_000)
    result = page.locator("#print-result").inner_text()
    messages = page.locator("#job-messages").inner_text()
    assert WITHDRAWN in messages and "не действует" in messages and "архивная копия" in messages
    page.screenshot(path=str(SCREENS / "desk-print-02-done.png"), full_page=True)
    with page.expect_download() as info:
        page.click("#merged")
    merged = info.value.path().read_bytes()

    pages = _text(merged)
    assert f"страниц: {len(pages)}" in result and "Напечатано сертификатов: 2 из 3" in result
    firsts = [i for i, text in enumerate(pages) if IN_FORCE[0] in text]
    seconds = [i for i, text in enumerate(pages) if IN_FORCE[1] in text]
    assert firsts and seconds and max(firsts) < min(seconds)  # in the register's order

    # the same two through the command line: the same pages, the same text
    cli_pdf = tmp_path / "cli.pdf"
    from typer.testing import CliRunner

    from formgen.cli import app as cli_app

    run = CliRunner().invoke(cli_app, ["certificates", str(SAMPLES_DIR / "scope-change.yaml"),
                                       str(SAMPLES_DIR / "full-cycle.yaml"), "--lang", "ru,en",
                                       "--merge", str(cli_pdf)])
    assert run.exit_code == 0, run.output
    assert pages == _text(cli_pdf.read_bytes())


def _wait(client: TestClient, location: str) -> dict:
    job = re.search(r"job=([\w-]+)", location).group(1)
    for _ in range(600):
        status = client.get(f"/desk/jobs/{job}").json()
        if status["finished"]:
            return status
        time.sleep(0.1)  # polling a job in another thread, as the page does
    raise AssertionError("the job did not finish")


@needs_soffice
def test_all_forms_in_batches_then_the_zip_with_pdfs_and_manifest(desk, client):
    """The second and last conversion of the module: the rest of the forms, BATCH per soffice run."""
    import hashlib
    import json
    import zipfile

    from formgen.web.converter import BATCH

    app, _ = desk
    assert client.get("/desk/cases/1/papers").status_code == 200  # starts the services if no test did
    converter = app.state.desk_services.converter
    runs = converter.runs
    answer = client.post("/desk/cases/1/papers/pdf", data={"csrf": csrf_of(client)}, follow_redirects=False)
    job = re.search(r"job=([\w-]+)", answer.headers["location"]).group(1)
    first = client.get(f"/desk/jobs/{job}").json()  # answered before the forms are even rendered
    assert first["state"] in {"queued", "running"} and first["total"] > 1 and first["done"] == 0
    status = _wait(client, answer.headers["location"])
    forms = len(status["shas"])
    assert status["state"] == "done" and status["done"] == status["total"] == forms
    assert converter.runs - runs == -(-status["converting"] // BATCH)  # BATCH forms per soffice run
    # after the browser test its form comes from the cache; run alone, every form is converted
    assert status["converting"] == (forms - 1 if runs else forms)
    page = client.get("/desk/cases/1/papers").text
    assert 'id="zip-pdf"' in page and 'class="convert"' not in page

    archive = zipfile.ZipFile(io.BytesIO(client.get("/desk/cases/1/papers.zip").content))
    manifest = json.loads(archive.read("manifest.json"))["documents"]
    paths = [entry["path"] for entry in manifest]
    assert paths == [n for n in archive.namelist() if n != "manifest.json"]
    docx = [p for p in paths if p.endswith(".docx")]
    assert len(docx) == forms and all(paths[paths.index(p) + 1] == p[:-5] + ".pdf" for p in docx)
    for entry in manifest:
        assert hashlib.sha256(archive.read(entry["path"])).hexdigest() == entry["sha256"]
    plain = zipfile.ZipFile(io.BytesIO(client.get("/desk/cases/1/documents.zip").content))
    assert all(archive.read(p) == plain.read(p) for p in plain.namelist() if p != "manifest.json")
    decision = next(p for p in paths if p.startswith("10-") and p.endswith(".pdf"))
    assert "Р-014/2025" in " ".join(_text(archive.read(decision)))


def test_register_table_upload_prints_on_blanks(client):
    csrf = csrf_of(client)
    table = (SAMPLES_DIR / "certificates.csv").read_bytes()
    answer = client.post("/desk/printing/table", data={"csrf": csrf, "paper": "blank", "draft": "true"},
                         files={"upload": ("реестр.csv", table, "text/csv")}, follow_redirects=False)
    assert answer.status_code == 303
    status = _wait(client, answer.headers["location"])
    rows = table.decode("utf-8").count("\nЭС.")
    assert status["state"] == "done" and status["total"] == rows and status["printed"] == rows
    assert status["options"] == "ru, на бланках, проект"
    pdf = client.get(status["pdf"])
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(pdf.content)).pages) == status["pages"]
    shown = client.get(answer.headers["location"]).text
    assert "таблица реестр.csv" in shown and 'id="merged"' in shown


def test_refused_uploads(client):
    csrf = csrf_of(client)
    wrong = client.post("/desk/printing/table", data={"csrf": csrf},
                        files={"upload": ("certificates.yaml", b"number: 1\n")})
    assert wrong.status_code == 415 and "CSV и XLSX" in wrong.text
    big = client.post("/desk/printing/table", data={"csrf": csrf},
                      files={"upload": ("big.csv", b"number\n" + b"1\n" * (2 * 1024 * 1024))})
    assert big.status_code == 413
    header = client.post("/desk/printing/table", data={"csrf": csrf},
                         files={"upload": ("../../etc/мой.csv", b"numbr,holder_name\n1,x\n")})
    assert header.status_code == 422
    message = re.search(r'id="problem">([^<]*)', header.text).group(1)
    assert message.startswith("мой.csv:1: неизвестная колонка «numbr» (может быть, number?)")
    assert "/tmp" not in header.text and "table.csv" not in header.text
    none = client.post("/desk/printing", data={"csrf": csrf})
    assert none.status_code == 422 and "Отметьте" in none.text


def test_posts_need_the_csrf_token_and_pages_a_login(desk, client):
    app, _ = desk
    for path, files in (("/desk/printing", None), ("/desk/printing/table", {"upload": ("t.csv", b"x")}),
                        ("/desk/cases/1/papers/pdf", None)):
        answer = client.post(path, data={"csrf": "wrong", "number": IN_FORCE[0], "name": FORM}, files=files)
        assert answer.status_code == 403, path
    stranger = TestClient(app)
    for path in ("/desk/printing", "/desk/cases/1/papers", f"/desk/cases/1/pdf/{FORM}",
                 f"/desk/cases/1/preview/{FORM}", "/desk/cases/1/papers.zip", "/desk/jobs/x",
                 "/desk/printing/x.pdf"):
        answer = stranger.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login"), path
    assert stranger.post("/desk/printing", data={"number": IN_FORCE[0]},
                         follow_redirects=False).headers["location"].startswith("/login")


def test_names_are_looked_up_never_paths(client):
    for name in ("..%2F..%2Fetc%2Fpasswd", "01-application.DOCX", "nothing.docx"):
        assert client.get(f"/desk/cases/1/pdf/{name}").status_code == 404
        assert client.get(f"/desk/cases/1/preview/{name}").status_code == 404
    assert client.get("/desk/cases/999/papers").status_code == 404
    assert client.get("/desk/printing/nope.pdf").status_code == 404


def test_certificate_preview_needs_no_libreoffice(client):
    page = client.get("/desk/cases/1/papers")
    name = re.search(r'data-name="([^"]+-ru\.pdf)"', page.text).group(1)
    png = client.get(f"/desk/cases/1/preview/{name}?page=1")
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get(f"/desk/cases/1/preview/{name}?page=99").status_code == 404
    pdf = client.get(f"/desk/cases/1/pdf/{name}")
    assert "ЭС.RU.СЭМ.00123-25" in " ".join(_text(pdf.content))
    assert Path(name).suffix == ".pdf"


def test_calibration_sheet_for_blanks(client):
    sheet = client.get("/desk/printing/calibration.pdf?offset_x=1.5&offset_y=-2")
    assert sheet.status_code == 200 and sheet.headers["content-type"] == "application/pdf"
    (text,) = _text(sheet.content)
    assert "Калибровка печати на бланках" in text and "X = +1.5 мм" in text and "Y = -2.0 мм" in text
    assert client.get("/desk/printing/calibration.pdf?offset_x=99").status_code == 422


def test_archive_copy_of_a_withdrawn_certificate_and_no_draft_of_it(client):
    csrf = csrf_of(client)
    archive = client.post("/desk/printing", data={"csrf": csrf, "number": WITHDRAWN, "archive": "true"},
                          follow_redirects=False)
    status = _wait(client, archive.headers["location"])
    assert status["printed"] == 1 and status["messages"] == []
    pages = _text(client.get(status["pdf"]).content)
    assert all("АРХИВНАЯ КОПИЯ" in text and "отменено" in text for text in pages)
    draft = client.post("/desk/printing", data={"csrf": csrf, "number": WITHDRAWN, "archive": "true",
                                                "draft": "true"}, follow_redirects=False)
    status = _wait(client, draft.headers["location"])
    assert status["printed"] == 0 and "pdf" not in status
    (message,) = status["messages"]
    assert WITHDRAWN in message and "проект недействующего сертификата не делается" in message


def test_table_cells_name_no_file_outside_the_desk_folders(client):
    csrf = csrf_of(client)
    table = (SAMPLES_DIR / "certificates.csv").read_text(encoding="utf-8")
    for cell in ("/etc/passwd", "../../../../etc/hostname", "logos/../../pyproject.toml"):
        hostile = table.replace("../profiles/ecostandard-body.yaml", cell, 1)
        answer = client.post("/desk/printing/table", data={"csrf": csrf},
                             files={"upload": ("r.csv", hostile.encode("utf-8"))})
        assert answer.status_code == 422, cell
        problem = re.search(r'id="problem">([^<]*)', answer.text).group(1)
        assert "строка 2, body" in problem and "root:" not in answer.text
    logo = table.replace("logos/body-logo.png", "/etc/shadow", 1)
    answer = client.post("/desk/printing/table", data={"csrf": csrf},
                         files={"upload": ("r.csv", logo.encode("utf-8"))})
    assert answer.status_code == 422 and "строка 2, body_logo" in answer.text

"""The desk end to end in Debian Chromium: from a new client to the certificate on /verify/.

Log in → upload a new client's case whose stage-2 nonconformity is still open
→ see the rule error → close it in the case text → reserve the certificate
number from the register's series → put it on the certificate → download the
certificate PDF and read the number in it → open /verify/ for that number.
Screenshots of every page land in tests/output/screens/.
"""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.web.conftest import SAMPLES_DIR, SCREENS, add_user, desk_app, needs_chromium, serve

OLD_NUMBER = "ЭС.RU.СЭМ.00123-25"


@needs_chromium
def test_new_client_to_verified_certificate(empty_register, browser_page, tmp_path):
    add_user(empty_register, "belova", "clerk", "Белова Марина Алексеевна")
    base, stop = serve(desk_app(empty_register))
    page = browser_page
    try:
        page.goto(base + "/desk")
        assert "/login" in page.url
        page.screenshot(path=str(SCREENS / "desk-01-login.png"))
        page.fill("#login", "belova")
        page.fill("#password", "correct-horse-7")
        page.click("button[type=submit]")
        page.wait_for_url("**/desk")
        page.screenshot(path=str(SCREENS / "desk-02-dashboard.png"), full_page=True)

        text = (SAMPLES_DIR / "full-cycle.yaml").read_text(encoding="utf-8")
        opened = text.replace("closed: true", "closed: false", 1)  # the first stage-2 nonconformity
        upload = tmp_path / "client.yaml"
        upload.write_text(opened, encoding="utf-8")
        page.click("text=Загрузить дело")
        page.set_input_files("#upload", str(upload))
        page.screenshot(path=str(SCREENS / "desk-03-new-case.png"))
        page.click("#upload-submit")
        page.wait_for_selector("#findings")
        findings = page.locator("#findings").inner_text()
        assert "не закрыто" in findings and "7.6.2.3" in findings
        page.screenshot(path=str(SCREENS / "desk-04-case-rule-error.png"), full_page=True)
        case_url = page.url.split("?")[0]

        page.fill("#text", page.input_value("#text").replace("closed: false", "closed: true", 1))
        page.click("#save")
        page.wait_for_selector("#saved")
        assert "не закрыто" not in page.locator("#findings").inner_text()

        page.click("text=Сводка")
        page.select_option("#series", "certificate")
        page.click("text=Зарезервировать следующий")
        number = page.locator("#reserved").inner_text().strip()
        assert number.startswith("ЭС.RU.СЭМ.") and number != OLD_NUMBER
        page.screenshot(path=str(SCREENS / "desk-05-number.png"), full_page=True)

        page.goto(case_url)
        page.fill("#text", page.input_value("#text").replace(OLD_NUMBER, number))
        page.click("#save")
        page.wait_for_selector("#saved")
        assert number in page.locator("#certificates").inner_text()
        page.screenshot(path=str(SCREENS / "desk-06-case-issued.png"), full_page=True)

        with page.expect_download() as download_info:
            page.locator("#documents a", has_text="-ru.pdf").first.click()
        pdf = PdfReader(io.BytesIO(download_info.value.path().read_bytes()))
        assert number in " ".join(p.extract_text() for p in pdf.pages)

        page.click("text=Заказчики")
        page.fill("input[name=q]", number)
        page.click("text=Найти")
        assert "Волжский завод строительных материалов" in page.locator("#cases").inner_text()
        page.screenshot(path=str(SCREENS / "desk-07-clients.png"))

        page.goto(base + "/")
        page.fill("#number", number)
        page.click("button[type=submit]")
        page.wait_for_selector(".status")
        assert page.locator(".status").get_attribute("data-status") == "active"
        page.screenshot(path=str(SCREENS / "desk-08-verify.png"), full_page=True)
    finally:
        stop()

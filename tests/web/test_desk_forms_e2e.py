"""The desk's forms end to end in Debian Chromium, without a line of YAML.

Log in → a new client in the wizard (application number from the register)
→ review the application → document review, stage 1, stage 2 with a
nonconformity and the act, each from the step the cycle is at → the decision
(number from the series) shows the rule error of the open nonconformity →
close it in the stage-2 form → the error is gone → issue the certificate with
a number from the register → download its PDF and read the number → see it on
/verify/. Screenshots of every page land in tests/output/screens/.
"""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from tests.web.conftest import ROOT, SCREENS, add_user, needs_chromium, serve

PROFILE = ROOT / "profiles" / "ecostandard-body.yaml"


def _shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENS / f"forms-{name}.png"), full_page=True)


def _step(page, text: str) -> None:
    page.locator("#steps a", has_text=text).click()
    page.wait_for_selector("#section-form")


def _save(page) -> None:
    page.click("#save-section")
    page.wait_for_selector("#sections")  # back on the case page


@needs_chromium
def test_new_client_to_certificate_through_the_forms(empty_register, browser_page):
    from formgen.web.app import create_app

    add_user(empty_register, "belova", "clerk", "Белова Марина Алексеевна")
    app = create_app(empty_register, cases_dir=str(ROOT / "samples"), profile=str(PROFILE))
    base, stop = serve(app)
    page = browser_page
    today = dt.date.today()
    iso = today.isoformat()
    try:
        page.goto(base + "/login")
        page.fill("#login", "belova")
        page.fill("#password", "correct-horse-7")
        page.click("button[type=submit]")
        page.wait_for_url("**/desk")

        # -- a new client ----------------------------------------------------------
        page.click("text=Новый заказчик")
        page.fill("#f-organisation-name", "Общество с ограниченной ответственностью «Ока <Мебель> & Ко»")
        page.fill("#f-organisation-short_name", "ООО «Ока»")
        page.fill("#f-organisation-inn", "401234567")  # nine digits: refused at its field
        page.fill("#f-organisation-legal_address", "248000, г. Калуга, ул. Ленина, д. 1")
        page.fill("#f-organisation-city", "Калуга")
        page.fill("#f-organisation-head-surname", "Петров")
        page.fill("#f-organisation-head-given_name", "Илья")
        page.fill("#f-organisation-head-patronymic", "Сергеевич")
        page.fill("#f-organisation-head-position", "Генеральный директор")
        page.fill("#f-organisation-headcount", "40")
        page.fill("#f-application-date", iso)
        page.fill("#f-application-scope", "производству корпусной мебели")
        page.click("button[value='reserve:application.number']")
        application = page.input_value("#f-application-number")
        assert application.startswith("З-") and application.endswith(f"/{today.year}")
        _shot(page, "01-wizard")
        page.click("#save-section")
        error = page.locator("#f-organisation-inn").locator("xpath=..").locator(".field-error")
        assert "ИНН" in error.inner_text() or "10 или 12" in error.inner_text() or error.count() == 1
        _shot(page, "02-wizard-error-at-field")
        page.fill("#f-organisation-inn", "4012345678")
        page.click("#save-section")
        page.wait_for_selector("#steps")
        assert "Ока <Мебель> & Ко" in page.locator("h1").inner_text()  # shown literally, not as markup
        case_url = page.url.split("?")[0]
        _shot(page, "03-case-new")

        # -- the application's review and the audit chain ------------------------------
        _step(page, "Рассмотреть заявку")
        _shot(page, "04-review")
        _save(page)
        _step(page, "анализ документации")
        page.click("button[value='add:team']")
        page.fill("#f-team-0-person", "kuznetsov")
        page.select_option("#f-team-0-role", "lead_auditor")
        _shot(page, "05-document-review")
        _save(page)
        _step(page, "первый этап")
        assert page.input_value("#f-team-0-person") == "kuznetsov"  # the team carried over
        _save(page)
        _step(page, "второй этап")
        page.click("button[value='add:nonconformities']")
        page.fill("#f-nonconformities-0-number", "1")
        page.select_option("#f-nonconformities-0-category", "1")
        page.fill("#f-nonconformities-0-clause", "6.1.2")
        page.fill("#f-nonconformities-0-description", "Реестр экологических аспектов не актуализирован.")
        page.click("button[value='reserve:report.number']")
        act = page.input_value("#f-report-number")
        assert act
        page.fill("#f-report-date", iso)
        page.fill("#f-report-results", "Проверены все процессы области сертификации.")
        page.fill("#f-report-conclusions", "СЭМ соответствует требованиям при устранении несоответствия.")
        _shot(page, "06-stage2-with-nonconformity")
        _save(page)

        # -- the decision, the rule error, closing the nonconformity ---------------------
        _step(page, "решение о выдаче")
        page.click("button[value='reserve:number']")
        decision = page.input_value("#f-number")
        assert decision.startswith("Р-")
        _save(page)
        findings = page.locator("#findings").inner_text()
        assert "не закрыто" in findings and "7.6.2.3" in findings
        _shot(page, "07-case-rule-error")
        page.locator("#sections a", has_text="второй этап").click()
        page.wait_for_selector("#section-form")
        page.fill("#f-nonconformities-0-effectiveness-text", "Реестр аспектов ред. 2 представлен.")
        page.fill("#f-nonconformities-0-effectiveness-date", iso)
        _save(page)
        assert "не закрыто" not in page.locator("#findings").inner_text()

        # -- the certificate from the register's series --------------------------------
        _step(page, "Оформить сертификат")
        page.click("button[value='reserve:number']")
        number = page.input_value("#f-number")
        assert number.startswith("ЭС.RU.СЭМ.")
        _shot(page, "08-certificate")
        _save(page)
        assert number in page.locator("#certificates").inner_text()
        _shot(page, "09-case-issued")

        page.goto(case_url + "/revisions/" + page.locator("#revisions a").first.get_attribute("href")
                  .rsplit("/", 1)[1])
        assert "nonconformities" in page.locator("#diff").inner_text() or page.locator("#diff .add").count()
        _shot(page, "10-revision-diff")

        page.goto(case_url)
        with page.expect_download() as download_info:
            page.locator("#documents a", has_text="-ru.pdf").first.click()
        pdf = PdfReader(io.BytesIO(download_info.value.path().read_bytes()))
        text = " ".join(p.extract_text() for p in pdf.pages)
        assert number in text and "Ока" in text

        page.goto(base + "/")
        page.fill("#number", number)
        page.click("button[type=submit]")
        page.wait_for_selector(".status")
        assert page.locator(".status").get_attribute("data-status") == "active"
        _shot(page, "11-verify")
    finally:
        stop()

"""The case's sections as generated forms: faithful round trip, errors at the field, roles, signing, diffs."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from formgen.register.agenda import register_agenda
from formgen.register.db import open_register
from formgen.register.models import ChangeRecord, Revision
from tests.web.conftest import ROOT, SAMPLES_DIR, add_user, cli, sign_in
from tests.web.formdata import form_fields

SAMPLES = sorted(SAMPLES_DIR.glob("*.yaml"))
PROFILE = ROOT / "profiles" / "ecostandard-body.yaml"
HOSTILE = '<script>alert("x")</script> & «Ромашка» {{ holder }}'


@pytest.fixture
def register(empty_register) -> str:
    cli("register", "import", *map(str, SAMPLES), "--db", empty_register)
    for login, role in (("clerk", "clerk"), ("head", "head"), ("sokolova", "auditor"), ("belova", "clerk")):
        add_user(empty_register, login, role)
    return empty_register


def _client(db: str, login: str) -> TestClient:
    from formgen.web.app import create_app

    client = TestClient(create_app(db, cases_dir=str(SAMPLES_DIR), profile=str(PROFILE)))
    assert sign_in(client, login).status_code == 303
    return client


def _latest(db: str, case_id: int) -> tuple[dict, int]:
    with open_register(db).transaction() as session:
        revisions = session.scalars(select(Revision).where(Revision.case_id == case_id)
                                    .order_by(Revision.id)).all()
        return revisions[-1].data, len(revisions)


def _save(client: TestClient, url: str, change: dict[str, str] | None = None, action: str = "save"):
    fields = form_fields(client.get(url).text, "section-form")
    fields.update(change or {})
    fields["__action"] = action
    return client.post(url, data=fields, follow_redirects=False)


def test_every_section_of_the_samples_saves_back_to_the_same_case(register):
    """Submitting each generated form unchanged stores exactly the case that was there."""
    client = _client(register, "clerk")
    checked = 0
    for case_id in (1, 2, 3):
        page = client.get(f"/desk/cases/{case_id}").text
        slugs = dict.fromkeys(re.findall(rf'href="/desk/cases/{case_id}/edit/([^"?]+)"', page))
        for slug in slugs:
            before, _ = _latest(register, case_id)
            if slug.endswith("/new") or (before.get(slug) is None and "/" not in slug):
                continue
            answer = _save(client, f"/desk/cases/{case_id}/edit/{slug}")
            assert answer.status_code == 303, (case_id, slug, answer.text[:2000])
            assert _latest(register, case_id)[0] == before, (case_id, slug)
            checked += 1
    assert checked >= 30  # organisation, application, review, notice, … every audit, decision, certificate


def test_a_bad_value_is_shown_at_its_field_and_nothing_is_stored(register):
    client = _client(register, "clerk")
    _, revisions = _latest(register, 1)
    answer = _save(client, "/desk/cases/1/edit/organisation", {"inn": "12345", "name": HOSTILE})
    assert answer.status_code == 422
    field = re.search(r'id="f-inn"[^>]*>.*?field-error[^>]*>([^<]+)<', answer.text, re.S)
    assert field and "12345" in field.group(1)
    escaped = 'value="&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; «Ромашка» {{ holder }}"'
    assert escaped in answer.text
    assert "<script>alert" not in answer.text
    assert _latest(register, 1)[1] == revisions


def test_rows_are_added_in_place_and_numbers_come_from_the_series(register):
    client = _client(register, "clerk")
    url = "/desk/cases/1/edit/audits/3"
    fields = form_fields(client.get(url).text, "section-form")
    count = int(fields["nonconformities.__count"])
    fields["__action"] = "add:nonconformities"
    more = client.post(url, data=fields)
    assert more.status_code == 200 and f'name="nonconformities.{count}.number"' in more.text
    url = "/desk/cases/1/edit/decisions/0"
    fields = form_fields(client.get(url).text, "section-form")
    decision = client.post(url, data={**fields, "__action": "reserve:number"})
    number = form_fields(decision.text, "section-form")["number"]
    assert re.fullmatch(r"Р-\d{3}/\d{4}", number) and "зарезервирован" in decision.text
    with open_register(register).transaction() as session:
        assert session.scalar(select(func.count()).select_from(ChangeRecord)
                              .where(ChangeRecord.action == "number-reserved")) == 1


def test_a_new_item_from_the_next_step_and_its_deletion(register):
    client = _client(register, "clerk")
    data, _ = _latest(register, 1)
    page = client.get("/desk/cases/1").text
    assert 'id="steps"' in page
    new = _save(client, "/desk/cases/1/edit/audits/new",
                {"id": "special1", "kind": "special", "start": "2026-12-01", "end": "2026-12-01"})
    assert new.status_code == 303
    after, _ = _latest(register, 1)
    assert len(after["audits"]) == len(data["audits"]) + 1 and after["audits"][-1]["kind"] == "special"
    last = len(after["audits"]) - 1
    gone = _save(client, f"/desk/cases/1/edit/audits/{last}", action="delete")
    assert gone.status_code == 303 and _latest(register, 1)[0] == data


def test_an_auditor_edits_only_the_audits_he_is_on(register):
    client = _client(register, "sokolova")
    data, _ = _latest(register, 1)
    on = [i for i, a in enumerate(data["audits"]) if any(m["person"] == "sokolova" for m in a["team"])]
    off = [i for i, a in enumerate(data["audits"]) if i not in on]
    assert on and off
    assert client.get(f"/desk/cases/1/edit/audits/{on[0]}").status_code == 200
    assert client.get(f"/desk/cases/1/edit/audits/{off[0]}").status_code == 403
    assert client.get("/desk/cases/1/edit/organisation").status_code == 403
    assert client.get("/desk/cases/1/edit/decisions/0").status_code == 403
    assert client.get("/desk/new/client").status_code == 403


def test_only_the_management_marks_decisions_and_certificates_signed(register):
    data, _ = _latest(register, 1)
    number = data["certificates"][0]["number"]
    clerk = _client(register, "clerk")
    token = form_fields(clerk.get("/desk/cases/1/edit/organisation").text, "section-form")["csrf"]
    assert "Отметить подписание" not in clerk.get("/desk/cases/1").text
    refused = clerk.post("/desk/cases/1/sign", data={"csrf": token, "kind": "certificate", "number": number})
    assert refused.status_code == 403 and "руководство" in refused.text
    for login in ("head", "belova"):  # the head by role, belova by body.management of the profile
        client = _client(register, login)
        page = client.get("/desk/cases/1").text
        assert "Отметить подписание" in page
        token = form_fields(client.get("/desk/cases/1/edit/organisation").text, "section-form")["csrf"]
        no_token = client.post("/desk/cases/1/sign", data={"kind": "certificate", "number": number})
        assert no_token.status_code == 403
        first_decision = data["decisions"][0]["number"]
        kind, ref = ("certificate", number) if login == "head" else ("decision", first_decision)
        signed = client.post("/desk/cases/1/sign", data={"csrf": token, "kind": kind, "number": ref},
                             follow_redirects=False)
        assert signed.status_code == 303
        page = client.get("/desk/cases/1").text
        cell = re.search(rf'data-number="{re.escape(ref)}">(.*?)</td>', page, re.S)
        assert cell and f"подписано ({login}," in cell.group(1)
    with open_register(register).transaction() as session:
        actions = session.scalars(select(ChangeRecord.action)
                                  .where(ChangeRecord.who.in_(["head", "belova"]))).all()
    assert "certificate-signed" in actions and "decision-signed" in actions


def test_the_differences_between_revisions(register):
    client = _client(register, "clerk")
    saved = _save(client, "/desk/cases/1/edit/application", {"desired_dates": "I квартал 2027 г."})
    assert saved.status_code == 303
    page = client.get("/desk/cases/1").text
    newest = re.findall(r'href="(/desk/cases/1/revisions/\d+)"', page)[0]
    diff = client.get(newest).text
    assert re.search(r'<tr class="add"><td><pre>\+\s+desired_dates: I квартал 2027 г\.</pre>', diff)
    assert client.get("/desk/cases/1/revisions/99999").status_code == 404


def test_the_wizard_makes_a_case_the_cycle_then_leads_on(register):
    client = _client(register, "clerk")
    fields = form_fields(client.get("/desk/new/client").text, "section-form")
    fields.update({"organisation.name": "Акционерное общество «Вектор»",
                   "organisation.legal_address": "г. Тула",
                   "organisation.city": "Тула", "organisation.head.surname": "Орлова",
                   "organisation.head.given_name": "Анна", "organisation.head.patronymic": "Игоревна",
                   "organisation.head.position": "Генеральный директор", "organisation.headcount": "25",
                   "organisation.inn": "7101234567", "application.date": "2026-11-20",
                   "application.scope": "производству упаковки", "__action": "reserve:application.number"})
    reserved = client.post("/desk/new/client", data=fields)
    fields = form_fields(reserved.text, "section-form")
    assert re.fullmatch(r"З-\d{3}/2026", fields["application.number"])
    created = client.post("/desk/new/client", data={**fields, "__action": "save"}, follow_redirects=False)
    assert created.status_code == 303
    page = client.get(created.headers["location"]).text
    assert "Акционерное общество «Вектор»" in page and "Рассмотреть заявку" in page
    forged = client.post("/desk/new/client", data={**fields, "csrf": "forged"})
    assert forged.status_code == 403


def test_section_pages_need_a_login_and_the_csrf_token(register):
    from formgen.web.app import create_app

    anonymous = TestClient(create_app(register, cases_dir=str(SAMPLES_DIR)))
    for path in ("/desk/cases/1/edit/organisation", "/desk/new/client", "/desk/cases/1/revisions/1"):
        assert anonymous.get(path, follow_redirects=False).status_code == 303
    client = _client(register, "clerk")
    fields = form_fields(client.get("/desk/cases/1/edit/organisation").text, "section-form")
    assert client.post("/desk/cases/1/edit/organisation", data={**fields, "csrf": "x"}).status_code == 403
    assert client.get("/desk/cases/1/edit/nonsense").status_code == 404
    assert client.get("/desk/cases/1/edit/audits/99").status_code == 404


def test_two_people_on_one_section_the_second_save_is_refused(register):
    first, second = _client(register, "clerk"), _client(register, "belova")
    url = "/desk/cases/1/edit/application"
    opened = form_fields(first.get(url).text, "section-form")
    other = form_fields(first.get("/desk/cases/1/edit/review").text, "section-form")
    assert _save(second, url, {"desired_dates": "май 2027 г."}).status_code == 303
    late = first.post(url, data={**opened, "desired_dates": "июнь 2027 г.", "__action": "save"})
    assert late.status_code == 409 and "раздел изменили после того" in late.text and "belova" in late.text
    assert _latest(register, 1)[0]["application"]["desired_dates"] == "май 2027 г."
    # another section opened on the same old revision still saves: the change was elsewhere
    fine = first.post("/desk/cases/1/edit/review", data={**other, "__action": "save"}, follow_redirects=False)
    assert fine.status_code == 303
    assert _latest(register, 1)[0]["application"]["desired_dates"] == "май 2027 г."


def test_the_dashboard_counts_and_dues_are_the_registers(register):
    """The cards count today's statuses as `register list` gives them; the dues are the agenda's."""
    page = _client(register, "clerk").get("/desk").text
    cards = dict(re.findall(r'data-status="(\w+)"><b>(\d+)</b>', page))
    listed = cli("register", "list", "--json", "--db", register).stdout
    expected = Counter(r["status"] for r in json.loads(listed))
    assert sum(expected.values()) == 5
    assert {s: int(n) for s, n in cards.items() if int(n)} == dict(expected)
    with open_register(register).transaction() as session:
        dues = register_agenda(session, dt.date.today(), 60)
    assert page.count("<tr><td>") >= len(dues)
    for item in dues:
        assert item.date.strftime("%d.%m.%Y") in page

"""The desk's safety: sign-in required, CSRF on every form, throttling, upload limits, escaping."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import SAMPLES_DIR, add_user, csrf_of, desk_app, sign_in

HOSTILE = '<script>alert("x")</script> & «Ромашка» {{ holder }}'


@pytest.fixture
def client(empty_register) -> TestClient:
    add_user(empty_register, "clerk", "clerk", "Белова Марина Алексеевна")
    return TestClient(desk_app(empty_register))


def test_every_desk_page_needs_a_login(client):
    for path in ("/desk", "/desk/cases", "/desk/new", "/desk/cases/1", "/desk/cases/1/case.yaml",
                 "/desk/cases/1/documents.zip", "/desk/cases/1/documents/01-application.docx"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login")
    answer = client.post("/desk/numbers", data={"series": "certificate"}, follow_redirects=False)
    assert answer.status_code == 303
    assert client.get("/").status_code == 200  # the public check stays open


def test_session_cookie_flags_and_logout(client):
    answer = sign_in(client, "clerk")
    assert answer.status_code == 303 and answer.headers["location"] == "/desk"
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    token = csrf_of(client)
    assert client.post("/logout", data={"csrf": token}, follow_redirects=False).status_code == 303
    assert client.get("/desk", follow_redirects=False).status_code == 303


def test_wrong_password_and_throttling(client):
    for _ in range(5):
        assert sign_in(client, "clerk", "wrong-password").status_code == 401
    blocked = sign_in(client, "clerk")  # even the right password waits now
    assert blocked.status_code == 429
    assert "Слишком много неудачных попыток" in blocked.text


def test_forms_without_the_csrf_token_are_refused(client):
    page = client.get("/login")
    forged = {"login": "clerk", "password": "x", "csrf": "forged"}
    assert client.post("/login", data=forged).status_code == 403
    assert page.status_code == 200
    sign_in(client, "clerk")
    for data in ({"series": "certificate"}, {"series": "certificate", "csrf": "forged"}):
        assert client.post("/desk/numbers", data=data, follow_redirects=False).status_code == 403
    assert client.post("/logout", data={}, follow_redirects=False).status_code == 403
    upload = ("case.yaml", (SAMPLES_DIR / "full-cycle.yaml").read_bytes(), "application/x-yaml")
    assert client.post("/desk/new", files={"upload": upload}, data={"csrf": "x"}).status_code == 403
    assert client.get("/desk/cases").text.count("<tr>") == 2  # nothing was stored


def test_uploads_are_limited_in_size_and_type(client):
    sign_in(client, "clerk")
    token = csrf_of(client)
    huge = ("case.yaml", b"# " + b"x" * (4 * 1024 * 1024), "application/x-yaml")
    assert client.post("/desk/new", files={"upload": huge}, data={"csrf": token}).status_code == 413
    big = ("case.yaml", b"# " + b"x" * (2 * 1024 * 1024 + 10), "application/x-yaml")
    assert client.post("/desk/new", files={"upload": big}, data={"csrf": token}).status_code == 413
    wrong = ("../../etc/passwd.exe", b"MZ", "application/octet-stream")
    answer = client.post("/desk/new", files={"upload": wrong}, data={"csrf": token})
    assert answer.status_code == 415 and "Принимаются только файлы YAML и JSON" in answer.text


def test_invalid_case_is_refused_whole_with_located_messages(client):
    sign_in(client, "clerk")
    token = csrf_of(client)
    text = (SAMPLES_DIR / "full-cycle.yaml").read_text(encoding="utf-8").replace(
        "registered: 2025-06-20", "registered: 2025-13-45")
    answer = client.post("/desk/new", files={"upload": ("case.yaml", text.encode(), "application/x-yaml")},
                         data={"csrf": token})
    assert answer.status_code == 422
    assert "Дело не сохранено" in answer.text
    assert "certificates[0].registered" in answer.text or "certificates.0.registered" in answer.text
    assert "загрузка на сайте (clerk)" in answer.text  # the upload is named, not a temporary path
    assert "/tmp/" not in answer.text
    assert "Ничего не найдено" in client.get("/desk/cases").text


def test_case_text_is_shown_literally(client):
    sign_in(client, "clerk")
    token = csrf_of(client)
    text = (SAMPLES_DIR / "full-cycle.yaml").read_text(encoding="utf-8").replace(
        "name: Акционерное общество «Волжский завод строительных материалов»",
        "name: '" + HOSTILE.replace("'", "''") + "'", 1)
    answer = client.post("/desk/new", files={"upload": ("case.yaml", text.encode(), "application/x-yaml")},
                         data={"csrf": token}, follow_redirects=True)
    assert answer.status_code == 200, answer.text[:2000]
    escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; «Ромашка» {{ holder }}"
    for page in (answer.text, client.get("/desk/cases").text, client.get("/desk").text):
        assert "<script>" not in page
    assert escaped in answer.text and escaped in client.get("/desk/cases").text


def test_an_upload_cannot_make_the_server_read_another_file(client):
    sign_in(client, "clerk")
    text = (SAMPLES_DIR / "full-cycle.yaml").read_text(encoding="utf-8")
    hostile = "\n".join("body: /etc/passwd" if line.startswith("body:") else line
                         for line in text.splitlines())
    upload = ("case.yaml", hostile.encode("utf-8"), "application/x-yaml")
    answer = client.post("/desk/new", files={"upload": upload}, data={"csrf": csrf_of(client)})
    assert answer.status_code == 422 and "профиль органа берётся только из папки" in answer.text
    assert "root:" not in answer.text

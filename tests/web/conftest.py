"""Shared fixtures of the desk tests: a register, a signed-in client, a live server, Chromium."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from formgen.cli import app as cli_app
from formgen.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
SAMPLES_DIR = ROOT / "samples"
SCREENS = ROOT / "tests" / "output" / "screens"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "correct-horse-7"

needs_chromium = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed")


def cli(*args: str, stdin: str | None = None):
    result = CliRunner().invoke(cli_app, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return result


def add_user(db: str, login: str, role: str, name: str | None = None) -> None:
    extra = ["--name", name] if name else []
    cli("users", "add", login, "--role", role, "--password-stdin", "--db", db, *extra, stdin=PASSWORD + "\n")


def sign_in(client: TestClient, login: str, password: str = PASSWORD):
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return client.post("/login", data={"login": login, "password": password, "csrf": token},
                       follow_redirects=False)


def csrf_of(client: TestClient) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/desk").text).group(1)


@pytest.fixture
def empty_register(tmp_path) -> str:
    db = str(tmp_path / "formgen.db")
    cli("register", "init", "--profile", str(ROOT / "profiles" / "ecostandard-body.yaml"), "--db", db)
    return db


def serve(app):
    """Run ``app`` on a free 127.0.0.1 port in a thread; returns (base URL, stop)."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join(10)

    return f"http://127.0.0.1:{port}", stop


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    SCREENS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        yield page
        browser.close()


def desk_app(db: str):
    profile = ROOT / "profiles" / "ecostandard-body.yaml"
    return create_app(db, cases_dir=str(SAMPLES_DIR), profile=str(profile))

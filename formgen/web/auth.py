"""Who is at the desk: session cookies, CSRF tokens, login throttling, roles.

* The cookie holds a random token; the database keeps only its sha256, so a
  stolen backup does not sign anybody in. It is HttpOnly and SameSite=Strict
  (Secure when served over https) and lasts a working day.
* Every form carries the session's CSRF token and every POST is refused (403)
  without it; the login form uses a double-submit cookie, since there is no
  session yet.
* Five failed logins for one login name or one address within 15 minutes
  block further tries (429) until the window passes — kept in memory: one
  desk process per register is the deployment this is made for.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from fastapi import HTTPException, Request
from sqlalchemy import delete, select

from formgen.register.models import LoginSession, User

__all__ = [
    "COOKIE",
    "LOGIN_CSRF_COOKIE",
    "Staff",
    "Throttle",
    "check_csrf",
    "end_session",
    "require_staff",
    "start_session",
]

COOKIE = "formgen_session"
LOGIN_CSRF_COOKIE = "formgen_login_csrf"
SESSION_HOURS = 12


class LoginRequired(Exception):
    """Raised by ``require_staff``; the app answers with a redirect to the login page."""


@dataclass(frozen=True)
class Staff:
    """The signed-in user as pages need him."""

    id: int
    login: str
    role: str
    name: str | None
    csrf: str

    @property
    def can_sign(self) -> bool:
        return self.role == "head"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def start_session(session, user: User) -> tuple[str, str]:
    """A new session for ``user``: (cookie token, CSRF token)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.execute(delete(LoginSession).where(LoginSession.expires_at < _now()))
    session.add(LoginSession(token_hash=_hash(token), user_id=user.id, csrf=csrf, created_at=_now(),
                             expires_at=_now() + dt.timedelta(hours=SESSION_HOURS)))
    return token, csrf


def end_session(session, token: str | None) -> None:
    if token:
        session.execute(delete(LoginSession).where(LoginSession.token_hash == _hash(token)))


def current_staff(request: Request) -> Staff | None:
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    with request.app.state.register.transaction() as session:
        row = session.execute(
            select(LoginSession, User).join(User, User.id == LoginSession.user_id)
            .where(LoginSession.token_hash == _hash(token), LoginSession.expires_at > _now(),
                   User.active.is_(True))
        ).first()
        if row is None:
            return None
        login, user = row
        return Staff(user.id, user.login, user.role, user.name, login.csrf)


def require_staff(request: Request) -> Staff:
    """FastAPI dependency: the signed-in user, or a redirect to the login page."""
    staff = current_staff(request)
    if staff is None:
        raise LoginRequired()
    return staff


def check_csrf(staff: Staff, token: str | None) -> None:
    if not token or not hmac.compare_digest(token, staff.csrf):
        raise HTTPException(status_code=403, detail="csrf")


class Throttle:
    """Failed logins per login name and per client address in a sliding window."""

    def __init__(self, limit: int = 5, window: float = 15 * 60) -> None:
        self.limit, self.window = limit, window
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, key: str) -> deque[float]:
        queue, edge = self._failures[key], time.monotonic() - self.window
        while queue and queue[0] < edge:
            queue.popleft()
        return queue

    def blocked(self, *keys: str) -> bool:
        return any(len(self._recent(k)) >= self.limit for k in keys)

    def failed(self, *keys: str) -> None:
        for key in keys:
            self._recent(key).append(time.monotonic())

    def succeeded(self, login_key: str) -> None:
        self._failures.pop(login_key, None)

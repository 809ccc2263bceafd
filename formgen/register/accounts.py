"""Staff accounts: passwords hashed with argon2, roles, and the change log.

The desk and the command line share these functions, so that a user added by
``formgen users add`` signs in to the desk and every change, whichever way it
was made, is logged with who and when.
"""

from __future__ import annotations

import datetime as dt
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from formgen.errors import InputError
from formgen.register.models import ChangeRecord, User

__all__ = ["ROLES", "add_user", "authenticate", "record_change"]

ROLES = {"clerk": "делопроизводитель", "auditor": "эксперт-аудитор", "head": "руководство ОС"}
_HASHER = PasswordHasher()
_LOGIN = re.compile(r"^[A-Za-z0-9_.-]{2,80}$")
# Verifying against this keeps a wrong login as slow as a wrong password: no timing oracle.
_DUMMY_HASH = _HASHER.hash("formgen-no-such-user")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def add_user(session: Session, login: str, role: str, password: str, name: str | None = None) -> User:
    if not _LOGIN.match(login):
        raise InputError(f"логин «{login}»: латинские буквы, цифры, точка, дефис, подчёркивание (2–80)")
    if role not in ROLES:
        raise InputError(f"--role: неизвестная роль «{role}»; допустимы: {', '.join(ROLES)}")
    if len(password) < 8:
        raise InputError("пароль короче 8 символов")
    if session.scalars(select(User).where(User.login == login)).first() is not None:
        raise InputError(f"пользователь «{login}» уже есть")
    user = User(login=login, role=role, name=name, password_hash=_HASHER.hash(password), active=True,
                created_at=_now())
    session.add(user)
    session.flush()
    record_change(session, "formgen users", "user-added", None, f"{login} ({role})")
    return user


def authenticate(session: Session, login: str, password: str) -> User | None:
    """The active user with this login and password, else None (same work either way)."""
    user = session.scalars(select(User).where(User.login == login, User.active.is_(True))).first()
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return user


def record_change(session: Session, who: str, action: str, case_id: int | None, detail: str = "") -> None:
    session.add(ChangeRecord(at=_now(), who=who, action=action, case_id=case_id, detail=detail))

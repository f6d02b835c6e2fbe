"""Users, for admins: the accounts, adding one, and disabling one.

The same storage calls as ``tradeoff user``; an admin cannot disable their own account, so
the workspace is never left without someone able to manage it from the browser.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from tradeoff.domain.rules import member
from tradeoff.domain.users import Role, User
from tradeoff.errors import Conflict, NotFound
from tradeoff.storage import users
from tradeoff.storage.session import read_session, write_session
from tradeoff.web.deps import Admin, CheckedForm, EngineDep
from tradeoff.web.passwords import hash_password
from tradeoff.web.templating import render

router = APIRouter()


@router.get("/users")
def user_list(request: Request, engine: EngineDep, signed: Admin) -> Response:
    with read_session(engine) as session:
        everyone = users.list_users(session)
    return render(
        request, "users.html", {"people": everyone, "roles": [r.value for r in Role]}, signed=signed
    )


@router.post("/users")
def add_user(engine: EngineDep, signed: Admin, form: CheckedForm) -> Response:
    fields = {name: form.get(name) for name in ("email", "role", "password")}
    email, role, password = (v if isinstance(v, str) else "" for v in fields.values())
    chosen = member("role", Role, role)  # an unknown role is a RuleViolation: a 400 page
    user = User(email=email, password_hash=hash_password(password), role=chosen)
    with write_session(engine) as session:
        users.add_user(session, user)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{user_id}/disable")
def disable_user(engine: EngineDep, signed: Admin, form: CheckedForm, user_id: int) -> Response:
    if user_id == signed.user.id:
        raise Conflict("You cannot disable your own account.")
    with write_session(engine) as session:
        user = users.get_user(session, user_id)
        if user is None:
            raise NotFound(f"There is no user {user_id}.")
        users.set_active(session, user.email, active=False)
    return RedirectResponse("/users", status_code=303)

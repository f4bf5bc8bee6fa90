"""Who is signed in: the one sign-in module. Pages that write or show the audit call `require(role, lang)` first and
stop when it returns None; nothing that writes (not even an uploader) is rendered before that.

Two ways in, both mapped to an account of the accounts file (danvan.accounts, path from `accounts_path()`):
- local accounts: name and password, checked by `accounts.sign_in` within a process-wide Throttle (growing delay,
  then lockout, per account and per client);
- an OpenID Connect provider, where `.streamlit/secrets.toml` has an `[auth]` section: `st.login()`, and the
  provider's verified e-mail address is looked up in the accounts file (`curator add NAME --email … --no-password`).

A session ends after `accounts.SESSION_IDLE` without a run of a page that requires an account, on sign-out, or when
the account is removed from the file (re-read on every run). Reloading the page keeps it: a cookie holds a token
signed with the process's secret (accounts.session_token), written again every few minutes while the curator works,
cleared on sign-out; a new password or role, a removed account or a restart of the server ends it."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from danvan import accounts
from danvan.accounts import ROLES, Account, AccountError
from danvan.i18n import t

from . import cached, keys
from .ui import plain


def client() -> str:
    """The key failed sign-ins are counted under for this browser: its address. Behind the deployment's nginx every
    connection comes from loopback (Streamlit reports None), and nginx sets X-Real-IP to the real address
    (deploy/nginx/danvan-proxy.conf); a header is only believed then, never from a direct connection."""
    direct = st.context.ip_address
    if direct:
        return direct
    return (st.context.headers.get("X-Real-Ip") or "local").strip()[:64]


def oidc_configured() -> bool:
    """Whether an OpenID Connect provider is configured ([auth] in .streamlit/secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all (Streamlit raises its own not-found error)
        return False


def _oidc_email() -> str | None:
    """The verified e-mail address of the provider's signed-in user, if any."""
    if not oidc_configured() or not st.user.get("is_logged_in"):
        return None
    if st.user.get("email_verified") is False:  # an address the provider has not verified maps to nobody
        return None
    return str(st.user.get("email") or "") or None


def _remember(account: Account, now: dt.datetime) -> None:
    state = st.session_state
    state[keys.ACCOUNT] = account
    state[keys.SEEN] = now
    state[keys.CURATOR] = account.can("save")
    state[keys.ADMIN] = account.can("audit")


def _forget() -> None:
    for key in (keys.ACCOUNT, keys.SEEN, keys.CURATOR, keys.ADMIN):
        st.session_state.pop(key, None)
    st.session_state.pop("curate_draft", None)  # a draft is the signed-in curator's, never the next person's


def sign_out() -> None:
    """End the session (and the provider's, when signed in through it), and the cookie that would bring it back."""
    through_provider = _oidc_email() is not None
    _forget()
    st.session_state[keys.SIGNED_OUT] = True
    st.session_state.pop(keys.COOKIE_AT, None)
    if through_provider:
        st.logout()


COOKIE = "danvan_session"
_REWRITE = dt.timedelta(minutes=5)  # how often an active session writes its cookie again (its idle clock)


def restore() -> bool:
    """After a reload, the session this browser's cookie names (accounts.from_token), unless this session signed
    out since it connected (the cookies Streamlit reports are those sent when it did). True when it brought one back:
    the shell then builds the menu again, so that the curator's pages are listed at once."""
    state = st.session_state
    if state.get(keys.ACCOUNT) is not None or state.get(keys.SIGNED_OUT):
        return False
    token = st.context.cookies.get(COOKIE)
    if not isinstance(token, str) or not token:  # (a test's stand-in context has no real cookies)
        return False
    now = dt.datetime.now()
    account = accounts.from_token(accounts.accounts_path(), token, now, cached.session_secret())
    if account is not None:
        _remember(account, now)
    return account is not None


def _cookie(account: Account | None) -> None:
    """Write this session's sign-in cookie (None: clear it), from the browser, for the app's own address only."""
    value, age = "", 0
    if account is not None:
        now, path = dt.datetime.now(), accounts.accounts_path()
        value = accounts.session_token(path, account, now, cached.session_secret())
        age = int(accounts.SESSION_IDLE.total_seconds())
    st.html(
        f"<script>document.cookie = '{COOKIE}={value}; path=/; max-age={age}; SameSite=Strict'"
        " + (location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True,
    )


def current() -> Account | None:
    """The signed-in account, re-read from the accounts file, or None (never signed in, expired, removed)."""
    state = st.session_state
    now = dt.datetime.now()
    path = accounts.accounts_path()
    account: Account | None = state.get(keys.ACCOUNT)
    if account is not None:
        seen = state.get(keys.SEEN)
        if seen is None or accounts.expired(seen, now):
            state[keys.EXPIRED] = True
            sign_out()
            return None
        try:
            fresh = accounts.get(path, account.username)
        except AccountError:
            fresh = None
        if fresh is None:  # removed from the file since: the session ends with it
            _forget()
            return None
        _remember(fresh, now)
        return fresh
    email = _oidc_email()
    if email is not None:
        try:
            found = accounts.by_email(path, email)
        except AccountError:
            found = None
        if found is not None:
            _remember(found, now)
            return found
    return None


def _has_accounts() -> bool:
    try:
        return bool(accounts.list_accounts(accounts.accounts_path()))
    except AccountError:
        return True  # a broken file: show the form, sign-in will say nothing matches


ROLE_NAMES = {"viewer": "role_viewer", "curator": "role_curator", "admin": "role_admin"}


def role_name(role: str, lang: str) -> str:
    """A role as the interface says it (biên tập viên, quản trị viên)."""
    return t(ROLE_NAMES[role], lang) if role in ROLE_NAMES else role


def _signed_in_bar(account: Account, lang: str) -> None:
    left, right = st.columns([4, 1], vertical_alignment="center")
    left.caption(
        t("auth_signed_in", lang, name=plain(account.name or account.username), role=role_name(account.role, lang))
    )
    right.button(t("cur_logout", lang), key="auth_sign_out", icon=":material/logout:", on_click=sign_out)


def _sign_in_form(lang: str) -> None:
    state = st.session_state
    if state.pop(keys.EXPIRED, False):
        st.info(
            t("auth_expired", lang, minutes=int(accounts.SESSION_IDLE.total_seconds() // 60)),
            icon=":material/timer_off:",
        )
    email = _oidc_email()
    if email is not None:  # signed in at the provider, but no account has this address
        st.warning(t("auth_no_role", lang, email=plain(email)), icon=":material/person_off:")
        st.button(t("cur_logout", lang), key="auth_sign_out", on_click=sign_out)
        return
    if oidc_configured():
        st.button(t("auth_sign_in_oidc", lang), key="auth_oidc", icon=":material/badge:", on_click=st.login)
    if not _has_accounts():
        if not oidc_configured():
            st.info(t("auth_no_accounts", lang), icon=":material/lock:")
        return
    with st.form("auth_sign_in", clear_on_submit=True):
        st.text_input(t("auth_username", lang), key="auth_username", autocomplete="username", max_chars=64)
        st.text_input(
            t("cur_password", lang),
            type="password",
            key="auth_password",
            autocomplete="current-password",
            max_chars=256,
        )
        st.form_submit_button(t("cur_login", lang), type="primary", on_click=_attempt)
    refused = state.pop(REFUSED, None)
    if refused:
        st.error(t("auth_refused", lang, reason=refused), icon=":material/block:")


REFUSED = "_auth_refused"  # why the last attempt was refused, shown once


def _attempt() -> None:
    """The form's callback: check the attempt, then empty the password field on the server side too (the browser's
    clear_on_submit alone would leave it in the session's widget state)."""
    state = st.session_state
    username, password = state.get("auth_username", ""), state.get("auth_password", "")
    state["auth_password"] = ""
    result = accounts.sign_in(accounts.accounts_path(), username, password, client(), cached.throttle())
    if result.account is None:
        state[REFUSED] = result.message
    else:
        state.pop(keys.SIGNED_OUT, None)
        _remember(result.account, dt.datetime.now())


def require(role: str, lang: str) -> Account | None:
    """The signed-in account when its role is `role` or above ("curator", "admin"); otherwise the sign-in form (or
    a refusal) is shown and None returned: the page stops there."""
    account = current()
    state = st.session_state
    if account is not None and account.role in ROLES and ROLES.index(account.role) >= ROLES.index(role):
        written = state.get(keys.COOKIE_AT)
        if written is None or dt.datetime.now() - written >= _REWRITE:
            _cookie(account)
            state[keys.COOKIE_AT] = dt.datetime.now()
        _signed_in_bar(account, lang)
        return account
    if state.get(keys.SIGNED_OUT) and account is None:
        _cookie(None)
    if account is not None:
        st.warning(
            t("auth_not_allowed", lang, name=plain(account.username), role=role_name(account.role, lang)),
            icon=":material/block:",
        )
        st.button(t("cur_logout", lang), key="auth_sign_out", on_click=sign_out)
        return None
    st.caption(t("auth_admin_only" if role == "admin" else "cur_only", lang))
    _sign_in_form(lang)
    return None

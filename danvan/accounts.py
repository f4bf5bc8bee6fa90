"""Curator accounts for an office without an identity provider: a file of salted, slow password hashes (Argon2id),
roles, sign-in with a growing delay and a lockout, and session expiry after inactivity.

The file lives outside data/ (it is not data, and data/ is published): `DANVAN_CURATORS` when set, else
`~/.config/danvan/curators.toml`. It is managed with `python -m danvan curator add|remove|list`; a password is read
without echo (or from stdin with --password-stdin) and never appears on a command line or in a log.

Roles: viewer (everyone, no account needed), curator (may save), admin (may also manage curators and read the audit)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import hashlib
import hmac
import json
import os
import re
import sys
import tempfile
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

ROLES = ("viewer", "curator", "admin")
MIN_PASSWORD = 10
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SESSION_IDLE = dt.timedelta(minutes=30)  # a curator's session ends after this long without activity

_HASHER = PasswordHasher()  # Argon2id with the library's current recommended cost; salt is random per hash
# Verified against when the account does not exist, so that an unknown name costs the same time as a wrong password.
_DUMMY = _HASHER.hash("not-a-password-of-anyone")


class AccountError(ValueError):
    """A refused account operation; the message says why, in Vietnamese, for the command line and the page."""


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    name: str = ""
    created: str = ""
    email: str = ""  # the address an OpenID Connect provider signs this person in with (st.login), if any

    def can(self, action: str) -> bool:
        return can(self.role, action)


def can(role: str, action: str) -> bool:
    """view: everyone; save: curator, admin; manage (curators) and audit: admin."""
    need = {"view": "viewer", "save": "curator", "manage": "admin", "audit": "admin"}[action]
    return role in ROLES and ROLES.index(role) >= ROLES.index(need)


def accounts_path(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get("DANVAN_CURATORS"):
        return Path(env["DANVAN_CURATORS"]).expanduser()
    return Path("~/.config/danvan/curators.toml").expanduser()


# ---------------------------------------------------------------- the file


def _read(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise AccountError(f"{path}: tệp tài khoản hỏng ({err})") from None
    accounts = data.get("accounts", {})
    if not isinstance(accounts, dict):
        raise AccountError(f"{path}: tệp tài khoản hỏng (thiếu bảng [accounts])")
    return {name: dict(entry) for name, entry in accounts.items() if isinstance(entry, dict)}


def _write(path: Path, accounts: dict[str, dict]) -> None:
    """Atomically, readable by the owner only (the hashes are slow to crack, not impossible)."""
    lines = ["# Tài khoản biên tập — quản lý bằng `python -m danvan curator add|remove|list`; đừng sửa tay.", ""]
    for name in sorted(accounts):
        lines.append(f"[accounts.{json.dumps(name)}]")
        for key in ("role", "name", "created", "email", "hash"):
            lines.append(f"{key} = {json.dumps(str(accounts[name].get(key, '')), ensure_ascii=False)}")
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _account(username: str, entry: dict) -> Account:
    return Account(
        username, entry.get("role", "viewer"), entry.get("name", ""), entry.get("created", ""), entry.get("email", "")
    )


def list_accounts(path: Path) -> list[Account]:
    return [_account(name, entry) for name, entry in sorted(_read(path).items())]


def get(path: Path, username: str) -> Account | None:
    """The account as the file has it now (a session re-reads it, so removing an account ends its sessions)."""
    entry = _read(path).get(username)
    return _account(username, entry) if entry is not None else None


def by_email(path: Path, email: str) -> Account | None:
    """The account an identity provider's (verified) e-mail address maps to; compared without case."""
    wanted = email.strip().lower()
    if not wanted:
        return None
    found = [_account(n, e) for n, e in sorted(_read(path).items()) if str(e.get("email", "")).lower() == wanted]
    return found[0] if len(found) == 1 else None  # two accounts claiming one address: neither, rather than a guess


def add(
    path: Path,
    username: str,
    password: str | None,
    role: str = "curator",
    name: str = "",
    *,
    email: str = "",
    replace: bool = False,
    now: dt.datetime | None = None,
) -> Account:
    """Create (or, with `replace`, reset) an account. Raises AccountError saying what is wrong.

    `password` None: an account that signs in only through the identity provider, by `email` (no local sign-in)."""
    if not USERNAME.match(username):
        raise AccountError(f"tên đăng nhập '{username}' không hợp lệ: 2–64 ký tự a-z, 0-9, dấu . _ -, viết thường")
    if role not in ROLES:
        raise AccountError(f"vai trò '{role}' không hợp lệ; cho phép: {', '.join(ROLES)}")
    if email and not EMAIL.match(email):
        raise AccountError(f"địa chỉ thư '{email}' không hợp lệ")
    if password is None and not email:
        raise AccountError("cần mật khẩu, hoặc địa chỉ thư để đăng nhập qua nhà cung cấp định danh")
    if password is not None and len(password) < MIN_PASSWORD:
        raise AccountError(f"mật khẩu quá ngắn: cần ít nhất {MIN_PASSWORD} ký tự")
    if password is not None and (password.strip() != password or "\n" in password):
        raise AccountError("mật khẩu không được bắt đầu, kết thúc bằng khoảng trắng hay chứa xuống dòng")
    accounts = _read(path)
    if username in accounts and not replace:
        raise AccountError(f"đã có tài khoản '{username}' (dùng --replace để đặt lại)")
    created = (now or dt.datetime.now()).isoformat(timespec="seconds")
    accounts[username] = {
        "role": role,
        "name": name,
        "created": created,
        "email": email.strip().lower(),
        "hash": _HASHER.hash(password) if password is not None else "",
    }
    _write(path, accounts)
    return Account(username, role, name, created, email.strip().lower())


def remove(path: Path, username: str) -> None:
    accounts = _read(path)
    if username not in accounts:
        raise AccountError(f"không có tài khoản '{username}'")
    del accounts[username]
    _write(path, accounts)


def verify(path: Path, username: str, password: str) -> Account | None:
    """The account when the password is right, else None (same cost whether or not the account exists)."""
    entry = _read(path).get(username)
    try:
        _HASHER.verify(entry["hash"] if entry and entry.get("hash") else _DUMMY, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if entry is None or not entry.get("hash"):  # no such account, or one that signs in through the provider only
        return None
    if _HASHER.check_needs_rehash(entry["hash"]):  # the library's recommended cost went up: upgrade on sign-in
        accounts = _read(path)
        accounts[username]["hash"] = _HASHER.hash(password)
        with contextlib.suppress(OSError):  # a read-only accounts file: the old hash still verifies
            _write(path, accounts)
    return _account(username, entry)


# ---------------------------------------------------------------- sign-in limits and sessions


@dataclass
class Throttle:
    """Failed sign-ins counted per account and per client key (e.g. the remote address): from the `free`-th failure
    on, each attempt must wait a doubling delay (1 s, 2 s, 4 s… up to `max_delay`); after `lockout_after` failures
    the key is locked for `lockout`. A success clears the account's and the client's count. Kept in memory: one
    process serves the app, and a restart clearing the counts costs an attacker a restart of the server."""

    free: int = 3
    max_delay: float = 60.0
    lockout_after: int = 10
    lockout: dt.timedelta = dt.timedelta(minutes=15)
    _state: dict[str, tuple[int, dt.datetime]] = field(default_factory=dict)
    _mutex: threading.Lock = field(default_factory=threading.Lock)

    def _keys(self, username: str, client: str) -> list[str]:
        return [f"account:{username.lower()}", f"client:{client}"]

    def wait(self, username: str, client: str, now: dt.datetime) -> float:
        """Seconds before this account may try again from this client (0: may try now)."""
        longest = 0.0
        with self._mutex:
            for key in self._keys(username, client):
                failures, last = self._state.get(key, (0, now))
                if failures >= self.lockout_after:
                    until = last + self.lockout
                    if now >= until:
                        del self._state[key]  # the lockout has passed: a fresh start
                        continue
                    longest = max(longest, (until - now).total_seconds())
                elif failures >= self.free:
                    delay = min(2.0 ** (failures - self.free), self.max_delay)
                    longest = max(longest, delay - (now - last).total_seconds())
        return max(longest, 0.0)

    def locked(self, username: str, client: str, now: dt.datetime) -> bool:
        with self._mutex:
            return any(
                failures >= self.lockout_after and now < last + self.lockout
                for failures, last in (self._state.get(k, (0, now)) for k in self._keys(username, client))
            )

    def failed(self, username: str, client: str, now: dt.datetime) -> None:
        with self._mutex:
            for key in self._keys(username, client):
                failures, _ = self._state.get(key, (0, now))
                self._state[key] = (failures + 1, now)

    def succeeded(self, username: str, client: str) -> None:
        with self._mutex:
            for key in self._keys(username, client):
                self._state.pop(key, None)


@dataclass(frozen=True)
class SignIn:
    account: Account | None
    message: str  # why it was refused (empty on success); the same for a wrong name and a wrong password
    wait: float = 0.0  # seconds to wait before the next attempt


def sign_in(
    path: Path, username: str, password: str, client: str, throttle: Throttle, now: dt.datetime | None = None
) -> SignIn:
    """Check a sign-in against the accounts file within the throttle's limits; a refused attempt while waiting or
    locked does not even verify the password (no guessing faster than the delay allows)."""
    now = now or dt.datetime.now()
    username = username.strip().lower()
    waiting = throttle.wait(username, client, now)
    if waiting > 0:
        what = "tạm khóa do đăng nhập sai nhiều lần" if throttle.locked(username, client, now) else "đăng nhập sai"
        return SignIn(None, f"{what}: hãy thử lại sau {_duration(waiting)}", waiting)
    account = verify(path, username, password)
    if account is None:
        throttle.failed(username, client, now)
        return SignIn(None, "tên đăng nhập hoặc mật khẩu không đúng", throttle.wait(username, client, now))
    throttle.succeeded(username, client)
    return SignIn(account, "")


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.999)
    return f"{seconds} giây" if seconds < 120 else f"{(seconds + 59) // 60} phút"


def session_token(path: Path, account: Account, seen: dt.datetime, secret: bytes) -> str:
    """A token that brings a session back after the page is reloaded (kept in a cookie of the browser): the account,
    when it was last active, and a signature with the server's `secret` over them and the account's stored hash and
    role, so that a new password, a new role or a removed account ends every session of it."""
    stamp = str(int(seen.timestamp()))
    return f"{account.username}.{stamp}.{_signature(path, account.username, stamp, secret)}"


def from_token(
    path: Path, token: str, now: dt.datetime, secret: bytes, idle: dt.timedelta = SESSION_IDLE
) -> Account | None:
    """The account a session_token() names, while its signature holds and the session has not been idle for `idle`
    (a clock gone backwards ends it too); None otherwise, and for anything malformed."""
    head, _, signature = token.rpartition(".")  # a name may hold dots itself ("nguyen.lan")
    username, _, stamp = head.rpartition(".")
    if not (USERNAME.fullmatch(username) and stamp.isdigit() and signature):
        return None
    expected = _signature(path, username, stamp, secret)
    if expected is None or not hmac.compare_digest(expected, signature):
        return None
    if expired(dt.datetime.fromtimestamp(int(stamp)), now, idle):
        return None
    return get(path, username)


def _signature(path: Path, username: str, stamp: str, secret: bytes) -> str | None:
    try:
        entry = _read(path).get(username)
    except AccountError:
        return None
    if entry is None:
        return None
    message = "\x1f".join((username, stamp, str(entry.get("role", "")), str(entry.get("hash", "")))).encode("utf-8")
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def expired(last_seen: dt.datetime, now: dt.datetime, idle: dt.timedelta = SESSION_IDLE) -> bool:
    """Whether a session last active at `last_seen` has ended by `now` (a clock gone backwards also ends it)."""
    return now - last_seen >= idle or now < last_seen


# ---------------------------------------------------------------- command line


def add_cli(commands: argparse._SubParsersAction) -> None:
    curator = commands.add_parser("curator", help="quản lý tài khoản biên tập: add | remove | list")
    curator.add_argument("--file", help="tệp tài khoản (mặc định $DANVAN_CURATORS hoặc ~/.config/danvan/curators.toml)")
    actions = curator.add_subparsers(dest="action", required=True)
    add_p = actions.add_parser("add", help="thêm (hoặc đặt lại, với --replace) một tài khoản")
    add_p.add_argument("username")
    add_p.add_argument("--role", choices=ROLES, default="curator")
    add_p.add_argument("--name", default="", help="họ tên hiển thị")
    add_p.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của stdin")
    add_p.add_argument("--email", default="", help="địa chỉ thư khi đăng nhập qua nhà cung cấp định danh (OIDC)")
    add_p.add_argument(
        "--no-password",
        action="store_true",
        help="không đăng nhập bằng mật khẩu: chỉ qua nhà cung cấp định danh, theo --email",
    )
    add_p.add_argument("--replace", action="store_true", help="đặt lại mật khẩu, vai trò của tài khoản đã có")
    remove_p = actions.add_parser("remove", help="xóa một tài khoản")
    remove_p.add_argument("username")
    actions.add_parser("list", help="liệt kê tài khoản (không bao giờ in mật khẩu hay mã băm)")
    curator.set_defaults(run=run_cli)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise AccountError("hai lần nhập mật khẩu không khớp")
    return first


def run_cli(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser() if args.file else accounts_path()
    try:
        if args.action == "add":
            password = None if args.no_password else _read_password(args.password_stdin)
            account = add(path, args.username, password, args.role, args.name, email=args.email, replace=args.replace)
            print(f"Đã lưu tài khoản {account.username} ({account.role}) vào {path}")
        elif args.action == "remove":
            remove(path, args.username)
            print(f"Đã xóa tài khoản {args.username} khỏi {path}")
        else:
            found = list_accounts(path)
            for account in found:
                print(f"{account.username}\t{account.role}\t{account.name}\t{account.created}\t{account.email}")
            print(f"{len(found)} tài khoản trong {path}", file=sys.stderr)
    except AccountError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 2
    return 0

"""Curator accounts: Argon2 hashes in a file outside data/, roles, the command line (never echoing a password),
sign-in delays and lockout per account and per client, session expiry, uploads checked by content."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from danvan import accounts, uploads
from danvan.accounts import AccountError, Throttle

ROOT = Path(__file__).resolve().parent.parent
T0 = dt.datetime(2026, 3, 1, 8, 0, 0)
SECRET = "mật-khẩu-dài-123"


@pytest.fixture
def book(tmp_path) -> Path:
    path = tmp_path / "cfg" / "curators.toml"
    accounts.add(path, "lan", SECRET, "curator", "Nguyễn Thị Lan", now=T0)
    accounts.add(path, "admin1", "quản-trị-viên-9", "admin")
    return path


def test_path_outside_data_configurable():
    assert accounts.accounts_path({"DANVAN_CURATORS": "/srv/x.toml"}) == Path("/srv/x.toml")
    assert accounts.accounts_path({}) == Path("~/.config/danvan/curators.toml").expanduser()


def test_file_holds_salted_slow_hashes_only(book):
    text = book.read_text(encoding="utf-8")
    assert SECRET not in text and text.count("$argon2id$") == 2
    assert stat.S_IMODE(book.stat().st_mode) == 0o600
    other = book.parent / "other.toml"
    accounts.add(other, "lan", SECRET)
    first = next(line for line in text.splitlines() if line.startswith("hash"))
    second = next(line for line in other.read_text(encoding="utf-8").splitlines() if line.startswith("hash"))
    assert first != second  # a fresh salt each time


def test_verify_and_roles(book):
    lan = accounts.verify(book, "lan", SECRET)
    assert lan == accounts.Account("lan", "curator", "Nguyễn Thị Lan", T0.isoformat())
    assert accounts.verify(book, "lan", SECRET + "x") is None
    assert accounts.verify(book, "nobody", SECRET) is None
    assert lan.can("save") and not lan.can("manage") and not lan.can("audit")
    admin = accounts.verify(book, "admin1", "quản-trị-viên-9")
    assert admin and admin.can("save") and admin.can("manage") and admin.can("audit")
    assert accounts.can("viewer", "view") and not accounts.can("viewer", "save")
    assert not accounts.can("hacker", "view")


@pytest.mark.parametrize(
    ("username", "password", "role", "word"),
    [
        ("lan", SECRET, "curator", "đã có"),
        ("../etc", SECRET, "curator", "không hợp lệ"),
        ("Lan Anh", SECRET, "curator", "không hợp lệ"),
        ("minh", "ngắn", "curator", "quá ngắn"),
        ("minh", SECRET, "root", "vai trò"),
        ("minh", " " + SECRET, "curator", "khoảng trắng"),
    ],
)
def test_refused_accounts(book, username, password, role, word):
    with pytest.raises(AccountError, match=word):
        accounts.add(book, username, password, role)


def test_replace_and_remove(book):
    accounts.add(book, "lan", "mật-khẩu-mới-456", "admin", replace=True)
    assert accounts.verify(book, "lan", SECRET) is None
    assert accounts.verify(book, "lan", "mật-khẩu-mới-456").role == "admin"
    accounts.remove(book, "lan")
    assert [a.username for a in accounts.list_accounts(book)] == ["admin1"]
    with pytest.raises(AccountError, match="không có"):
        accounts.remove(book, "lan")


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "danvan", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "DANVAN_CURATORS": ""},
    )


def test_command_line_never_shows_the_password(tmp_path):
    book = tmp_path / "c.toml"
    done = cli(
        "curator",
        "--file",
        str(book),
        "add",
        "minh",
        "--role",
        "admin",
        "--name",
        "Trần Minh",
        "--password-stdin",
        stdin=SECRET + "\n",
    )
    assert done.returncode == 0, done.stderr
    assert SECRET not in done.stdout + done.stderr
    assert accounts.verify(book, "minh", SECRET).role == "admin"
    listed = cli("curator", "--file", str(book), "list")
    assert listed.stdout.split("\t")[:3] == ["minh", "admin", "Trần Minh"] and "argon2" not in listed.stdout
    again = cli("curator", "--file", str(book), "add", "minh", "--password-stdin", stdin=SECRET + "\n")
    assert again.returncode == 2 and "đã có tài khoản" in again.stderr
    assert cli("curator", "--file", str(book), "remove", "minh").returncode == 0
    assert accounts.list_accounts(book) == []


def test_the_password_option_does_not_exist():
    done = cli("curator", "add", "minh", "--password", SECRET)
    assert done.returncode == 2 and "unrecognized arguments" in done.stderr


def test_growing_delay_then_lockout_per_account(book):
    throttle = Throttle(free=3, lockout_after=6, lockout=dt.timedelta(minutes=15))
    now = T0
    waits = []
    for _ in range(6):
        result = accounts.sign_in(book, "lan", "sai-mật-khẩu-1", "10.0.0.1", throttle, now)
        assert result.account is None and result.message == "tên đăng nhập hoặc mật khẩu không đúng"
        waits.append(result.wait)
        locked_at = now
        now += dt.timedelta(seconds=result.wait)
    assert waits[:2] == [0, 0] and waits[2:5] == [1, 2, 4]  # doubling from the third failure
    assert waits[5] == 15 * 60  # locked
    # Even the right password is refused while locked, without being checked — from any client.
    result = accounts.sign_in(book, "lan", SECRET, "10.0.0.99", throttle, locked_at + dt.timedelta(minutes=5))
    assert result.account is None and "tạm khóa" in result.message and "10 phút" in result.message
    later = accounts.sign_in(book, "lan", SECRET, "10.0.0.99", throttle, locked_at + dt.timedelta(minutes=15))
    assert later.account is not None and later.message == ""


def test_delay_per_client_across_accounts(book):
    throttle = Throttle(free=2, lockout_after=5)
    for name in ("a1", "a2", "a3"):  # one client guessing different accounts
        accounts.sign_in(book, name, "đoán-bừa-123", "10.0.0.7", throttle, T0)
    result = accounts.sign_in(book, "lan", SECRET, "10.0.0.7", throttle, T0)
    assert result.account is None and result.wait > 0
    assert accounts.sign_in(book, "lan", SECRET, "10.0.0.8", throttle, T0).account is not None  # another client


def test_success_clears_the_count(book):
    throttle = Throttle(free=2)
    accounts.sign_in(book, "lan", "sai-mật-khẩu-1", "c", throttle, T0)
    assert accounts.sign_in(book, "lan", SECRET, "c", throttle, T0).account
    assert throttle.wait("lan", "c", T0) == 0


def test_session_expiry():
    idle = dt.timedelta(minutes=30)
    assert not accounts.expired(T0, T0 + dt.timedelta(minutes=29), idle)
    assert accounts.expired(T0, T0 + idle, idle)
    assert accounts.expired(T0, T0 - dt.timedelta(seconds=1), idle)  # clock went backwards


# ---------------------------------------------------------------- uploads


def office(member: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (office("word/document.xml"), "docx"),
        (office("xl/workbook.xml"), "xlsx"),
        ("Bài viết về dân vận".encode(), "text"),
        ("\ufeffCó BOM".encode(), "text"),
        ("Văn bản UTF-16".encode("utf-16"), "text"),
    ],
)
def test_type_by_content(raw, kind):
    checked = uploads.check(raw, "../../etc/passwd")
    assert checked.kind == kind
    assert checked.safe_name.startswith("upload-") and "/" not in checked.safe_name
    assert "passwd" not in checked.safe_name
    assert checked.shown_name == "passwd"


def test_text_is_decoded_to_nfc():
    import unicodedata

    checked = uploads.check(unicodedata.normalize("NFD", "Lạng Sơn").encode("utf-16"), "bai.txt")
    assert checked.text == "Lạng Sơn"


@pytest.mark.parametrize(
    ("raw", "name", "kwargs", "word"),
    [
        (b"", "a.txt", {}, "trống"),
        (b"x" * 101, "a.txt", {"max_bytes": 100}, "quá lớn"),
        (b"MZ\x90\x00\x03\x00" + bytes(100), "bai.txt", {}, "chương trình"),
        (office("evil.bin"), "bai.docx", {}, "ZIP"),
        (b"%PDF-1.4", "bai.txt", {"allowed": ("text",)}, "chỉ nhận: txt"),
        ("Hoà và Đà".encode("cp1258"), "bai.txt", {}, "Windows-1258.* trong Notepad"),
        # a table Excel saved as plain "CSV": how Excel saves it as UTF-8 (the page's upload said Notepad's way)
        ("Hoà,Đà\n".encode("cp1258"), "C:\\bao-cao.CSV", {}, "^không đọc được .* trong Excel, .*CSV UTF-8"),
    ],
)
def test_refused_uploads(raw, name, kwargs, word):
    with pytest.raises(uploads.UploadError, match=word):
        uploads.check(raw, name, **kwargs)


def test_shown_name_is_cleaned():
    assert uploads.shown_name("C:\\Users\\x\\bài\u202eviết.txt\x00") == "bàiviết.txt"
    assert uploads.shown_name("...") == "(không tên)"


def test_an_identity_provider_account_maps_by_email_and_has_no_password(tmp_path):
    book = tmp_path / "c.toml"
    accounts.add(book, "hoa", None, "admin", "Lê Hoa", email="Hoa@Tinh.gov.vn")
    accounts.add(book, "lan", SECRET, "curator", email="lan@tinh.gov.vn")
    assert accounts.by_email(book, "hoa@tinh.gov.vn").username == "hoa"
    assert accounts.by_email(book, "nobody@tinh.gov.vn") is None and accounts.by_email(book, "") is None
    assert accounts.verify(book, "hoa", "") is None and accounts.verify(book, "hoa", SECRET) is None
    assert accounts.get(book, "lan").email == "lan@tinh.gov.vn" and accounts.get(book, "x") is None
    with pytest.raises(AccountError, match="cần mật khẩu"):
        accounts.add(book, "minh", None)
    with pytest.raises(AccountError, match="thư"):
        accounts.add(book, "minh", SECRET, email="không-phải-thư")


def test_an_empty_upload_says_so():
    with pytest.raises(uploads.UploadError, match=r"^tệp trống \(0 byte\)"):
        uploads.check(b"", "bai.txt")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_its_byte_order_mark_is_text(encoding):
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    checked = uploads.check(
        bom + "Dân vận khéo\x00 năm 2023".replace("\x00", "").encode(encoding), "bai.txt", allowed=("text",)
    )
    assert checked.kind == "text" and checked.text == "Dân vận khéo năm 2023"


def test_streamlit_refuses_larger_uploads_than_the_check_allows():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == uploads.MAX_UPLOAD_MB  # a viewer cannot push 150 MB any more
    assert uploads.MAX_UPLOAD == uploads.MAX_UPLOAD_MB * 1024 * 1024
    assert config["client"]["showErrorDetails"] == "none" and config["client"]["showErrorLinks"] == "false"


def test_the_proxy_adds_security_headers_and_hides_metrics():
    headers = (ROOT / "deploy" / "nginx" / "danvan-headers.conf").read_text(encoding="utf-8")
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert f"add_header {name} " in headers
    assert "frame-ancestors 'none'" in headers and "object-src 'none'" in headers
    locations = (ROOT / "deploy" / "nginx" / "danvan-locations.conf").read_text(encoding="utf-8")
    assert "location ~ /_stcore/metrics$ {\n    return 404;" in locations
    assert "location ^~ /_stcore/upload_file {\n    return 403;" in locations
    assert locations.count("include /opt/danvan/deploy/nginx/danvan-headers.conf;") == 2  # both proxied locations


def test_the_command_line_without_the_readmes_environment_says_where_to_run():
    """The system's Python has no Polars: `python -m danvan validate data` names the missing package and the
    README's environment instead of ending on a bare import error."""
    hide_polars = "import runpy, sys; sys.modules['polars'] = None; sys.argv = ['danvan', 'validate', 'data']; "
    run = subprocess.run(
        [sys.executable, "-c", hide_polars + "runpy.run_module('danvan', run_name='__main__')"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 1
    assert "Thiếu gói polars: hãy chạy trong môi trường cài theo README" in run.stderr
    assert ".venv/bin/python -m danvan" in run.stderr


def test_the_command_line_run_with_another_python_goes_on_in_the_readmes_environment(tmp_path):
    """`python -m danvan …` with a Python that lacks Polars, from a checkout whose README install made .venv, runs
    the same command with .venv/bin/python (a stand-in here that prints what it was given), once."""
    shutil.copytree(ROOT / "danvan", tmp_path / "danvan", ignore=shutil.ignore_patterns("__pycache__"))
    shadow = tmp_path / "shadow" / "polars"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ModuleNotFoundError(\"No module named 'polars'\", name='polars')\n")
    stand_in = tmp_path / ".venv" / "bin" / "python"
    stand_in.parent.mkdir(parents=True)
    stand_in.write_text('#!/bin/sh\necho "ran: $* once=$DANVAN_REEXEC"\n')
    stand_in.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "DANVAN_REEXEC"} | {"PYTHONPATH": str(tmp_path / "shadow")}
    command = [sys.executable, "-m", "danvan", "validate", "data"]
    run = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert (run.returncode, run.stdout) == (0, "ran: -m danvan validate data once=1\n")
    # … and with no such environment, or when it was already tried, the message says where to run
    run = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env | {"DANVAN_REEXEC": "1"})
    assert run.returncode == 1 and "Thiếu gói polars" in run.stderr and run.stdout == ""


def test_a_session_token_brings_the_session_back_until_it_should_not(book):
    """A curator's walk-through: reloading the page signed the curator out. The cookie's token restores the session
    while it holds: not after the idle time, not with another server's key, not once tampered with, and not after
    the password or the role changed or the account was removed."""
    key = b"k" * 32
    lan = accounts.get(book, "lan")
    token = accounts.session_token(book, lan, T0, key)
    assert token.startswith(f"lan.{int(T0.timestamp())}.")
    assert accounts.from_token(book, token, T0 + dt.timedelta(minutes=29), key) == lan
    assert accounts.from_token(book, token, T0 + accounts.SESSION_IDLE, key) is None  # idle too long
    assert accounts.from_token(book, token, T0 - dt.timedelta(minutes=1), key) is None  # a clock gone back
    assert accounts.from_token(book, token, T0, b"x" * 32) is None  # another process's key (a restart)
    for forged in (token.replace("lan.", "admin1.", 1), token[:-1] + ("0" if token[-1] != "0" else "1"), "", "lan"):
        assert accounts.from_token(book, forged, T0, key) is None
    later = accounts.session_token(book, lan, T0, key)
    accounts.add(book, "lan", "mật-khẩu-mới-4567", "curator", "Nguyễn Thị Lan", replace=True)  # a new password
    assert accounts.from_token(book, later, T0, key) is None
    accounts.add(book, "lan", "mật-khẩu-mới-4567", "viewer", "Nguyễn Thị Lan", replace=True)
    again = accounts.session_token(book, accounts.get(book, "lan"), T0, key)
    assert accounts.from_token(book, again, T0, key).role == "viewer"
    accounts.remove(book, "lan")
    assert accounts.from_token(book, again, T0, key) is None
    dotted = accounts.add(book, "nguyen.lan", "mật-khẩu-dài-7890", "curator")  # a name with dots of its own
    assert accounts.from_token(book, accounts.session_token(book, dotted, T0, key), T0, key) == dotted

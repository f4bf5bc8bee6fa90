"""The pages and their URL paths: the bottom module of components/, importing nothing from it.

Each file in pages/ is named after its URL path (the overview, at "/", is pages/overview.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES_DIR = ROOT / "pages"
ICON = ROOT / "static" / "icon.png"

OVERVIEW = "overview"
PROFILE = "ho-so-tinh"
PRESENT = "trinh-chieu"  # the presentation page: hidden from the navigation, entered by its button or a link
CURATE = "nhap-lieu"  # curation: reachable by its URL, listed once a curator has signed in
SEARCH = "tim-kiem"
CHANGES = "thay-doi"
FOLLOWUP = "kien-nghi"
AUDIT = "nhat-ky"  # the audit log of saves: reachable by its URL, listed once an admin has signed in

# (section title key, ((file, title key, icon, url path), …)); the overview's url path is "" (the root).
PAGES = (
    (
        "section_overview",
        (
            (OVERVIEW, "page_overview", "dashboard", ""),
            ("ban-do", "page_map", "map", "ban-do"),
            ("dong-thoi-gian", "page_timeline", "timeline", "dong-thoi-gian"),
            (CHANGES, "page_changes", "update", CHANGES),
            (PRESENT, "page_present", "slideshow", PRESENT),
        ),
    ),
    (
        "section_analysis",
        (
            ("so-sanh", "page_compare", "bar_chart", "so-sanh"),
            (PROFILE, "page_profile", "location_city", PROFILE),
            (FOLLOWUP, "page_followup", "task_alt", FOLLOWUP),
        ),
    ),
    (
        "section_reference",
        (
            (SEARCH, "page_search", "search", SEARCH),
            ("van-ban", "page_documents", "gavel", "van-ban"),
            ("nguon", "page_sources", "article", "nguon"),
            ("du-lieu", "page_data", "table", "du-lieu"),
        ),
    ),
)
CURATE_PAGE = (CURATE, "page_curate", "edit_note", CURATE)
AUDIT_PAGE = (AUDIT, "page_audit", "history", AUDIT)
QUEUE = "hang-cho"  # the review queue of drafted files: listed, like curation, once a curator has signed in
QUEUE_PAGE = (QUEUE, "page_queue", "inbox", QUEUE)


def page_file(name: str) -> Path:
    """The script of a page, by its file name in pages/ (without .py)."""
    return PAGES_DIR / f"{name}.py"


def title_key(path: str) -> str:
    """The i18n key of a page's title, by its URL path."""
    return next(entry[1] for _, entries in PAGES for entry in entries if entry[3] == path)


def known_paths() -> set[str]:
    """Every URL path a page answers to."""
    return {entry[3] for _, entries in PAGES for entry in entries} | {CURATE_PAGE[3], QUEUE_PAGE[3], AUDIT_PAGE[3]}

"""The text of scanned pages, recognised by Tesseract in Vietnamese, when the machine has it.

Many signed reports reach a provincial office as scanned PDFs: pictures of pages with no text layer. Debian's
`tesseract-ocr` and `tesseract-ocr-vie` recognise them on the machine itself (no network); without them intake says
that a scan needs recognising first, as it always did. Recognised text has errors a typed text has not: the draft says
the text was recognised, and the curator checks each figure against the scan."""

from __future__ import annotations

import io
import shutil
import subprocess
from functools import cache

from .text import nfc

LANGUAGE = "vie"
PAGE_SECONDS = 120  # one page's recognition; a page that takes longer is given up
MAX_PAGES = 30  # a scanned report longer than this is split before it is read


@cache
def available() -> bool:
    """Whether Tesseract and its Vietnamese data are installed."""
    if shutil.which("tesseract") is None:
        return False
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return LANGUAGE in done.stdout.split()


def read_image(image: object) -> str:
    """One picture's text (a PIL image), NFC, its lines as Tesseract reads them; "" when it reads none."""
    png = io.BytesIO()
    image.save(png, format="PNG")  # type: ignore[attr-defined]
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", LANGUAGE],
        input=png.getvalue(),
        capture_output=True,
        timeout=PAGE_SECONDS,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode(errors="replace")[:200])
    return nfc(done.stdout.decode("utf-8", errors="replace").replace("\x0c", "")).strip()

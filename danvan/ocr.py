"""The text of scanned pages, recognised by Tesseract in Vietnamese, when the machine has it.

Many signed reports reach a provincial office as scanned PDFs: pictures of pages with no text layer. Debian's
`tesseract-ocr` and `tesseract-ocr-vie` recognise them on the machine itself (no network); without them intake says
that a scan needs recognising first, as it always did. Recognised text has errors a typed text has not: the draft says
the text was recognised, and the curator checks each figure against the scan."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from functools import cache
from typing import Any

from .legacy import vietnamese_share
from .text import nfc

LANGUAGE = "vie"
PAGE_SECONDS = 120  # one page's recognition; a page that takes longer is given up
MAX_PAGES = 30  # a scanned report longer than this is split before it is read
READABLE = 0.7  # a page whose words are this share Vietnamese syllables at least was read the right way up
SURE = 2.0  # the orientation confidence Tesseract must give before a page is turned
# A page picture narrower than this (an A4 page under ~150 dpi: a photo sent through a chat, a page shot from afar) is
# read enlarged twice: an A4 page of printed lines 700 px wide read 81 % of its characters right, enlarged 99,8 %
SMALL = 1200


@cache
def available() -> bool:
    """Whether Tesseract and its Vietnamese data are installed."""
    if shutil.which("tesseract") is None:
        return False
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return LANGUAGE in done.stdout.split()


def read_image(image: Any) -> str:
    """One picture's text (a PIL image), NFC, its lines as Tesseract reads them; "" when it reads none. A page that
    reads as no Vietnamese is read again turned as Tesseract sees it should be (`upright`): a page scanned sideways
    or upside down, or a photo whose phone kept no word of how it was held."""
    text = _recognise(image)
    if vietnamese_share(text) >= READABLE:
        return text
    turned = upright(image)
    if turned is image:
        return text
    again = _recognise(turned)
    return again if vietnamese_share(again) > vietnamese_share(text) else text


def upright(image: Any) -> Any:
    """The picture turned the way its lines read, as Tesseract's orientation detection says when it is sure; the
    picture itself when it is upright or Tesseract cannot tell (a page of a few words, a blank one)."""
    try:
        done = _tesseract(image, "--psm", "0")
    except RuntimeError:  # "Too few characters": nothing to turn by
        return image
    found = dict(re.findall(r"^(Rotate|Orientation confidence): ([\d.]+)$", done, re.MULTILINE))
    turn = int(found.get("Rotate", "0"))
    if turn % 360 == 0 or float(found.get("Orientation confidence", "0")) < SURE:
        return image
    return image.rotate(-turn, expand=True)  # Tesseract says clockwise; PIL turns counter-clockwise


def _recognise(image: Any) -> str:
    from PIL import Image

    if image.width < SMALL:  # Tesseract misreads letters a dozen pixels high: enlarged, they read
        image = image.resize((2 * image.width, 2 * image.height), Image.Resampling.LANCZOS)
    image = evened(image)
    if angle := skew(image):
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return _rejoin(nfc(_tesseract(image, "-l", LANGUAGE).replace("\x0c", "")).strip())


def evened(image: Any) -> Any:
    """The page in grey with its lighting evened out: each pixel over the paper's brightness around it (the paper
    found on an eighth-size copy, letters taken out by the brightest pixel of each neighbourhood). A phone's shadow
    darkens one side of a photographed page until Tesseract takes its paper for ink."""
    import numpy as np
    from PIL import Image, ImageFilter

    grey = image.convert("L")
    small = grey.resize((max(1, grey.width // 8), max(1, grey.height // 8)), Image.Resampling.BOX)
    paper = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(2))
    bright = np.maximum(np.asarray(paper.resize(grey.size, Image.Resampling.BILINEAR), dtype=float), 1)
    return Image.fromarray(np.clip(np.asarray(grey, dtype=float) / bright * 255, 0, 255).astype("uint8"))


def skew(image: Any) -> float:
    """The angle (degrees, counter-clockwise) that sets a page's lines level: a page photographed by hand lies a few
    degrees askew, and Tesseract, which reads 3° well, reads 5° worse and 8° not at all. The lines are level where the
    picture's rows are most unequal (dark rows of letters, light rows between): tried every half degree to 12° on a
    small copy, then every tenth around the best; 0 when level within half a degree."""
    import numpy as np
    from PIL import Image

    small = image.convert("L")
    small.thumbnail((800, 800))
    ink = np.asarray(small) < 128
    if ink.mean() < 0.001:  # a blank page: nothing to level
        return 0.0
    dark = Image.fromarray((ink * 255).astype("uint8"))

    def score(angle: float) -> float:
        rows = np.asarray(dark.rotate(angle, resample=Image.Resampling.NEAREST, expand=True), dtype=float).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    best = max(np.arange(-12, 12.25, 0.5), key=score)
    best = max(np.arange(best - 0.4, best + 0.45, 0.1), key=score)
    return round(float(best), 1) if abs(best) >= 0.5 else 0.0


# A blank line Tesseract put inside a sentence: after a line that does not close one, before one in lower case.
_SPLIT_SENTENCE = re.compile(r"(?<=[^.!?…:;\s])\n(?:[ \t]*\n)+(?=[^\W\d_])")


def _rejoin(text: str) -> str:
    """Recognised text with a sentence that runs on past a line kept in one paragraph. Tesseract guesses paragraphs
    from the layout and often starts one at a wrapped sentence's last line ("… mô hình “Dân vận khéo”" / blank /
    "được đăng ký thực hiện."); a paragraph in Vietnamese starts with a capital, a number or a dash."""
    return _SPLIT_SENTENCE.sub(lambda m: "\n" if text[m.end()].islower() else m.group(0), text)


def _tesseract(image: Any, *options: str) -> str:
    """What Tesseract writes for one picture, given as PNG on its input."""
    png = io.BytesIO()
    image.save(png, format="PNG")
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", *options], input=png.getvalue(), capture_output=True, timeout=PAGE_SECONDS
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode(errors="replace")[:200])
    return done.stdout.decode("utf-8", errors="replace")

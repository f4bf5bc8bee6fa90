"""From article to records: read a news text and draft visits, documents and observations for a curator.

    >>> from danvan.ingest import extract_file, load_registry
    >>> registry, _ = load_registry("data")
    >>> draft = extract_file("article.txt", registry)
    >>> draft["observations"][0]["value"], draft["observations"][0]["quote"]

The steps, in the order they run: `text` (reading, HTML stripping, paragraphs and sentences), `dates`, `numbers`,
`documents` (policy document codes), `places` (provinces, districts, bodies, leaders), `extract` (building the draft
from them) and `evaluate` (precision and recall against the hand-labelled corpus)."""

from .extract import extract, extract_file, extract_text, load_indicators, load_registry, to_yaml
from .text import IngestError

__all__ = ["IngestError", "extract", "extract_file", "extract_text", "load_indicators", "load_registry", "to_yaml"]

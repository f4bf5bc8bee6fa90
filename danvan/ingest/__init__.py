"""From article to records: read a news text and draft visits, documents and observations for a curator.

    >>> from danvan.ingest import extract_file, load_registry
    >>> registry, _ = load_registry("data")
    >>> draft = extract_file("article.txt", registry)
    >>> draft.observations[0].value, draft.observations[0].quote
    >>> print(draft.to_yaml())

The steps, in the order they run: `text` (reading, HTML stripping, paragraphs and sentences), `dates`, `numbers`,
`documents` (policy document codes), `places` (provinces, districts, bodies, leaders), `extract` (building the draft
from them) and `evaluate` (precision and recall against the hand-labelled corpus)."""

from .drafts import DocumentDraft, Draft, ObservationDraft, SourceDraft, SourceEntry, VisitDraft, to_records
from .extract import extract, extract_file, extract_text, load_indicators, load_registry
from .text import IngestError, read_article

__all__ = [
    "DocumentDraft",
    "Draft",
    "IngestError",
    "ObservationDraft",
    "SourceDraft",
    "SourceEntry",
    "VisitDraft",
    "extract",
    "extract_file",
    "extract_text",
    "load_indicators",
    "load_registry",
    "read_article",
    "to_records",
]

"""The extractor's work grows linearly with its input, and one intake is capped (issue 14 §5: a 30 KB paste of
repeated figures used to cost most of a minute). No timing: the work is counted."""

from __future__ import annotations

import importlib

import pytest

from danvan.ingest import extract_text
from danvan.ingest.text import MAX_CHARS, IngestError

# The package exports a function named `extract`, which hides the module of that name from attribute access.
extract_module = importlib.import_module("danvan.ingest.extract")
numbers_module = importlib.import_module("danvan.ingest.numbers")

# Figures in one long run with no full stop, the shape of a pasted table: the worst case for per-sentence work.
UNIT = "1.973 mô hình, 81,77%; "


def _work(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[int, int, object]:
    """(characters handed to the per-sentence and per-number helpers, numbers examined, the draft)."""
    seen = {"chars": 0, "numbers": 0}

    def counting(module, name, measure):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            seen["chars"] += measure(*args)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counting(extract_module, "periods", lambda text, *a: len(text))
    counting(extract_module, "_words", lambda text, *a: len(text))
    counting(numbers_module, "noun_after", lambda after, *a: len(after))
    counting(numbers_module, "noun_before", lambda before, *a: len(before))
    original = numbers_module._is_measure

    def is_measure(sentence, m):
        seen["numbers"] += 1
        return original(sentence, m)

    monkeypatch.setattr(numbers_module, "_is_measure", is_measure)
    draft = extract_text("Năm 2023, toàn tỉnh có " + UNIT * (len(text) // len(UNIT)))
    monkeypatch.undo()
    return seen["chars"], seen["numbers"], draft


def test_thirty_kilobytes_of_repeated_figures_is_linear_work(monkeypatch):
    chars_15, numbers_15, _ = _work(monkeypatch, "x" * 15_000)
    chars_30, numbers_30, draft = _work(monkeypatch, "x" * 30_000)
    assert numbers_30 == pytest.approx(2 * numbers_15, rel=0.01)  # twice the input: twice the candidates …
    assert chars_30 <= 2.2 * chars_15  # … and about twice the work, not four times
    assert chars_30 <= 40 * 30_000  # a bounded window per number
    # the figures themselves: the same facts repeated are drafted a few times at most, not once per repetition
    assert {(o.value, o.unit) for o in draft.observations} == {(81.77, "percent"), (1973, "count")}
    assert len(draft.observations) <= 4


def test_an_intake_longer_than_the_cap_is_refused_with_its_size():
    with pytest.raises(IngestError, match=r"quá giới hạn 100\.000 ký tự") as err:
        extract_text("a" * (MAX_CHARS + 1))
    assert "100.001" in str(err.value)
    assert extract_text("Năm 2023 có 12 mô hình.\n" * 10).observations  # below the cap: drafted


def test_a_long_text_naming_many_places_is_linear_work(monkeypatch):
    from danvan.ingest import load_registry

    registry = load_registry("data")[0]
    unit = "Ngày 5/3/2024, đoàn khảo sát xã Tân Lập, huyện Chợ Đồn, xã Thanh Thủy có 12 mô hình. "

    def work(n: int) -> tuple[int, object]:
        seen = {"hits": 0}
        original = extract_module.main_province

        def counting(hits):
            seen["hits"] += len(hits)
            return original(hits)

        monkeypatch.setattr(extract_module, "main_province", counting)
        draft = extract_text(unit * n, registry, published="2024-03-06")
        monkeypatch.undo()
        return seen["hits"], draft

    hits_200, _ = work(200)
    hits_400, draft = work(400)
    assert hits_400 <= 2.2 * hits_200  # place hits looked at once per paragraph, not once per event
    # no outlet given; the article's and the figures' province come from the places named (huyện Chợ Đồn: Bắc Kạn)
    assert draft.source.province == "06" and draft.observations[0].province == "06"
    assert "huyện Chợ Đồn" in draft.source.province_note

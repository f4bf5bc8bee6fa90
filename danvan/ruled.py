"""Tables found by their ruled lines: a report's table has a line under each row and between its columns.

Given a page's dark pixels (a scan's, or a typed PDF's drawn lines alone), `tables` finds each ruled table's row
lines, column lines and cells, a merged cell (a header over two columns or two rows) as one. danvan.ocr reads each
cell's picture; a typed PDF puts its text in them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

RULE = 1 / 12  # a table's horizontal line is at least this share of the picture's width
FULL = 0.9  # a column line crosses this share of a row's height at least
NEAR = 12  # pixels: lines this close are one (a double border), column lines this close one column line
MIN_ROW = 30  # pixels: a table's row is taller than this (a line of text in it, at the size Tesseract reads)


@dataclass
class Ruled:
    """A ruled table's geometry: its row lines and column lines (pixel rows and columns), and its cells, each as its
    first and last row and column (from 0) of the grid the lines make: a merged cell spans several."""

    ys: list[int]
    xs: list[int]
    cells: list[tuple[int, int, int, int]]
    rule: int  # a line's half width, and a little more: what to leave out of a cell

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (self.xs[0] - self.rule, self.ys[0] - self.rule, self.xs[-1] + self.rule, self.ys[-1] + self.rule)

    def filled(self, texts: list[str]) -> list[list[str]]:
        """The grid, rows of columns, of a text per cell (in `cells`' order): a merged cell's text in each position it
        covers, as a spreadsheet's merged cells read."""
        grid = [["" for _ in self.xs[1:]] for _ in self.ys[1:]]
        for (first_row, last_row, first_column, last_column), text in zip(self.cells, texts, strict=True):
            for r in range(first_row, last_row + 1):
                grid[r][first_column : last_column + 1] = [text] * (last_column - first_column + 1)
        return grid


def tables(ink: Any) -> list[Ruled]:
    """The ruled tables of a page (`ink`: its dark pixels, a bool array): rows between two horizontal lines, each
    crossed from line to line by its column lines, the outer ones where the lines end; two rows at least, or one of
    two cells at least (a framed line of text is no table)."""
    import numpy as np

    across = _runs(ink, max(60, int(ink.shape[1] * RULE)))
    lines = _groups(np.flatnonzero(across.any(axis=1)), NEAR)
    wide = np.pad(ink[:, 1:], ((0, 0), (0, 1))) | ink | np.pad(ink[:, :-1], ((0, 0), (1, 0)))  # a line's wobble
    rows: list[list[tuple[int, int]] | None] = []  # per two lines in a row: the column lines crossing between them
    for (_, top), (bottom, _) in itertools.pairwise(lines):
        inside = wide[top + 1 : bottom]
        if bottom - top <= MIN_ROW:
            rows.append(None)
            continue
        columns = _groups(np.flatnonzero(inside.mean(axis=0) >= FULL), 2)
        ends = np.flatnonzero(across[max(top - 3, 0) : bottom + 4].any(axis=0))  # where the two lines reach
        outer = len(columns) >= 2 and abs(columns[0][0] - ends[0]) <= NEAR and abs(columns[-1][1] - ends[-1]) <= NEAR
        rows.append(columns if outer else None)
    found: list[Ruled] = []
    start, run = 0, []  # the table being followed: its first row, and each of its rows' column lines
    for i, crossing in enumerate([*rows, None]):
        if crossing is not None:
            run.append(crossing)
            continue
        if len(run) >= 2 or (run and len(run[0]) >= 3):  # one row of cells: a table's last row, carried over
            found.append(_grid(across, lines[start : start + len(run) + 1], run))
        start, run = i + 1, []
    return found


def _grid(across: Any, lines: list[tuple[int, int]], rows: list[list[tuple[int, int]]]) -> Ruled:
    """A table's grid from its lines (top to bottom, first and last pixel row) and each row's column lines (first
    and last pixel column): a cell goes on across a column line its row lacks (a title over two columns) and down
    across a row line missing over it (a header over two rows)."""
    xs: list[int] = []
    for x in sorted((first + last) // 2 for columns in rows for first, last in columns):
        if not xs or x - xs[-1] > NEAR:
            xs.append(x)
    ys = [(first + last) // 2 for first, last in lines]
    rule = max(last - first for first, last in [*lines, *(c for columns in rows for c in columns)]) // 2 + 4
    middles = [[(first + last) // 2 for first, last in columns] for columns in rows]
    parent = {(r, c): (r, c) for r in range(len(rows)) for c in range(len(xs) - 1)}

    def root(unit: tuple[int, int]) -> tuple[int, int]:
        while parent[unit] != unit:
            unit = parent[unit]
        return unit

    for r, columns in enumerate(middles):
        for c in range(len(xs) - 1):
            if c + 2 < len(xs) and not any(abs(x - xs[c + 1]) <= NEAR for x in columns):
                parent[root((r, c + 1))] = root((r, c))
            if r + 1 < len(rows):
                first, last = lines[r + 1]
                under = across[first : last + 1, xs[c] + rule : xs[c + 1] - rule].any(axis=0)
                if under.size and under.mean() < 0.5:
                    parent[root((r + 1, c))] = root((r, c))
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for unit in parent:
        spans.setdefault(root(unit), []).append(unit)
    cells = [
        (min(r for r, _ in units), max(r for r, _ in units), min(c for _, c in units), max(c for _, c in units))
        for units in spans.values()
    ]
    return Ruled(ys, xs, sorted(cells), rule)


def _runs(mask: Any, length: int) -> Any:
    """The pixels of a bool array on a horizontal run of `length` at least: where `length` pixels from there on are
    all set (the span doubled each step), then each pixel of those runs (widened back the same way)."""
    width = mask.shape[1]
    if width < length:
        return mask & False
    start, span = mask.copy(), 1
    while span < length:  # start[:, x]: mask[:, x : x + 2·span] all set, at most `length`
        step = min(span, length - span)
        start[:, : width - step] &= start[:, step:]
        start[:, width - step :] = False
        span += step
    span = 1
    while span < length:  # every pixel of each run found
        step = min(span, length - span)
        start[:, step:] |= start[:, :-step]
        span += step
    return start


def _groups(indices: Any, gap: int) -> list[tuple[int, int]]:
    """Sorted integers in runs (a step of `gap` at most within one), as (first, last)."""
    out: list[list[int]] = []
    for i in map(int, indices):
        if out and i - out[-1][1] <= gap:
            out[-1][1] = i
        else:
            out.append([i, i])
    return [(first, last) for first, last in out]

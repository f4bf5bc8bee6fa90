"""What a slide's chart and map show: plain, already formatted data, the input of the figure builders
(figures.slides) and of the PowerPoint file's native charts. Built by exports.report."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Unit


@dataclass(frozen=True)
class Series:
    """One coloured set of bars: a value per category (None where there is none) and its formatted label."""

    name: str
    values: tuple[float | None, ...]
    labels: tuple[str, ...]
    look: int | None = None  # its colour's place in charts.OKABE_ITO when it must not hang on the chart (a kind's)


@dataclass(frozen=True)
class Chart:
    """The data behind a chart. kind "bar": horizontal grouped bars; "column": stacked columns over time."""

    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: Unit  # values of vnd are already in tỷ đồng
    axis_title: str = ""


@dataclass(frozen=True)
class Area:
    """One unit on the map: its code in the map's scheme, name, value and formatted value."""

    code: str
    name: str
    value: float
    label: str


@dataclass(frozen=True)
class MapData:
    scheme: str
    legend_title: str
    unit: Unit
    areas: tuple[Area, ...]
    period: str
    no_data: str

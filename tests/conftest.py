"""Shared fixtures: the curated data, a small fixture folder, and writable copies of both for bad-input tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import danvan

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture(scope="session")
def catalog() -> danvan.Catalog:
    return danvan.load(DATA)


@pytest.fixture(scope="session")
def mini_catalog() -> danvan.Catalog:
    return danvan.load(MINI)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the small fixture folder."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the curated data (without the large boundary files)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("geo", "history"))
    return target

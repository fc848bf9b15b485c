"""Shared helpers for the export tests: build a PDF and read it back with pypdf."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))


def pdf_text(data: bytes) -> str:
    """All text of a PDF, with whitespace removed (lines wrap anywhere in Chinese)."""
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def reader_of():
    return lambda data: PdfReader(io.BytesIO(data))

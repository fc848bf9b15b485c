"""The communication-plan wizard (ISO 10001 6.7). ``PAGES`` lists its step pages."""

from __future__ import annotations

PAGES: list[type] = []

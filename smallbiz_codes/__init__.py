"""smallbiz_codes: a customer satisfaction code of conduct for a small business (ISO 10001)."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "smallbiz-codes"
WORKBOOK_SUFFIX = ".sbcodes"

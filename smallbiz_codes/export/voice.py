"""Which language(s) a document speaks, and how it picks labels and user text.

A document is printed in Chinese, English or both. Fixed labels come from the
catalog with ``tr(lang, ...)``; user text has a primary version (in the
language the owner writes in, ``organization.language``) and an optional
``*_alt`` version in the other language. In "both", the owner's language comes
first and the other follows only where it exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from smallbiz_codes.i18n import format_date, tr

LANG_TAGS = {"zh": "zh-CN", "en": "en"}


def other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


@dataclass(frozen=True)
class Voice:
    mode: str  # "zh", "en" or "both"
    primary: str  # the language the owner writes in

    @property
    def langs(self) -> tuple[str, ...]:
        if self.mode == "both":
            return (self.primary, other(self.primary))
        return (self.mode,)

    @property
    def first(self) -> str:
        return self.langs[0]

    @property
    def both(self) -> bool:
        return self.mode == "both"

    @property
    def pdf_lang(self) -> str:
        return LANG_TAGS[self.first]

    def labels(self, msg: str) -> list[tuple[str, str]]:
        """``msg`` in each language of the document, duplicates dropped."""
        out: list[tuple[str, str]] = []
        for lang in self.langs:
            text = tr(lang, msg)
            if all(text != t for _, t in out):
                out.append((lang, text))
        return out

    def label(self, msg: str, sep: str = " / ") -> str:
        """One line: ``承诺 / Promises`` in "both", else the one language's word."""
        return sep.join(t for _, t in self.labels(msg))

    def fmt(
        self, msg: str, sep: str = " / ", dates: dict[str, str] | None = None, **values: object
    ) -> str:
        """``msg`` filled in per language, dates written the way each language writes them."""
        parts = []
        for lang in self.langs:
            kw: dict[str, object] = dict(values)
            kw.update({k: format_date(v, lang) or "?" for k, v in (dates or {}).items()})
            parts.append(tr(lang, msg).format(**kw))
        return sep.join(dict.fromkeys(parts))

    def user(self, primary: str, alt: str = "") -> list[tuple[str, str]]:
        """The user's text in the document's language(s); empty versions are left out.

        Printing in the other language falls back to the primary text when no
        translation was written, so a notice never loses a promise.
        """
        primary = (primary or "").strip()
        alt = (alt or "").strip()
        if self.mode == "both":
            out = [(self.primary, primary)] if primary else []
            if alt and alt != primary:
                out.append((other(self.primary), alt))
            if not out and alt:
                out.append((other(self.primary), alt))
            return out
        if self.mode == self.primary:
            return [(self.mode, primary or alt)] if (primary or alt) else []
        return [(self.mode, alt or primary)] if (alt or primary) else []

    def user_one(self, primary: str, alt: str = "", sep: str = " / ") -> str:
        return sep.join(t for _, t in self.user(primary, alt))

    def date(self, iso: str, sep: str = " / ") -> str:
        if not iso:
            return ""
        return sep.join(dict.fromkeys(format_date(iso, lang) for lang in self.langs))

"""Adopting promises from a template into the owner's own workbook.

Templates are the example codes by trade (``resources/examples``) and the
code packs an association hands to its members (``store/packs.py``). An
adopted promise arrives with its indicators and procedures, marked
``tailored=False`` (the checks then ask the owner to edit or confirm it),
``capability_confirmed=False`` (only the owner can say they can keep it) and
with ``origin``/``origin_wording`` pointing back at the template, so a later
version of the template can be compared with what was adopted.

Promises the owner already has are never touched, and a promise adopted
once is not adopted twice. Each call is one transaction.

The code-drafting wizard calls :func:`adopt_example`; for example::

    with WorkbookFile.open(path) as wf:
        added = adopt_example(wf, "salon")           # all five promises
        adopt_example(wf, "webshop", keys=["returns"])  # just one
"""

from __future__ import annotations

from dataclasses import replace

from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.packs import UpstreamPromise
from smallbiz_codes.domain.records import Promise
from smallbiz_codes.store.workbook import WorkbookFile


def add_adopted(wf: WorkbookFile, upstream: UpstreamPromise, origin: str) -> Promise:
    """Insert a template promise with its indicators and procedures, in the caller's transaction."""
    promise = replace(
        upstream.promise,
        id=None,
        position=0,  # after the owner's own promises
        tailored=False,
        capability_confirmed=False,
        origin=origin,
        origin_wording=upstream.promise.wording,
    )
    wf.add(promise)
    for indicator in upstream.indicators:
        wf.add(replace(indicator, id=None, promise_id=promise.id, objective_id=None))
    for procedure in upstream.procedures:
        wf.add(replace(procedure, id=None, promise_id=promise.id))
    return promise


def adopt_example(
    wf: WorkbookFile, key: str, lang: str | None = None, keys: list[str] | None = None
) -> list[Promise]:
    """Copy the promises of example ``key`` into the workbook; returns those added.

    ``lang`` defaults to the language the owner writes in; ``keys`` picks some
    of the example's promises by their key (e.g. ``["returns"]``). Raises
    :class:`~smallbiz_codes.domain.examples.UnknownExample` for an unknown trade.
    """
    lang = lang or wf.organization().language or "zh"
    example = load_example(key, lang)
    have = {p.origin for p in wf.all(Promise) if p.origin}
    added: list[Promise] = []
    with wf.transaction():
        for p in example.promises:
            promise_key = p.origin.rsplit("/", 1)[-1]
            if p.origin in have or (keys is not None and promise_key not in keys):
                continue
            up = UpstreamPromise(p, example.indicators_for(p), example.procedures_for(p))
            added.append(add_adopted(wf, up, p.origin))
    return added

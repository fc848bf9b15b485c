"""The workbook's schema: the one source of truth, as sqlite-utils migrations.

Each migration runs in one transaction and is recorded in ``_sqlite_migrations``.
A migration, once released, is never edited: a change to the records is a new
migration appended below. ``tests/store/test_schema.py`` checks that after all
migrations every table has exactly the columns of its dataclass in
``smallbiz_codes.domain.records``.

Tables and the clause each serves: see ``RECORD_TABLES`` and each record's
``CLAUSE``; ``docs/workbook.md`` lists them.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "smallbiz_codes"
# PRAGMA application_id of every workbook: "SBCD". A SQLite file of another
# program has another (usually 0) and is refused untouched.
APPLICATION_ID = 0x53424344

migrations = Migrations(MIGRATION_SET)

# Columns of schema 1 (0.1 development), kept literally: released history.
_SCHEMA_1: dict[str, dict[str, type]] = {
    "organization": {"id": int, "name": str, "name_alt": str, "trade": str, "staff_count": int, "products_services": str, "customers": str, "channels": str, "address": str, "phone": str, "email": str, "website": str, "complaint_handling": str, "laws_and_rules": str, "language": str},  # noqa: E501
    "code": {"id": int, "title": str, "purpose": str, "scope": str, "exclusions": str, "effective_date": str, "review_date": str, "status": str, "version": int, "complaints_contact": str, "complaints_contact_alt": str, "dispute_route": str, "monitoring": str, "approver": str, "route": str, "current_step": str},  # noqa: E501
    "objective": {"id": int, "position": int, "text": str, "problem": str, "measure": str, "baseline": str, "target": str, "target_date": str},  # noqa: E501
    "information_item": {"id": int, "kind": str, "source": str, "summary": str, "date": str},
    "party_input": {"id": int, "party": str, "method": str, "date": str, "said": str, "decision": str, "feedback_sent": int},  # noqa: E501
    "promise": {"id": int, "position": int, "wording": str, "wording_alt": str, "category": str, "covers": str, "conditions": str, "conditions_alt": str, "remedy": str, "remedy_alt": str, "owner": str, "capability_confirmed": int},  # noqa: E501
    "indicator": {"id": int, "promise_id": int, "objective_id": int, "name": str, "measure": str, "unit": str, "target": float, "direction": str, "frequency": str, "source": str, "owner": str},  # noqa: E501
    "procedure": {"id": int, "promise_id": int, "title": str, "steps": str, "at_risk": str, "records": str, "complaint_link": str, "owner": str},  # noqa: E501
    "communication_item": {"id": int, "position": int, "direction": str, "audience": str, "purpose": str, "message": str, "method": str, "timing": str, "start_date": str, "owner": str, "cost": str, "accessibility": str, "evaluation": str, "done_on": str},  # noqa: E501
    "resource": {"id": int, "kind": str, "description": str, "cost": str, "approved": int},
    "implementation_task": {"id": int, "title": str, "owner": str, "due": str, "done_on": str},
    "feedback": {"id": int, "date": str, "kind": str, "promise_id": int, "channel": str, "summary": str, "customer_ref": str, "remedy_given": str, "status": str, "closed_on": str},  # noqa: E501
    "measurement": {"id": int, "indicator_id": int, "period": str, "value": float, "comment": str},
    "satisfaction_result": {"id": int, "date": str, "method": str, "sample": int, "awareness": float, "clarity": float, "fairness": float, "overall": float, "comment": str},  # noqa: E501
    "review": {"id": int, "date": str, "participants": str, "inputs": str, "decisions": str, "next_review": str},  # noqa: E501
    "improvement_action": {"id": int, "review_id": int, "source": str, "cause": str, "action": str, "owner": str, "due": str, "status": str, "effectiveness": str},  # noqa: E501
    "approval": {"id": int, "version": int, "approved_by": str, "approved_on": str, "effective_date": str, "snapshot": str, "fingerprint": str},  # noqa: E501
    "principle_assessment": {"id": int, "principle": str, "comment": str, "owner_status": str},
}

_FOREIGN_KEYS_1: dict[str, list[tuple[str, str, str]]] = {
    "indicator": [("promise_id", "promise", "id"), ("objective_id", "objective", "id")],
    "procedure": [("promise_id", "promise", "id")],
    "feedback": [("promise_id", "promise", "id")],
    "measurement": [("indicator_id", "indicator", "id")],
    "improvement_action": [("review_id", "review", "id")],
}


@migrations()
def m001_initial(db: Database) -> None:
    for table, columns in _SCHEMA_1.items():
        db[table].create(columns, pk="id", foreign_keys=_FOREIGN_KEYS_1.get(table, []))
    db["approval"].create_index(["version"], unique=True)
    db["principle_assessment"].create_index(["principle"], unique=True)


@migrations()
def m002_adoption_link(db: Database) -> None:
    """Annex G: remember where an adopted promise came from, and whether it was tailored."""
    db["promise"].add_column("tailored", int, not_null_default=1)
    db["promise"].add_column("origin", str, not_null_default="")
    db["promise"].add_column("origin_wording", str, not_null_default="")
    db["code"].add_column("adopted_from", str, not_null_default="")


@migrations()
def m003_more_second_language_fields(db: Database) -> None:
    """The code's own texts and the address in the other language, for bilingual notices."""
    for column in ("title_alt", "purpose_alt", "scope_alt", "exclusions_alt", "dispute_route_alt"):
        db["code"].add_column(column, str, not_null_default="")
    db["organization"].add_column("address_alt", str, not_null_default="")


def known_migration_names() -> list[str]:
    """Every migration this program knows, in order (read-only on a scratch database)."""
    return [m.name for m in migrations.pending(Database(memory=True, execute_plugins=False))]

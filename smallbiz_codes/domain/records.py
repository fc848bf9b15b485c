"""One dataclass per record of ISO 10001 that a small business keeps.

Field names follow the standard's words where it has them (see
shared/ISO10001.md). Every record is flat: scalars and lists of short strings,
so the store can map it to one table row without an ORM. Dates are ISO strings
("2026-11-25") so that a workbook reads the same in every locale.

The clause each record serves is in ``CLAUSE`` on the class; the store's schema
comments and the exchange-file documentation read it from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

# Channels a business can serve its customers through (Annex C questions branch on them).
CHANNELS: tuple[str, ...] = ("shop", "phone", "online", "delivery", "deposit", "appointment")

PROMISE_CATEGORIES: tuple[str, ...] = (
    "delivery",
    "service_time",
    "quality",
    "price",
    "returns",
    "personal_data",
    "advertising",
    "complaints",
    "other",
)


@dataclass
class Organization:
    """The business itself: ISO 10001 5.1 context and Annex C profile."""

    CLAUSE: ClassVar[str] = "5.1, Annex C"
    id: int | None = None
    name: str = ""
    name_alt: str = ""  # the name in the other language, for bilingual notices
    trade: str = ""  # key of an example trade, or free text
    staff_count: int = 0
    products_services: str = ""
    customers: str = ""
    channels: list[str] = field(default_factory=list)
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    complaint_handling: str = ""  # how complaints are handled today (ISO 10002)
    laws_and_rules: str = ""  # laws and association rules that apply
    language: str = "zh"  # the language the owner writes in: "zh" or "en"


@dataclass
class Code:
    """The code of conduct being drafted, with its Annex H identification."""

    CLAUSE: ClassVar[str] = "6.4, Annex H"
    id: int | None = None
    title: str = ""
    purpose: str = ""
    scope: str = ""
    exclusions: str = ""
    effective_date: str = ""
    review_date: str = ""
    status: str = "draft"  # "draft" or "published"
    version: int = 1  # the version being drafted (or last published)
    complaints_contact: str = ""
    complaints_contact_alt: str = ""
    dispute_route: str = ""  # external dispute resolution (ISO 10003), e.g. 12315
    monitoring: str = ""  # how the business checks it keeps its promises
    approver: str = ""
    adopted_from: str = ""  # Annex G: name of the association whose pack this came from
    route: str = "full"  # "short" (Annex C quick route) or "full"
    current_step: str = ""  # the wizard page to reopen at


@dataclass
class Objective:
    CLAUSE: ClassVar[str] = "6.1"
    id: int | None = None
    position: int = 0
    text: str = ""
    problem: str = ""  # the problem the business has that this objective answers
    measure: str = ""
    baseline: str = ""
    target: str = ""
    target_date: str = ""


@dataclass
class InformationItem:
    CLAUSE: ClassVar[str] = "6.2"
    id: int | None = None
    kind: str = "complaint"  # complaint, feedback, competitor, association, legal, capability
    source: str = ""
    summary: str = ""
    date: str = ""


@dataclass
class PartyInput:
    """Who was asked and what they said (6.3, Annex E consultation log)."""

    CLAUSE: ClassVar[str] = "6.3, Annex E"
    id: int | None = None
    party: str = ""  # customers, staff, suppliers, consumer group, association
    method: str = ""  # chat, survey, meeting
    date: str = ""
    said: str = ""
    decision: str = ""
    feedback_sent: bool = False


@dataclass
class Promise:
    """A promise with its related provisions, laid out as Annex A's rows."""

    CLAUSE: ClassVar[str] = "6.4, Annex H"
    id: int | None = None
    position: int = 0
    wording: str = ""
    wording_alt: str = ""
    category: str = "other"
    covers: str = ""  # which customers, products, channels
    conditions: str = ""  # conditions and limitations, placed next to the promise
    conditions_alt: str = ""
    remedy: str = ""  # what the customer gets when the promise is not kept
    remedy_alt: str = ""
    owner: str = ""
    capability_confirmed: bool = False
    tailored: bool = True  # False while an adopted promise is still the template's words
    origin: str = ""  # "example:bakery/2" or "pack:<pack id>/<promise key>"
    origin_wording: str = ""  # the template's wording when adopted, to see upstream changes


@dataclass
class Indicator:
    CLAUSE: ClassVar[str] = "6.5"
    id: int | None = None
    promise_id: int | None = None
    objective_id: int | None = None
    name: str = ""
    measure: str = ""
    unit: str = ""
    target: float | None = None
    direction: str = "up"  # "up": higher is better; "down": lower is better
    frequency: str = "monthly"
    source: str = ""
    owner: str = ""


@dataclass
class Procedure:
    CLAUSE: ClassVar[str] = "6.6"
    id: int | None = None
    promise_id: int | None = None
    title: str = ""
    steps: str = ""
    at_risk: str = ""  # what staff do when the promise is at risk or broken
    records: str = ""
    complaint_link: str = ""
    owner: str = ""


@dataclass
class CommunicationItem:
    CLAUSE: ClassVar[str] = "6.7, Annex I"
    id: int | None = None
    position: int = 0
    direction: str = "external"  # "internal" or "external"
    audience: str = ""
    purpose: str = ""
    message: str = ""
    method: str = ""
    timing: str = ""
    start_date: str = ""
    owner: str = ""
    cost: str = ""
    accessibility: str = ""
    evaluation: str = ""
    done_on: str = ""


@dataclass
class Resource:
    CLAUSE: ClassVar[str] = "6.8"
    id: int | None = None
    kind: str = "people"  # people, time, money, training, material
    description: str = ""
    cost: str = ""
    approved: bool = False


@dataclass
class ImplementationTask:
    CLAUSE: ClassVar[str] = "7"
    id: int | None = None
    title: str = ""
    owner: str = ""
    due: str = ""
    done_on: str = ""


@dataclass
class Feedback:
    """Feedback or a complaint that bears on the code (8.1, bridge to ISO 10002)."""

    CLAUSE: ClassVar[str] = "8.1"
    id: int | None = None
    date: str = ""
    kind: str = "complaint"  # complaint, feedback, praise
    promise_id: int | None = None
    channel: str = ""
    summary: str = ""
    customer_ref: str = ""  # kept short and pseudonymous (principle 4.10)
    remedy_given: str = ""
    status: str = "open"  # open, closed
    closed_on: str = ""


@dataclass
class Measurement:
    CLAUSE: ClassVar[str] = "8.2"
    id: int | None = None
    indicator_id: int | None = None
    period: str = ""  # ISO date of the period's start
    value: float | None = None
    comment: str = ""


@dataclass
class SatisfactionResult:
    CLAUSE: ClassVar[str] = "8.3"
    id: int | None = None
    date: str = ""
    method: str = ""
    sample: int = 0
    awareness: float | None = None  # share of customers who knew the code, 0-100
    clarity: float | None = None
    fairness: float | None = None
    overall: float | None = None
    comment: str = ""


@dataclass
class Review:
    CLAUSE: ClassVar[str] = "8.4"
    id: int | None = None
    date: str = ""
    participants: str = ""
    inputs: str = ""
    decisions: str = ""
    next_review: str = ""


@dataclass
class ImprovementAction:
    CLAUSE: ClassVar[str] = "8.5"
    id: int | None = None
    review_id: int | None = None
    source: str = ""
    cause: str = ""
    action: str = ""
    owner: str = ""
    due: str = ""
    status: str = "open"
    effectiveness: str = ""


@dataclass
class Approval:
    """A frozen copy of the code as published; printed notices name it."""

    CLAUSE: ClassVar[str] = "Annex H"
    id: int | None = None
    version: int = 1
    approved_by: str = ""
    approved_on: str = ""
    effective_date: str = ""
    snapshot: str = ""  # canonical JSON of the code and its promises at publication
    fingerprint: str = ""  # first 8 hex digits of the snapshot's SHA-256


@dataclass
class PrincipleAssessment:
    """The owner's own comment on one guiding principle (clause 4)."""

    CLAUSE: ClassVar[str] = "4"
    id: int | None = None
    principle: str = ""  # "4.2" ... "4.13"
    comment: str = ""
    owner_status: str = ""  # "", "ok", "todo"


# Table name for each record, in the order they are created and exported.
RECORD_TABLES: dict[type, str] = {
    Organization: "organization",
    Code: "code",
    Objective: "objective",
    InformationItem: "information_item",
    PartyInput: "party_input",
    Promise: "promise",
    Indicator: "indicator",
    Procedure: "procedure",
    CommunicationItem: "communication_item",
    Resource: "resource",
    ImplementationTask: "implementation_task",
    Feedback: "feedback",
    Measurement: "measurement",
    SatisfactionResult: "satisfaction_result",
    Review: "review",
    ImprovementAction: "improvement_action",
    Approval: "approval",
    PrincipleAssessment: "principle_assessment",
}

TABLE_RECORDS: dict[str, type] = {table: cls for cls, table in RECORD_TABLES.items()}

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
    name: str = ""  # the business's name as customers know it
    name_alt: str = ""  # the name in the other language, for bilingual notices
    trade: str = ""  # key of an example trade, or free text
    staff_count: int = 0  # people working there, owner included
    products_services: str = ""  # what it sells or does
    customers: str = ""  # who its customers are
    channels: list[str] = field(default_factory=list)  # keys of CHANNELS: shop, phone, online ...
    address: str = ""  # where customers find it
    address_alt: str = ""  # the address in the other language, for bilingual notices
    phone: str = ""  # the number customers call
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
    title: str = ""  # the code's name, e.g. 麦香坊顾客承诺
    title_alt: str = ""  # the code's name in the other language
    purpose: str = ""  # why the business makes these promises
    purpose_alt: str = ""  # the purpose in the other language
    scope: str = ""  # which customers, products and channels it covers
    scope_alt: str = ""  # the scope in the other language
    exclusions: str = ""  # what it does not cover
    exclusions_alt: str = ""  # the exclusions in the other language
    effective_date: str = ""  # ISO date from which the promises apply
    review_date: str = ""  # ISO date of the next planned review
    status: str = "draft"  # "draft" or "published"
    version: int = 1  # the version being drafted (or last published)
    complaints_contact: str = ""  # whom customers contact when a promise is not kept
    complaints_contact_alt: str = ""  # the same in the other language
    dispute_route: str = ""  # external dispute resolution (ISO 10003), e.g. 12315
    dispute_route_alt: str = ""  # the dispute route in the other language
    monitoring: str = ""  # how the business checks it keeps its promises
    approver: str = ""  # who approves the code for the business
    adopted_from: str = ""  # Annex G: name of the association whose pack this came from
    route: str = "full"  # "short" (Annex C quick route) or "full"
    current_step: str = ""  # the wizard page to reopen at


@dataclass
class Objective:
    CLAUSE: ClassVar[str] = "6.1"
    id: int | None = None
    position: int = 0  # order in the list, 1 first
    text: str = ""  # what the code is meant to achieve
    problem: str = ""  # the problem the business has that this objective answers
    measure: str = ""  # how progress is measured
    baseline: str = ""  # where the business stands now
    target: str = ""  # where it wants to be
    target_date: str = ""  # ISO date by which


@dataclass
class InformationItem:
    CLAUSE: ClassVar[str] = "6.2"
    id: int | None = None
    kind: str = "complaint"  # complaint, feedback, competitor, association, legal, capability
    source: str = ""  # where it came from (complaint book, survey ...)
    summary: str = ""  # what was learnt
    date: str = ""  # ISO date


@dataclass
class PartyInput:
    """Who was asked and what they said (6.3, Annex E consultation log)."""

    CLAUSE: ClassVar[str] = "6.3, Annex E"
    id: int | None = None
    party: str = ""  # customers, staff, suppliers, consumer group, association
    method: str = ""  # chat, survey, meeting
    date: str = ""  # ISO date
    said: str = ""  # what they said
    decision: str = ""  # what the business decided in answer
    feedback_sent: bool = False  # they were told what became of their input


@dataclass
class Promise:
    """A promise with its related provisions, laid out as Annex A's rows."""

    CLAUSE: ClassVar[str] = "6.4, Annex H"
    id: int | None = None
    position: int = 0  # order on the notice, 1 first
    wording: str = ""  # the promise in plain words, in the owner's language
    wording_alt: str = ""  # the promise in the other language
    category: str = "other"  # one of PROMISE_CATEGORIES
    covers: str = ""  # which customers, products, channels
    conditions: str = ""  # conditions and limitations, placed next to the promise
    conditions_alt: str = ""  # conditions in the other language
    remedy: str = ""  # what the customer gets when the promise is not kept
    remedy_alt: str = ""  # remedy in the other language
    owner: str = ""  # who is responsible for keeping it
    capability_confirmed: bool = False  # the owner confirmed it can be kept (4.3)
    tailored: bool = True  # False while an adopted promise is still the template's words
    origin: str = ""  # "example:bakery/2" or "pack:<pack id>/<promise key>"
    origin_wording: str = ""  # the template's wording when adopted, to see upstream changes


@dataclass
class Indicator:
    CLAUSE: ClassVar[str] = "6.5"
    id: int | None = None
    promise_id: int | None = None  # the promise it measures
    objective_id: int | None = None  # the objective it measures
    name: str = ""  # e.g. share of cakes ready on time
    measure: str = ""  # how it is counted
    unit: str = ""  # %, minutes, count ...
    target: float | None = None  # the target value
    direction: str = "up"  # "up": higher is better; "down": lower is better
    frequency: str = "monthly"  # how often: weekly, monthly ...
    source: str = ""  # where the numbers come from
    owner: str = ""  # who measures it


@dataclass
class Procedure:
    CLAUSE: ClassVar[str] = "6.6"
    id: int | None = None
    promise_id: int | None = None  # the promise it serves
    title: str = ""  # name of the procedure
    steps: str = ""  # what staff do, step by step
    at_risk: str = ""  # what staff do when the promise is at risk or broken
    records: str = ""  # what is written down
    complaint_link: str = ""  # how it connects to complaint handling
    owner: str = ""  # who is responsible


@dataclass
class CommunicationItem:
    CLAUSE: ClassVar[str] = "6.7, Annex I"
    id: int | None = None
    position: int = 0  # order in the plan
    direction: str = "external"  # "internal" or "external"
    audience: str = ""  # who is told: customers, staff ...
    purpose: str = ""  # why they are told
    message: str = ""  # what they are told
    method: str = ""  # how: notice, website, briefing ...
    timing: str = ""  # when and how often
    start_date: str = ""  # ISO date
    owner: str = ""  # who does it
    cost: str = ""  # what it costs
    accessibility: str = ""  # how people with other needs get it (Annex D)
    evaluation: str = ""  # how the business knows it worked
    done_on: str = ""  # ISO date it was done


@dataclass
class Resource:
    CLAUSE: ClassVar[str] = "6.8"
    id: int | None = None
    kind: str = "people"  # people, time, money, training, material
    description: str = ""  # what is needed
    cost: str = ""  # what it costs
    approved: bool = False  # the owner agreed to provide it


@dataclass
class ImplementationTask:
    CLAUSE: ClassVar[str] = "7"
    id: int | None = None
    title: str = ""  # what has to be done
    owner: str = ""  # who does it
    due: str = ""  # ISO date
    done_on: str = ""  # ISO date it was done


@dataclass
class Feedback:
    """Feedback or a complaint that bears on the code (8.1, bridge to ISO 10002)."""

    CLAUSE: ClassVar[str] = "8.1"
    id: int | None = None
    date: str = ""  # ISO date received
    kind: str = "complaint"  # complaint, feedback, praise
    promise_id: int | None = None  # the promise it concerns, if any
    channel: str = ""  # how it came in
    summary: str = ""  # what the customer said
    customer_ref: str = ""  # kept short and pseudonymous (principle 4.10)
    remedy_given: str = ""  # what the customer got
    status: str = "open"  # open, closed
    closed_on: str = ""  # ISO date closed


@dataclass
class Measurement:
    CLAUSE: ClassVar[str] = "8.2"
    id: int | None = None
    indicator_id: int | None = None  # the indicator measured
    period: str = ""  # ISO date of the period's start
    value: float | None = None  # the value, in the indicator's unit
    comment: str = ""


@dataclass
class SatisfactionResult:
    CLAUSE: ClassVar[str] = "8.3"
    id: int | None = None
    date: str = ""  # ISO date
    method: str = ""  # survey, comment cards ...
    sample: int = 0  # how many customers answered
    awareness: float | None = None  # share of customers who knew the code, 0-100
    clarity: float | None = None  # share who found the promises clear
    fairness: float | None = None  # share who found the remedies fair
    overall: float | None = None  # share satisfied with the code
    comment: str = ""


@dataclass
class Review:
    CLAUSE: ClassVar[str] = "8.4"
    id: int | None = None
    date: str = ""  # ISO date of the review meeting
    participants: str = ""  # who took part
    inputs: str = ""  # what was looked at
    decisions: str = ""  # what was decided
    next_review: str = ""  # ISO date of the next review


@dataclass
class ImprovementAction:
    CLAUSE: ClassVar[str] = "8.5"
    id: int | None = None
    review_id: int | None = None  # the review that decided it, if any
    source: str = ""  # where the need came from
    cause: str = ""  # why the problem happened
    action: str = ""  # what will be done
    owner: str = ""  # who does it
    due: str = ""  # ISO date
    status: str = "open"  # open, done
    effectiveness: str = ""  # whether it worked, once checked


@dataclass
class Approval:
    """A frozen copy of the code as published; printed notices name it."""

    CLAUSE: ClassVar[str] = "Annex H"
    id: int | None = None
    version: int = 1  # the code version published
    approved_by: str = ""  # who approved it
    approved_on: str = ""  # ISO date
    effective_date: str = ""  # ISO date the promises apply from
    snapshot: str = ""  # canonical JSON of the code and its promises at publication
    fingerprint: str = ""  # first 8 hex digits of the snapshot's SHA-256


@dataclass
class PrincipleAssessment:
    """The owner's own comment on one guiding principle (clause 4)."""

    CLAUSE: ClassVar[str] = "4"
    id: int | None = None
    principle: str = ""  # "4.2" ... "4.13"
    comment: str = ""  # the owner's own words
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

"""Everything one business keeps, as one value: what checks, exports and exchange read."""

from __future__ import annotations

from dataclasses import dataclass, field

from smallbiz_codes.domain.records import (
    Approval,
    Code,
    CommunicationItem,
    Feedback,
    ImplementationTask,
    ImprovementAction,
    Indicator,
    InformationItem,
    Measurement,
    Objective,
    Organization,
    PartyInput,
    PrincipleAssessment,
    Procedure,
    Promise,
    Resource,
    Review,
    SatisfactionResult,
)


@dataclass
class Workbook:
    organization: Organization = field(default_factory=Organization)
    code: Code = field(default_factory=Code)
    objectives: list[Objective] = field(default_factory=list)
    information_items: list[InformationItem] = field(default_factory=list)
    party_inputs: list[PartyInput] = field(default_factory=list)
    promises: list[Promise] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    communication_items: list[CommunicationItem] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    implementation_tasks: list[ImplementationTask] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)
    satisfaction_results: list[SatisfactionResult] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    improvement_actions: list[ImprovementAction] = field(default_factory=list)
    approvals: list[Approval] = field(default_factory=list)
    principle_assessments: list[PrincipleAssessment] = field(default_factory=list)

    def latest_approval(self) -> Approval | None:
        return max(self.approvals, key=lambda a: a.version, default=None)

    def indicators_for(self, promise: Promise) -> list[Indicator]:
        return [i for i in self.indicators if i.promise_id == promise.id]

    def procedures_for(self, promise: Promise) -> list[Procedure]:
        return [p for p in self.procedures if p.promise_id == promise.id]

    def measurements_for(self, indicator: Indicator) -> list[Measurement]:
        return sorted(
            (m for m in self.measurements if m.indicator_id == indicator.id),
            key=lambda m: m.period,
        )


# Attribute of Workbook holding each table's records (organization and code are single).
LIST_ATTRIBUTES: dict[str, str] = {
    "objective": "objectives",
    "information_item": "information_items",
    "party_input": "party_inputs",
    "promise": "promises",
    "indicator": "indicators",
    "procedure": "procedures",
    "communication_item": "communication_items",
    "resource": "resources",
    "implementation_task": "implementation_tasks",
    "feedback": "feedback",
    "measurement": "measurements",
    "satisfaction_result": "satisfaction_results",
    "review": "reviews",
    "improvement_action": "improvement_actions",
    "approval": "approvals",
    "principle_assessment": "principle_assessments",
}

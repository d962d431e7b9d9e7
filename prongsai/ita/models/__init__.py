from .agency_data import (
    Analysis,
    AnalysisTopic,
    EvidenceSnapshot,
    ItaResult,
    ManualEvidence,
    ResultScore,
    YearSetting,
)
from .catalogue import (
    Catalogue,
    Confidence,
    GradeBand,
    Indicator,
    Instrument,
    OitElement,
    OitItem,
    Question,
    Window,
)

__all__ = [
    "Analysis",
    "AnalysisTopic",
    "Catalogue",
    "Confidence",
    "EvidenceSnapshot",
    "GradeBand",
    "Indicator",
    "Instrument",
    "ItaResult",
    "ManualEvidence",
    "OitElement",
    "OitItem",
    "Question",
    "ResultScore",
    "Window",
    "YearSetting",
]

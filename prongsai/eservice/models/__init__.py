from .catalogue import DurationUnit, RequiredDocument, Service, ServiceStep, describe_fee
from .requests import (
    CLOSED_STATUSES,
    ONLINE_CHANNELS,
    OPEN_STATUSES,
    RUNNING_STATUSES,
    Channel,
    RequestFile,
    RequestStatus,
    RequestStep,
    SatisfactionResponse,
    ServiceRequest,
)

__all__ = [
    "CLOSED_STATUSES",
    "ONLINE_CHANNELS",
    "OPEN_STATUSES",
    "RUNNING_STATUSES",
    "Channel",
    "DurationUnit",
    "RequestFile",
    "RequestStatus",
    "RequestStep",
    "RequiredDocument",
    "SatisfactionResponse",
    "Service",
    "ServiceRequest",
    "ServiceStep",
    "describe_fee",
]

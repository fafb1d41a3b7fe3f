"""Models of the training app, one module per concept."""

from training.models.catalogue import ContentArea, Programme, ProgrammeType, TopicTag
from training.models.classes import ClassSession, ClassStatus, Delivery, TrainingClass
from training.models.enrolments import Attendance, Certificate, Enrolment, EnrolmentStatus, Result
from training.models.rules import CreditRule, CreditSource, Holder, PeriodMinimum
from training.models.teaching import TeachingAssignment, TeachingStatus

__all__ = [
    "Attendance",
    "Certificate",
    "ClassSession",
    "ClassStatus",
    "ContentArea",
    "CreditRule",
    "CreditSource",
    "Delivery",
    "Enrolment",
    "EnrolmentStatus",
    "Holder",
    "PeriodMinimum",
    "Programme",
    "ProgrammeType",
    "Result",
    "TeachingAssignment",
    "TeachingStatus",
    "TopicTag",
    "TrainingClass",
]

"""Events that other apps add to a person's record history: apps above hr register a provider, hr reads them all.

hr may not import the apps built on it, so an app such as training registers, in its `AppConfig.ready()`, a
function `provider(*, employee) -> list[dict]` returning entries in the format of `hr.serializers.history`.
"""

from collections.abc import Callable

from hr.models import Employee

EmployeeHistoryProvider = Callable[..., list[dict]]

_providers: list[EmployeeHistoryProvider] = []


def employee_history_provider_register(provider: EmployeeHistoryProvider) -> None:
    """Add `provider` to those read for every person's history; registering it again changes nothing."""
    if provider not in _providers:
        _providers.append(provider)


def employee_history_events(*, employee: Employee) -> list[dict]:
    """The entries every registered provider gives for `employee`, in the order the providers registered."""
    return [event for provider in _providers for event in provider(employee=employee)]

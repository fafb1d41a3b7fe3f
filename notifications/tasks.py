"""The Celery task that sends an event's notices, retried with a growing delay when sending fails."""

from celery import shared_task

from notifications import services


@shared_task(
    name="notifications.tasks.notices_deliver",
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def notices_deliver(event_key: str) -> int:
    return services.notices_deliver(event_key)

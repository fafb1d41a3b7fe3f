"""A real Celery worker on the local Redis for the job tests (CI has Redis at 127.0.0.1:6379)."""

import os
import uuid

import pytest
import redis
from celery.contrib.testing.worker import start_worker

from backend.celery_app import app

BROKER = os.environ.get("TEST_CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
# One queue for this test process (Celery keeps the queues it declared once): stale messages of an earlier
# run or another process are never consumed, and it is purged before each test.
QUEUE = f"test-{os.getpid()}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def celery_worker(transactional_db):
    """A worker thread consuming from Redis; tasks are sent through the broker, not run in-process.

    The worker shares the test's database (committed rows only: the tests using it are transactional) and its
    mail outbox. Its queue has a name of its own, so a stale message of an earlier run is never consumed.
    """
    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not running at {BROKER} (.ci/run and production have it)")
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager", "task_default_queue")}
    app.conf.update(broker_url=BROKER, task_always_eager=False, task_default_queue=QUEUE)
    with app.connection_for_write() as connection:
        connection.default_channel.queue_purge(QUEUE)
    try:
        with start_worker(app, pool="threads", concurrency=2, perform_ping_check=False, shutdown_timeout=30) as worker:
            yield worker
    finally:
        app.conf.update(saved)

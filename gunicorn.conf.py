"""gunicorn settings, read by `gunicorn backend.wsgi` run from the repository root (docs/DEPLOY.md).

Every value can be changed through the environment (GUNICORN_*); the defaults suit one server behind nginx.
"""

import multiprocessing
import os

wsgi_app = "backend.wsgi:application"
# Behind nginx on the same host; GUNICORN_BIND=0.0.0.0:8000 in a container.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# A worker busy longer than this (a large synchronous export, a stuck query) is killed and replaced; forms ZIPs
# and large imports run as background jobs, so two minutes is ample. nginx's proxy_read_timeout is set above it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
# On a restart (deploy) a worker finishes the requests it holds for up to this long.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
# nginx keeps connections to the upstream open; a little longer than nginx's own keepalive to it.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
# Workers are renewed now and then, so a slow leak in a library cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 100))
# The heartbeat files live in memory: a slow disk never makes gunicorn think a worker hangs.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# X-Forwarded-Proto is believed only from the local nginx (the HTTPS redirect and secure cookies rely on it).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Every request is already logged by the application (backend/request_log.py, one JSON line each with its
# request id); gunicorn logs only its own errors, on standard error.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

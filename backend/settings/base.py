"""Settings shared by every environment."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from backend.env import BASE_DIR, env

# GENERAL
# https://docs.djangoproject.com/en/5.2/ref/settings/
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
ROOT_URLCONF = "backend.urls"
WSGI_APPLICATION = "backend.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# I18N: Vietnamese is the users' language; English through Accept-Language.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "backend" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# DATABASES: SQLite by default (zero set-up), PostgreSQL through DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

# APPS
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "djoser",
    "drf_spectacular",
    # Swagger UI and ReDoc served from this server's static files: the docs work on an offline network.
    "drf_spectacular_sidecar",
    "health_check",
    "simple_history",
    "corsheaders",
    "axes",
]
LOCAL_APPS = [
    "backend.api",
    "hr",
    "jobs",
    "notifications",
    "sync",
    "training",
    "evaluations",
    "dossier",
    "reform",
    "exchange",
    "demo",
    "portal",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

AUTH_USER_MODEL = "hr.User"
# The server-rendered portal (portal/) signs people in with a session.
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:login"

MIDDLEWARE = [
    # First: every answer, redirects and refusals included, is logged with its request id (backend/request_log.py).
    "backend.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files (the admin's styles, the API docs) straight from STATIC_ROOT, under gunicorn too.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before CommonMiddleware: /api/ paths without their trailing slash are answered, not redirected.
    "backend.api.trailing_slash.ApiTrailingSlashMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a lockout flagged during sign-in into its answer.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # backend/templates: the API docs pages (api/redoc.html without remote fonts).
        "DIRS": [BASE_DIR / "templates", BASE_DIR / "backend" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# PASSWORDS
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# SIGN-IN LOCKOUT (django-axes): failed sign-ins are recorded per account; after AXES_FAILURE_LIMIT
# failures the account is locked for AXES_COOLOFF_MINUTES, whatever address the attempts come from.
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 asks for the address in the lockout key; keyed by address too, a guesser rotating addresses
# (the attack seen: a new X-Forwarded-For per try) gets fresh attempts. Addresses are throttled apart.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_RESET_ON_SUCCESS = True
# Every failed sign-in is also kept one by one (AccessFailureLog, in the admin), not only counted.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "backend.api.lockout.lockout_response"
# The client address of a failed attempt is resolved as the throttles resolve it (TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "backend.api.lockout.client_ip"

# Reverse proxies in front of the application whose X-Forwarded-For entries are trusted: 0 (the default)
# trusts no X-Forwarded-For at all and uses the connection's address; 1 behind one nginx, and so on.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# IMPORTS: bounds of one uploaded file (rows beyond the header, and bytes).
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=100_000)
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=50 * 1024 * 1024)

# BACKGROUND WORK (Celery): Redis as the broker in production (REDIS_URL, or CELERY_BROKER_URL for another
# broker). With neither set, tasks run in-process right after the request's commit, so `./dev.sh serve`
# needs nothing else running. https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# An in-process task that fails is recorded (a job as failed, a notice as unsent), never raised into the
# request that already committed.
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
# A task is acknowledged once it has run, so a worker killed mid-task leaves it to another worker; tasks are
# written to be run again safely (job chunks and notices remember what they did).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "manager-digest": {"task": "evaluations.tasks.manager_digests_send", "schedule": 24 * 3600},
    "job-results-expire": {"task": "jobs.tasks.job_results_expire", "schedule": 3600},
}

# JOBS: results (forms ZIPs, large exports and import reports) are kept in Django's storage this many hours.
JOB_RESULT_HOURS = env.int("JOB_RESULT_HOURS", default=72)
# Forms rendered per task of a batch: small enough to spread over the worker processes.
FORMS_BATCH_CHUNK = env.int("FORMS_BATCH_CHUNK", default=25)
# Imports of files larger than this (about 5,000 rows of CSV) run as a job (202 with the job) on a worker.
EXCHANGE_JOB_THRESHOLD_BYTES = env.int("EXCHANGE_JOB_THRESHOLD_BYTES", default=1024 * 1024)
# Exports of more rows than this (counted on the filtered list) run as a job (202 with the job) on a worker.
# Measured on 2 busy cores (benchmarks/employee_export.py): an employee XLSX writes 370–660 rows/s, so 20,000
# rows took 50 s as a download, past gunicorn's 30 s timeout, and 0.1 s as a job's 202.
EXCHANGE_EXPORT_JOB_ROWS = env.int("EXCHANGE_EXPORT_JOB_ROWS", default=2000)

# NOTIFICATIONS: the portal's address, for the links in e-mails (no request to take it from in a worker).
PORTAL_URL = env("PORTAL_URL", default="http://127.0.0.1:8000")

# Account mail (password reset) is sent by a background thread after the response, so the answer
# takes as long for a known address as for an unknown one.
ACCOUNT_MAIL_IN_BACKGROUND = True

# STATIC / MEDIA
STATIC_URL = "static/"
# `manage.py collectstatic` copies every static file here; whitenoise serves them (production: compressed,
# with content-hashed names cached for a year).
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))

# Địa danh printed on the date lines of the assessment forms ("Sơn La, ngày … tháng … năm …").
FORM_PLACE_NAME = env("FORM_PLACE_NAME", default="Sơn La")

# EMAIL (password reset)
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@sonoivu.sonla.gov.vn")

# CORS: closed unless origins are listed.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])

# DJANGO REST FRAMEWORK
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "hr.authentication.ScopedJWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "backend.api.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    # List filters apply to lists only, never to a detail route that names its record (backend/api/filters.py).
    "DEFAULT_FILTER_BACKENDS": [
        "backend.api.filters.ListFilterBackend",
        "backend.api.filters.ListSearchFilter",
        "backend.api.filters.ListOrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "backend.api.schema.ErrorDocumentingAutoSchema",
    "EXCEPTION_HANDLER": "backend.api.exceptions.exception_handler",
    # Bodies are JSON (bounded nesting, no forbidden control character: backend/api/parsers.py); only the
    # upload endpoints (imports, reform evidence) declare the checked multipart and form parsers.
    "DEFAULT_PARSER_CLASSES": ["backend.api.parsers.BoundedJSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_THROTTLE_RATES": {
        "auth": env("AUTH_THROTTLE_RATE", default="30/minute"),
        # Refreshing and verifying a token needs no password; a whole office behind one NAT does it often.
        "auth_refresh": env("AUTH_REFRESH_THROTTLE_RATE", default="300/minute"),
        "public": env("PUBLIC_THROTTLE_RATE", default="60/minute"),
    },
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=1)),
    "AUTH_HEADER_TYPES": ("Bearer",),
}

DJOSER = {
    "LOGIN_FIELD": "username",
    # The portal's confirm page; the e-mail is the portal's Vietnamese one.
    "PASSWORD_RESET_CONFIRM_URL": "password/reset/{uid}/{token}/",
    "EMAIL": {"password_reset": "portal.emails.PasswordResetEmail"},
    "SERIALIZERS": {
        "current_user": "hr.serializers.accounts.CurrentUserSerializer",
        "user": "hr.serializers.accounts.CurrentUserSerializer",
    },
    "HIDE_USERS": True,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Hệ thống đánh giá và đào tạo công chức (Sở Nội vụ)",
    "DESCRIPTION": (
        "API quản lý hồ sơ cán bộ, công chức, viên chức; đánh giá, xếp loại chất lượng; "
        "đào tạo, bồi dưỡng; kỷ luật, khen thưởng và chỉ số cải cách hành chính."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and ReDoc from drf-spectacular-sidecar's local copies, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Choice sets whose field name ("kind") is shared with another set need a name of their own; a set
    # used by several fields (the rating: the unit's, the head's cap, the evaluation's) is one component.
    "ENUM_NAME_OVERRIDES": {
        "DisciplinePauseKindEnum": "hr.models.PauseKind",
        "UnitKindEnum": "hr.models.UnitKind",
        "RatingLevel": "hr.models.RatingLevel",
        "EmploymentStatusEnum": "hr.models.EmploymentStatus",
        "UnitLevelEnum": "hr.models.UnitLevel",
        "DataGroupEnum": "dossier.models.DataGroup",
        "PositionGroupEnum": "dossier.models.PositionGroup",
        "QualificationKindEnum": "dossier.models.QualificationKind",
        "AllowanceKindEnum": "dossier.models.AllowanceKind",
        "MissingUnitRatingEnum": "evaluations.models.rules.MissingUnitRatingPolicy",
    },
    # ASCII component names, summaries and Vietnamese descriptions, one media type per download, the
    # error component on every refusal (backend/api/schema.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "backend.api.schema.postprocess_contract",
    ],
}

# LOGGING: one JSON object a line on standard error (python-json-logger), or plain text with LOG_FORMAT=text.
# Every request is logged by backend.request_log (logger "backend.requests", INFO): request id, user, method,
# path, status, duration.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "filters": {"request_id": {"()": "backend.request_log.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env("LOG_FORMAT", default="json"),
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "backend.requests": {"level": env("REQUEST_LOG_LEVEL", default="INFO")},
        # xhtml2pdf logs every CSS rule it does not know at WARNING; keep its noise out.
        "xhtml2pdf": {"level": "ERROR"},
    },
}

# ERROR REPORTING: sentry-sdk, only when SENTRY_DSN is set (backend/sentry.py).
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    from backend.sentry import sentry_init

    sentry_init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

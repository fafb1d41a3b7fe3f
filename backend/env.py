"""Environment access through django-environ, shared by every settings module."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# A .env file is read only when asked for, as in cookiecutter-django, so CI and
# production never pick up a developer's stray file.
if env.bool("DJANGO_READ_DOT_ENV_FILE", default=False):
    environ.Env.read_env(str(BASE_DIR / ".env"))

"""JWT authentication that loads, in the user's own query, what every scoped read asks about the caller."""

from types import SimpleNamespace

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework_simplejwt.authentication import JWTAuthentication

from hr.models import User


class ScopedJWTAuthentication(JWTAuthentication):
    """simplejwt's `JWTAuthentication`, loading the user with their scope unit and their own record's unit.

    Every scoped read (`hr.access.employee_scope_q`) asks for the caller's scope unit and whether their own
    record lies in its subtree. Loaded by joins in the query that finds the user, both answers cost no
    further query: one round trip less on every request of an officer or a manager. simplejwt's own checks
    (unknown user, inactive user, revoked token) are unchanged: only the query it runs is.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # simplejwt reads the user through `user_model.objects.get(...)` and catches `user_model.DoesNotExist`.
        self.user_model = SimpleNamespace(
            objects=User.objects.select_related("scope_unit", "employee__unit"), DoesNotExist=User.DoesNotExist
        )


class ScopedJWTScheme(SimpleJWTScheme):
    """The OpenAPI security scheme of simplejwt (`jwtAuth`, a bearer JWT), for this subclass of its authentication."""

    target_class = ScopedJWTAuthentication

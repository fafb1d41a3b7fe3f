"""djoser's password-reset e-mail, in Vietnamese and linking to the portal's confirm page."""

from django.utils import translation
from djoser import email


class PasswordResetEmail(email.PasswordResetEmail):
    """Always Vietnamese: the people it reaches read Vietnamese, whatever language the requesting client sent."""

    template_name = "portal/email/password_reset.html"

    def render(self):
        with translation.override("vi"):
            super().render()

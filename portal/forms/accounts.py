"""Sign-in with a clear message for a locked or disabled account, and the password-reset request."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class PortalAuthenticationForm(AuthenticationForm):
    """Django's sign-in form; a locked-out or disabled account is named as such instead of "wrong password"."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or password is not correct. Both are case-sensitive."),
        "inactive": _(
            "This account is locked. Ask the personnel officer of your agency or the province administrator "
            "to unlock it."
        ),
        "locked_out": _(
            "Too many failed sign-ins: this account is locked for a while. Try again later or ask the "
            "province administrator to unlock it."
        ),
    }

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise ValidationError(self.error_messages["locked_out"], code="locked_out") from None
            if self._is_disabled_account():
                raise ValidationError(self.error_messages["inactive"], code="inactive") from None
            raise

    def _is_disabled_account(self) -> bool:
        """The right password for a disabled account (never reveals anything without the password)."""
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not username or not password:
            return False
        user = get_user_model()._default_manager.filter(username=username).first()
        return bool(user and not user.is_active and user.check_password(password))


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of your account"), max_length=254)

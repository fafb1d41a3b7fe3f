"""Sign-in, sign-out, password change and password reset (djoser's e-mail, Django's token check)."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from djoser.compat import get_user_email
from djoser.conf import settings as djoser_settings
from djoser.serializers import SendEmailResetSerializer

from portal.forms.accounts import PasswordResetRequestForm, PortalAuthenticationForm


class LoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = PortalAuthenticationForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if getattr(self.request, "axes_locked_out", False):
            # The form already says the account is locked; without this, axes' middleware would replace the
            # page with the API's JSON refusal.
            self.request.axes_locked_out = False
            response.status_code = 429
        return response


class LogoutView(auth_views.LogoutView):
    """POST only (with the CSRF token), as Django requires."""


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "portal/password_change.html"
    success_url = reverse_lazy("portal:home")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


def password_reset_request(request):
    """The API's reset (djoser): the same e-mail, sent only to an active account; the answer never says which."""
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        serializer = SendEmailResetSerializer(data={"email": form.cleaned_data["email"]}, context={"request": request})
        if serializer.is_valid():
            user = serializer.get_user()
            if user:
                djoser_settings.EMAIL.password_reset(request, {"user": user}).send([get_user_email(user)])
        return redirect("portal:password-reset-sent")
    return render(request, "portal/password_reset.html", {"form": form})


def password_reset_sent(request):
    return render(request, "portal/password_reset_sent.html")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The page djoser's e-mail links to: the same uid and token encoding as Django's."""

    template_name = "portal/password_reset_confirm.html"
    success_url = reverse_lazy("portal:password-reset-done")


def password_reset_done(request):
    return render(request, "portal/password_reset_done.html")

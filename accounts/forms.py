from typing import cast

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts import lockout
from accounts.models import Role
from organisations.forms import UnitPickerField


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class UserCreateForm(forms.Form):
    username = forms.RegexField(
        label=_("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Use letters, digits and . @ + - _ only.")},
    )
    full_name = forms.CharField(label=_("Full name"), max_length=120)
    email = forms.EmailField(label=_("E-mail"), required=False)
    position = forms.CharField(label=_("Position"), max_length=120, required=False)
    unit = UnitPickerField(
        label=_("Unit"), help_text=_("The unit the user acts for: type part of its name, or its code.")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    password = forms.CharField(label=_("Initial password"), widget=forms.PasswordInput)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(UnitPickerField, self.fields["unit"]).queryset = units

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password


class RoleForm(forms.Form):
    unit = UnitPickerField(label=_("Unit"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(UnitPickerField, self.fields["unit"]).queryset = units


class CheckedPasswordChangeForm(PasswordChangeForm):
    """Django's password change form, whose current-password check goes through
    `authenticate` and so through the lockout: a stolen session cannot guess the password."""

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if authenticate(self.request, username=self.user.get_username(), password=old_password) is None:
            if lockout.is_locked_out(self.request):
                self.request.thidua_lockout_shown = True
                raise ValidationError(
                    lockout.message(getattr(self.request, "thidua_lockout_reason", None)), code="locked"
                )
            raise ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password

"""Writes to the document registry: drafts, legal bases, recipients, attachments, issuing
with a number, the cascade of obligations to recipient units, acknowledgements, reminders
and the implementing plan a recipient starts from its obligation.

Every function checks the actor's permission through `accounts.permissions`, runs in one
transaction and raises ValidationError({field: Vietnamese message}) on a broken rule, so
nothing is ever half-saved."""

from .attachments import *
from .bases import *
from .drafts import *
from .external import *
from .issuing import *
from .numbers import *
from .recipients import *
from .reminders import *

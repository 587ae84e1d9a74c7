"""Commendation models, one module per concept: the rules (rule sets, award forms, base salary),
nominations (rounds, batches, nominations, evidence), the council (sessions, agenda, votes),
decisions (with their certificate layouts) and the award history. Every module is imported here,
so Django finds every model under the `awards` label."""

from awards.models.consultation import *  # noqa: F403
from awards.models.council import *  # noqa: F403
from awards.models.decisions import *  # noqa: F403
from awards.models.history import *  # noqa: F403
from awards.models.nominations import *  # noqa: F403
from awards.models.rules import *  # noqa: F403

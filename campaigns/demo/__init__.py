"""Demo campaign: the 2015 special campaign of the seed plan (Kế hoạch 75/KH-LĐLĐ), launched to
every union unit of the province, with its theme and five content items, a criteria set
copied from a template, the two clusters of district federations and the block of sector
unions, registrations (most units; some returned, some missing), dissemination sessions
(some units below the threshold), partial scores (some confirmed) and one interim review.

Everything goes through the services except what only the passing of time does in real life:
dates of 2015 are written on the records afterwards (submission times, for instance)."""

from .activity import *
from .loader import *
from .seed import *

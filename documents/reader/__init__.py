"""Read official Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP layout)
written elsewhere, and extract their structure: type, number/symbol, date, issuer,
title, theme, legal bases, content items and recipients."""

from .errors import *
from .extract import *
from .files import *
from .numbers import *

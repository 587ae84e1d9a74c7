"""Advanced models (điển hình tiên tiến), news articles (tin bài) with their editorial trail,
and issues of the internal bulletin (bản tin nội bộ)."""

from .advanced import *
from .articles import *
from .bulletins import *

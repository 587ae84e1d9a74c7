"""Official documents in the layout of Nghị định 30/2020/NĐ-CP, as DOCX and PDF.

Pure: callers build an `OfficialDocument` (or `Certificate`s) from their models and
get bytes back; nothing here reads or writes the database.
"""

from .certificates import *
from .docx import *
from .layout import *
from .model import *
from .pdf import *

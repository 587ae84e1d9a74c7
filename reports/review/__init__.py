"""The emulation and commendation review report (báo cáo sơ kết, tổng kết) of a subtree for a
period, generated from the data: the figures (tables the offices are asked for), the same
figures as an Excel workbook (one sheet per table) and the report itself in the official
layout of Nghị định 30/2020/NĐ-CP (documents.rendering), as DOCX or PDF.

The report's text is document content and stays Vietnamese whatever the interface language,
like every official document of the system (docs/architecture.md, "Language").
"""

from .document import *
from .figures import *
from .tables import *

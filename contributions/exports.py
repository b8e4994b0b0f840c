"""CSV and XLSX writers that never let imported text become a spreadsheet formula.

openpyxl (like XlsxWriter) turns any string starting with "=" into a formula, and spreadsheet
programs evaluate CSV cells starting with = + - @ (or a tab/CR before them): OWASP's "CSV
injection". Every cell is written as plain text.
"""

import csv
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """For CSV: a leading apostrophe makes spreadsheet programs read the cell as text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def to_csv(table: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in table:
        writer.writerow([neutralise(str(cell)) for cell in line])
    # A BOM so spreadsheet programs read the UTF-8 (accents, Arabic, Cyrillic) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(table: list[list[str]], *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for r, line in enumerate(table, start=1):
        for c, value in enumerate(line, start=1):
            cell = sheet.cell(row=r, column=c)
            # Assigning sets data_type "f" for "=…"; force a string cell afterwards.
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
            cell.data_type = "s"
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

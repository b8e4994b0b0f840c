"""CSV and XLSX writers that never let imported text become a spreadsheet formula.

openpyxl (like XlsxWriter) turns any string starting with "=" into a formula, and spreadsheet
programs evaluate CSV cells starting with = + - @ (or a tab/CR before them): OWASP's "CSV
injection". Every cell is written as plain text.
"""

import csv
import io
from collections.abc import Iterable, Iterator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """For CSV: a leading apostrophe makes spreadsheet programs read the cell as text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def iter_csv(lines: Iterable[list[str]]) -> Iterator[bytes]:
    """CSV bytes line by line, for a StreamingHttpResponse: the whole file is never in memory."""
    # A BOM so spreadsheet programs read the UTF-8 (accents, Arabic, Cyrillic) correctly.
    yield "\ufeff".encode()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in lines:
        writer.writerow([neutralise(str(cell)) for cell in line])
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()


def to_csv(table: list[list[str]]) -> bytes:
    return b"".join(iter_csv(table))


def to_xlsx(table: Iterable[list[str]], *, title: str) -> bytes:
    # Write-only mode streams rows to the file instead of keeping a cell object per value.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "C2"
    for line in table:
        sheet.append([_text_cell(sheet, value) for value in line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    # Assigning sets data_type "f" for "=…"; force a string cell afterwards.
    cell.data_type = "s"
    return cell

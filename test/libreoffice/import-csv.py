"""Imports a CSV from a URL into a sheet as a saved workbook does it: a flat ODS whose one table is linked to the URL
(`table:table-source`, the CSV filter), opened in headless LibreOffice Calc with its links updated; prints the
sheet's used cells as JSON rows, numbers as numbers.

usage: import-csv.py URL"""
import json
import os
import sys
import tempfile
from xml.sax.saxutils import quoteattr

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from office import Office  # noqa: E402
from com.sun.star.table.CellContentType import EMPTY, VALUE  # noqa: E402

WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:body><office:spreadsheet>
  <table:table table:name="Case">
   <table:table-source table:mode="copy-results-only" xlink:type="simple" xlink:href={url}
    table:filter-name="Text - txt - csv (StarCalc)" table:filter-options="44,34,76,1"/>
   <table:table-column/>
   <table:table-row><table:table-cell/></table:table-row>
  </table:table>
 </office:spreadsheet></office:body>
</office:document>
"""


def main(url):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "case.fods")
        with open(path, "w") as f:
            f.write(WORKBOOK.format(url=quoteattr(url)))
        with Office(folder) as office:
            doc = office.load(path)
            sheet = doc.getSheets().getByIndex(0)
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            end = cursor.getRangeAddress()
            rows = []
            for r in range(end.EndRow + 1):
                row = []
                for c in range(end.EndColumn + 1):
                    cell = sheet.getCellByPosition(c, r)
                    kind = cell.getType()
                    if kind == EMPTY:
                        row.append("")
                    elif kind == VALUE:
                        row.append(cell.getValue())
                    else:
                        row.append(cell.getString())
                rows.append(row)
            doc.close(True)
    print(json.dumps(rows))


if __name__ == "__main__":
    main(*sys.argv[1:])

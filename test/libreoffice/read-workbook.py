"""Opens a workbook in headless LibreOffice Calc, points it at the API, recalculates it (WEBSERVICE fetching from
the API) and prints the values of the computed cells as JSON: the Business case sheet's by reference (`L9`), and
every non-empty cell of the Uncertainty and Portfolio sheets as `Uncertainty.B27`, `Portfolio.B14`.

usage: read-workbook.py WORKBOOK API_ADDRESS [CELL=VALUE …]   (CELL is `C9`, or `Uncertainty.B5` on that sheet; an
empty VALUE empties the cell)"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from office import Office  # noqa: E402
from com.sun.star.sheet import FormulaResult  # noqa: E402
from com.sun.star.table.CellContentType import EMPTY  # noqa: E402

CELLS = ["H9", "I9", "J9", "K9", "L9", "M9", "H10", "I10", "J10", "K10", "L10", "M10"]
CELLS += ["I13", "J13", "K13", "L13", "M13", "N13", "I14", "J14", "K14", "L14", "M14", "N14", "B16"]
# The other sheets, of which every non-empty cell of columns A–H, rows 1–40, is read.
OTHER_SHEETS = ["Uncertainty", "Portfolio"]
OTHER_COLUMNS, OTHER_ROWS = "ABCDEFGH", range(1, 41)


def shown(cell):
    """What a cell holds after recalculation: its error, its number or its text."""
    if cell.getError() != 0:
        return f"Err:{cell.getError()}"
    if cell.FormulaResultType2 == FormulaResult.VALUE:
        return cell.getValue()
    return cell.getString()


def main(workbook, address, *changes):
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, os.path.basename(workbook))
        shutil.copy(workbook, copy)
        with Office(folder) as office:
            doc = office.load(copy)
            sheets = doc.getSheets()
            sheet = sheets.getByIndex(0)
            sheet.getCellRangeByName("B4").setString(address)
            for change in changes:  # e.g. C9=2: type 2 into C9; Uncertainty.B5=600: into B5 of that sheet
                ref, value = change.split("=", 1)
                target = sheet
                if "." in ref:
                    name, ref = ref.split(".", 1)
                    target = sheets.getByName(name)
                cell = target.getCellRangeByName(ref)
                if value == "":
                    cell.setString("")
                else:
                    cell.setValue(float(value))
            doc.calculateAll()
            values = {ref: shown(sheet.getCellRangeByName(ref)) for ref in CELLS}
            for name in OTHER_SHEETS:
                if not sheets.hasByName(name):
                    continue
                other = sheets.getByName(name)
                for row in OTHER_ROWS:
                    for column in OTHER_COLUMNS:
                        cell = other.getCellRangeByName(f"{column}{row}")
                        if cell.getType() != EMPTY:
                            values[f"{name}.{column}{row}"] = shown(cell)
            doc.close(True)
    print(json.dumps(values))


if __name__ == "__main__":
    main(*sys.argv[1:])

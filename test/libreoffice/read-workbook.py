"""Opens a workbook in headless LibreOffice Calc, points it at the API, recalculates it (WEBSERVICE fetching from
the API) and prints the values of the computed cells as JSON.

usage: read-workbook.py WORKBOOK API_ADDRESS [CELL=NUMBER …]"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from office import Office  # noqa: E402
from com.sun.star.sheet import FormulaResult  # noqa: E402

CELLS = ["H9", "I9", "J9", "K9", "L9", "M9", "H10", "I10", "J10", "K10", "L10", "M10"]
CELLS += ["I13", "J13", "K13", "L13", "M13", "N13", "I14", "J14", "K14", "L14", "M14", "N14", "B16"]


def main(workbook, address, *changes):
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, os.path.basename(workbook))
        shutil.copy(workbook, copy)
        with Office(folder) as office:
            doc = office.load(copy)
            sheet = doc.getSheets().getByIndex(0)
            sheet.getCellRangeByName("B4").setString(address)
            for change in changes:  # e.g. C9=2: type 2 into C9
                ref, value = change.split("=", 1)
                sheet.getCellRangeByName(ref).setValue(float(value))
            doc.calculateAll()
            values = {}
            for ref in CELLS:
                cell = sheet.getCellRangeByName(ref)
                if cell.getError() != 0:
                    values[ref] = f"Err:{cell.getError()}"
                elif cell.FormulaResultType2 == FormulaResult.VALUE:
                    values[ref] = cell.getValue()
                else:
                    values[ref] = cell.getString()
            doc.close(True)
    print(json.dumps(values))


if __name__ == "__main__":
    main(*sys.argv[1:])

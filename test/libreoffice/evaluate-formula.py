"""Evaluates one spreadsheet formula, written as for Excel (comma separators), in headless LibreOffice Calc after
typing values into B1, B2, … (or into the cells named, as C2=500); prints what the cell shows.

usage: evaluate-formula.py FORMULA [B1_VALUE B2_VALUE … | CELL=VALUE …]"""
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from office import Office, props  # noqa: E402


def calc_syntax(formula):
    """Excel's argument separator `,` becomes Calc's `;`, except inside string literals."""
    out, quoted = [], False
    for ch in formula:
        if ch == '"':
            quoted = not quoted
        out.append(";" if ch == "," and not quoted else ch)
    return "".join(out)


def main(formula, *values):
    with tempfile.TemporaryDirectory() as folder, Office(folder) as office:
        doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
        sheet = doc.getSheets().getByIndex(0)
        row = 0
        for value in values:
            named = re.match(r"^([A-Z]+[0-9]+)=(.*)$", value)
            if named:
                ref, value = named.groups()
            else:
                row += 1
                ref = f"B{row}"
            cell = sheet.getCellRangeByName(ref)
            try:
                cell.setValue(float(value))
            except ValueError:
                cell.setString(value)
        target = sheet.getCellRangeByName("A20")
        target.setFormula(calc_syntax(formula))
        doc.calculateAll()
        print(json.dumps(f"Err:{target.getError()}" if target.getError() else target.getString()))
        doc.close(True)


if __name__ == "__main__":
    main(*sys.argv[1:])

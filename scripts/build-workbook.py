"""Builds examples/business-case.ods and .xlsx: a workbook where a CX leader types their figures into labelled
cells and WEBSERVICE formulas fetch damage, ROI and ranking from the API. Run with `npm run examples`."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from office import Office, props  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..")
OUT = os.path.join(ROOT, "examples")

INPUT = 0xFFF2CC  # yellow: type here
OUTPUT = 0xDDEBF7  # blue: computed by the API
HELPER = 0xEEEEEE  # grey: how the API is asked


def num(ref):
    """A number as URL text with a dot decimal, whatever the spreadsheet's locale."""
    return f'SUBSTITUTE({ref};",";".")'


def fetch_number(url):
    """The API's answer as a number, or its readable error when it is not one (onError=cell)."""
    return f"IFERROR(VALUE(WEBSERVICE({url}));WEBSERVICE({url}))"


PROBLEMS = [
    ("billing-errors", 0.12, 0.5, 0.4, 0.2, 0.4, 8),
    ("late-delivery", 0.2, 0.25, 0.3, 0.4, 0.3, 5),
]
INVESTMENTS = [
    ("fix-billing", "billing-errors", 0.6, None, None, None, 250000, 50000),
    ("better-handling", "all", None, 0.7, 0.2, 0.1, 100000, 120000),
]
PROBLEM_OUTPUTS = [
    ("Customers lost", "customersLost"),
    ("Revenue at risk, direct", "directRevenueAtRisk"),
    ("Revenue at risk, word of mouth", "wordOfMouthRevenueAtRisk"),
    ("Service cost", "serviceCost"),
    ("Total annual damage", "totalAnnualDamage"),
]
INVESTMENT_OUTPUTS = [
    ("Annual benefit", "annualBenefit"),
    ("NPV", "npv"),
    ("ROI", "roi"),
    ("Payback (months)", "paybackMonths"),
    ("Cost of delay per month", "costOfDelayPerMonth"),
    ("Rank", "rank"),
]
COLUMNS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def build(sheet):
    def put(ref, value, color=None, bold=False):
        cell = sheet.getCellRangeByName(ref)
        if isinstance(value, str) and value.startswith("="):
            cell.setFormula(value)
        elif isinstance(value, str):
            cell.setString(value)
        elif value is not None:
            cell.setValue(value)
        if color is not None:
            cell.CellBackColor = color
        if bold:
            cell.CharWeight = 150

    def header(row, names):
        for i, name in enumerate(names):
            put(f"{COLUMNS[i]}{row}", name, bold=True)

    def inputs(row, values):
        for i, value in enumerate(values):
            put(f"{COLUMNS[i]}{row}", value, INPUT)

    put("A1", "Customer service business case", bold=True)
    put("A2", "Type your figures into the yellow cells. The blue cells are computed by the API (TARP/CCMC market damage model).")
    put("A4", "API address")
    put("B4", "http://localhost:8787", INPUT)
    put("A5", "Customers")
    put("B5", 100000, INPUT)
    put("A6", "Customer lifetime value")
    put("B6", 500, INPUT)

    # Problems: inputs A–G, outputs H–M, how the API is asked in P (compact form) and Q (problem-damage URL).
    heads = ["Problem id", "Prevalence", "Complaint rate", "Satisfied", "Mollified", "Dissatisfied", "Cost per complaint"]
    header(8, heads + [h for h, _ in PROBLEM_OUTPUTS] + ["Rank"])
    put("P8", "Compact form (do not edit)", bold=True)
    put("Q8", "Damage request (do not edit)", bold=True)
    for r, values in enumerate(PROBLEMS, start=9):
        inputs(r, values)
        put(
            f"P{r}",
            f'=A{r}&",prevalence:"&{num(f"B{r}")}&",complaintRate:"&{num(f"C{r}")}&",outcomes:"&{num(f"D{r}")}&"/"&{num(f"E{r}")}'
            f'&"/"&{num(f"F{r}")}&",costPerComplaint:"&{num(f"G{r}")}',
            HELPER,
        )
        put(
            f"Q{r}",
            f'=$B$4&"/v1/problem-damage?customers="&{num("$B$5")}&"&lifetimeValue="&{num("$B$6")}&"&prevalence="&{num(f"B{r}")}'
            f'&"&complaintRate="&{num(f"C{r}")}&"&satisfied="&{num(f"D{r}")}&"&mollified="&{num(f"E{r}")}'
            f'&"&dissatisfied="&{num(f"F{r}")}&"&costPerComplaint="&{num(f"G{r}")}&"&onError=cell&field="',
            HELPER,
        )
        for i, (_, field) in enumerate(PROBLEM_OUTPUTS):
            put(f"{COLUMNS[7 + i]}{r}", "=" + fetch_number(f'$Q{r}&"{field}"'), OUTPUT)
        put(f"M{r}", "=" + fetch_number(f'$B$18&"problems."&A{r}&".rank"'), OUTPUT)

    # Investments: inputs A–H, outputs I–N, compact form in P.
    heads = ["Investment id", "Problems (ids joined by /, or all)", "Prevalence reduction", "Satisfied after", "Mollified after"]
    header(12, heads + ["Dissatisfied after", "Upfront cost", "Annual cost"] + [h for h, _ in INVESTMENT_OUTPUTS])
    put("P12", "Compact form (do not edit)", bold=True)
    for r, values in enumerate(INVESTMENTS, start=13):
        inputs(r, values)
        put(
            f"P{r}",
            f'=A{r}&",problems:"&B{r}&IF(C{r}="";"";",prevalenceReduction:"&{num(f"C{r}")})'
            f'&IF(D{r}="";"";",outcomes:"&{num(f"D{r}")}&"/"&{num(f"E{r}")}&"/"&{num(f"F{r}")})'
            f'&",upfront:"&{num(f"G{r}")}&",annual:"&{num(f"H{r}")}',
            HELPER,
        )
        for i, (_, field) in enumerate(INVESTMENT_OUTPUTS):
            put(f"{COLUMNS[8 + i]}{r}", "=" + fetch_number(f'$B$18&"investments."&A{r}&".{field}"'), OUTPUT)

    put("A16", "Total annual damage")
    put("B16", "=" + fetch_number('$B$18&"totals.totalAnnualDamage"'), OUTPUT)
    put("A18", "Business case request (do not edit)")
    put(
        "B18",
        '=$B$4&"/v1/business-case?customers="&' + num("$B$5") + '&"&lifetimeValue="&' + num("$B$6")
        + '&"&problem="&P9&"&problem="&P10&"&investment="&P13&"&investment="&P14&"&onError=cell&field="',
        HELPER,
    )
    columns = sheet.getColumns()
    for i in range(17):
        columns.getByIndex(i).Width = 4200
    columns.getByIndex(0).Width = 5200


def main():
    with tempfile.TemporaryDirectory() as tmp, Office(tmp) as office:
        doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
        sheet = doc.getSheets().getByIndex(0)
        sheet.setName("Business case")
        build(sheet)
        import uno

        for name, filt in (("business-case.ods", "calc8"), ("business-case.xlsx", "Calc MS Excel 2007 XML")):
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(os.path.join(OUT, name))), props(FilterName=filt))
        doc.close(True)
    print("Wrote examples/business-case.ods and examples/business-case.xlsx")


if __name__ == "__main__":
    main()

"""Builds examples/business-case.ods and .xlsx: a workbook where a CX leader types their figures into labelled
cells and WEBSERVICE formulas fetch damage, ROI and ranking from the API, and, on a second sheet, gives estimates
as ranges and reads their spread, break-even and tornado, and, on a third, chooses the best set of investments within a
budget. Run with `npm run examples`."""
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


def writer(sheet):
    """put(ref, value, color, bold): a formula (text starting with =), a text or a number into one cell."""

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

    return put


def build(sheet):
    put = writer(sheet)

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


# The Uncertainty sheet: the docs page's ranged example (the worked example with eight estimates as ranges). Each
# range is low, likely, high and a distribution (empty: pert); the other inputs come from the Business case sheet.
MAIN = "$'Business case'."
RANGES = [
    # label, low, likely, high, distribution
    ("Customer lifetime value", 400, 500, 700, None),
    ("Loyalty of customers who met a problem and did not complain (loyalty.silent)", 0.05, 0.09, 0.15, None),
    ("People each unhappy customer tells (negativeTold)", 6, 10, 14, "triangular"),
    (f'="Prevalence of "&{MAIN}$A$9', 0.08, 0.12, 0.15, None),
    (f'="Prevalence of "&{MAIN}$A$10', 0.15, 0.2, 0.3, None),
    (f'="Prevalence reduction of "&{MAIN}$A$13', 0.3, 0.6, 0.7, None),
    (f'="Upfront cost of "&{MAIN}$A$13', 200000, 250000, 400000, None),
    (f'="Upfront cost of "&{MAIN}$A$14', 80000, 100000, 150000, None),
]
SPREAD_OUTPUTS = [
    ("At likely", "npv"),
    ("P10", "uncertainty.npv.p10"),
    ("P50", "uncertainty.npv.p50"),
    ("P90", "uncertainty.npv.p90"),
    ("Chance NPV > 0", "uncertainty.probabilityPositiveNpv"),
    ("IRR", "irr"),
]
DAMAGE_OUTPUTS = ["totalAnnualDamage"] + [f"uncertainty.totalAnnualDamage.{p}" for p in ("p10", "p50", "p90")]
TORNADO = [("Input", "field"), ("Low", "low"), ("High", "high"), ("NPV at low", "figureAtLow"), ("NPV at high", "figureAtHigh")]
TORNADO += [("Swing", "swing")]
TORNADO_ROWS = 5


def build_uncertainty(sheet):
    put = writer(sheet)

    put("A1", "Uncertainty: ranges, their spread and the tornado", bold=True)
    put(
        "A2",
        "Give an estimate as low, likely and high. The API address and every other input come from the Business case"
        " sheet; where the likely values are its values, the figures at likely are its figures.",
    )
    put(
        "A3",
        "Each range is drawn on its own: estimates that move together in reality (every problem more frequent in a bad"
        " quarter) make a wider spread than the one shown.",
    )

    # Ranges: label A, low/likely/high B–D, distribution E, the range as the API reads it in F.
    for i, name in enumerate(["Estimate", "Low", "Likely", "High", "Distribution (empty: pert; or triangular, uniform)"]):
        put(f"{COLUMNS[i]}4", name, bold=True)
    put("F4", "As sent (do not edit)", bold=True)
    for r, (label, low, likely, high, distribution) in enumerate(RANGES, start=5):
        put(f"A{r}", label)
        for col, value in zip("BCD", (low, likely, high)):
            put(f"{col}{r}", value, INPUT)
        put(f"E{r}", distribution or "", INPUT)
        put(f"F{r}", f'={num(f"B{r}")}&"/"&{num(f"C{r}")}&"/"&{num(f"D{r}")}&IF(E{r}="";"";"/"&E{r})', HELPER)
    put("A14", "Samples (100 to 100000)")
    put("B14", 10000, INPUT)
    put("A15", "Seed (the same seed gives the same figures)")
    put("B15", 1, INPUT)
    put("A16", "Swing for the tornado (optional, e.g. 0.2: every other input ±20%)")
    put("B16", "", INPUT)

    # The problems and investments of the Business case sheet with the ranges above in place of their numbers.
    put("A19", "Compact forms (do not edit)", bold=True)
    for r, (row, prevalence) in enumerate(((9, "F8"), (10, "F9")), start=20):
        put(
            f"B{r}",
            f'={MAIN}$A${row}&",prevalence:"&{prevalence}&",complaintRate:"&{num(f"{MAIN}$C${row}")}'
            f'&",outcomes:"&{num(f"{MAIN}$D${row}")}&"/"&{num(f"{MAIN}$E${row}")}&"/"&{num(f"{MAIN}$F${row}")}'
            f'&",costPerComplaint:"&{num(f"{MAIN}$G${row}")}',
            HELPER,
        )
    for r, (row, reduction, upfront) in enumerate(((13, "F10", "F11"), (14, None, "F12")), start=22):
        given = f'IF({MAIN}$C${row}="";"";",prevalenceReduction:"&{num(f"{MAIN}$C${row}")})'
        put(
            f"B{r}",
            f'={MAIN}$A${row}&",problems:"&{MAIN}$B${row}'
            + (f'&",prevalenceReduction:"&{reduction}' if reduction else f"&{given}")
            + f'&IF({MAIN}$D${row}="";"";",outcomes:"&{num(f"{MAIN}$D${row}")}&"/"&{num(f"{MAIN}$E${row}")}'
            f'&"/"&{num(f"{MAIN}$F${row}")})&",upfront:"&{upfront}&",annual:"&{num(f"{MAIN}$H${row}")}',
            HELPER,
        )
    put("A18", "Business case request (do not edit)")
    put(
        "B18",
        f'={MAIN}$B$4&"/v1/business-case?customers="&{num(f"{MAIN}$B$5")}&"&lifetimeValue="&F5&"&loyalty.silent="&F6'
        '&"&negativeTold="&F7&"&problem="&B20&"&problem="&B21&"&investment="&B22&"&investment="&B23'
        f'&"&samples="&{num("B14")}&"&seed="&{num("B15")}&IF(B16="";"";"&swing="&{num("B16")})&"&onError=cell&field="',
        HELPER,
    )

    # Each investment's npv at likely, its spread, its chance of paying, its IRR and its break-even upfront cost.
    put("A26", "NPV of the investment", bold=True)
    for i, (name, _) in enumerate(SPREAD_OUTPUTS):
        put(f"{COLUMNS[1 + i]}26", name, bold=True)
    put("H26", "Break-even upfront cost", bold=True)
    for k, r in enumerate((27, 28)):
        put(f"A{r}", f"={MAIN}$A${13 + k}")
        for i, (_, field) in enumerate(SPREAD_OUTPUTS):
            put(f"{COLUMNS[1 + i]}{r}", "=" + fetch_number(f'$B$18&"investments."&$A{r}&".{field}"'), OUTPUT)
        # A break-even is named by its input's path: the k-th investment of the request's upfront cost.
        path = f"breakEven.investments[{k}].cost.upfront.breakEven"
        put(f"H{r}", "=" + fetch_number(f'$B$18&"investments."&$A{r}&".{path}"'), OUTPUT)
    put("A29", "Total annual damage")
    for i, field in enumerate(DAMAGE_OUTPUTS):
        put(f"{COLUMNS[1 + i]}29", "=" + fetch_number(f'$B$18&"totals.{field}"'), OUTPUT)

    # The tornado of the first investment's npv: its entries by position, largest swing first.
    put("A31", '="Tornado: what moves the NPV of "&$A$27&" most"', bold=True)
    put("A32", "Rank", bold=True)
    for i, (name, _) in enumerate(TORNADO):
        put(f"{COLUMNS[1 + i]}32", name, bold=True)
    for n in range(TORNADO_ROWS):
        r = 33 + n
        put(f"A{r}", n + 1)
        for i, (_, field) in enumerate(TORNADO):
            url = f'$B$18&"investments."&$A$27&".sensitivity."&($A{r}-1)&".{field}"'
            put(f"{COLUMNS[1 + i]}{r}", f"=WEBSERVICE({url})" if field == "field" else "=" + fetch_number(url), OUTPUT)

    columns = sheet.getColumns()
    columns.getByIndex(0).Width = 9000
    for i in range(1, 8):
        columns.getByIndex(i).Width = 4200


# The Portfolio sheet: the investments of the Business case sheet as a set, chosen within a budget typed here.
PORTFOLIO_OUTPUTS = [
    ("NPV of the set", "npv"),
    ("ROI", "roi"),
    ("Payback (months)", "paybackMonths"),
    ("IRR", "irr"),
    ("Upfront cost", "upfront"),
    ("Annual cost", "annual"),
    ("Combined annual benefit", "annualBenefit"),
    ("Sum of the stand-alone annual benefits", "standaloneBenefitSum"),
    ("Overlap (claimed twice when judged one by one)", "overlap"),
]
LADDER = [("Investment", "id"), ("Marginal NPV", "marginalNpv"), ("NPV so far", "npv"), ("Upfront so far", "upfront")]
LADDER += [("Annual so far", "annual")]


def fetch_or_blank(url, number=True):
    """The API's answer, or an empty cell when the field names nothing (not chosen, no such step)."""
    value = f"VALUE(WEBSERVICE({url}))" if number else f"WEBSERVICE({url})"
    return f'IF(LEFT(WEBSERVICE({url});6)="#ERROR";"";{value})'


def build_portfolio(sheet):
    put = writer(sheet)

    put("A1", "Portfolio: the best set of investments within a budget", bold=True)
    put(
        "A2",
        "Type a budget (empty: no limit). The API chooses the set of the Business case sheet's investments with the"
        " highest NPV whose costs fit, counting each problem's damage once.",
    )
    put(
        "A3",
        "Overlap is what judging the investments one by one would count twice (positive: they claim the same damage;"
        " negative: they reinforce each other).",
    )
    for r, (label, value) in enumerate(
        (
            ("Annual budget (sum of annual costs; empty: no limit)", 100000),
            ("Upfront budget (sum of upfront costs; empty: no limit)", ""),
            ("Must include (ids joined by /)", ""),
            ("Leave out (ids joined by /)", ""),
        ),
        start=4,
    ):
        put(f"A{r}", label)
        put(f"B{r}", value, INPUT)
    put("A9", "Portfolio parameter (do not edit)")
    put(
        "B9",
        f'="portfolio="&MID(IF(B4="";"";",budgetAnnual:"&{num("B4")})&IF(B5="";"";",budgetUpfront:"&{num("B5")})'
        '&IF(B6="";"";",include:"&B6)&IF(B7="";"";",exclude:"&B7);2;1000)',
        HELPER,
    )
    put("A10", "Business case request (do not edit)")
    put("B10", f'=SUBSTITUTE({MAIN}$B$18;"&onError=cell&field=";"&"&B9&"&onError=cell&field=")', HELPER)

    put("A12", "The chosen portfolio", bold=True)
    put("A13", "Chosen investments")
    put("B13", '=MID(IF(B26="yes";", "&A26;"")&IF(B27="yes";", "&A27;"");3;1000)', OUTPUT)
    for r, (label, field) in enumerate(PORTFOLIO_OUTPUTS, start=14):
        put(f"A{r}", label)
        put(f"B{r}", "=" + fetch_number(f'$B$10&"portfolio.{field}"'), OUTPUT)
    put("A23", "Method (exact: provably the best set)")
    put("B23", '=WEBSERVICE($B$10&"portfolio.method")', OUTPUT)

    # Each investment: chosen or not, and what the set would lose without it.
    for i, name in enumerate(["Investment", "Chosen", "What the set loses without it"]):
        put(f"{COLUMNS[i]}25", name, bold=True)
    for k, r in enumerate((26, 27)):
        put(f"A{r}", f"={MAIN}$A${13 + k}")
        put(f"C{r}", "=" + fetch_or_blank(f'$B$10&"portfolio.members."&$A{r}&".marginalNpv"'), OUTPUT)
        put(f"B{r}", f'=IF(ISNUMBER(C{r});"yes";"no")', OUTPUT)

    # The funding ladder: which investment to fund next, step by step, while one still adds npv.
    put("A29", "Funding ladder: if we can fund one more, which?", bold=True)
    put("A30", "Step", bold=True)
    for i, (name, _) in enumerate(LADDER):
        put(f"{COLUMNS[1 + i]}30", name, bold=True)
    for n in range(len(INVESTMENTS)):
        r = 31 + n
        put(f"A{r}", n + 1)
        for i, (_, field) in enumerate(LADDER):
            url = f'$B$10&"portfolio.ladder."&($A{r}-1)&".{field}"'
            put(f"{COLUMNS[1 + i]}{r}", "=" + fetch_or_blank(url, number=field != "id"), OUTPUT)

    columns = sheet.getColumns()
    columns.getByIndex(0).Width = 9000
    for i in range(1, 6):
        columns.getByIndex(i).Width = 4200


def main():
    with tempfile.TemporaryDirectory() as tmp, Office(tmp) as office:
        doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
        sheet = doc.getSheets().getByIndex(0)
        sheet.setName("Business case")
        build(sheet)
        doc.getSheets().insertNewByName("Uncertainty", 1)
        build_uncertainty(doc.getSheets().getByName("Uncertainty"))
        doc.getSheets().insertNewByName("Portfolio", 2)
        build_portfolio(doc.getSheets().getByName("Portfolio"))
        import uno

        for name, filt in (("business-case.ods", "calc8"), ("business-case.xlsx", "Calc MS Excel 2007 XML")):
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(os.path.join(OUT, name))), props(FilterName=filt))
        doc.close(True)
    print("Wrote examples/business-case.ods and examples/business-case.xlsx")


if __name__ == "__main__":
    main()

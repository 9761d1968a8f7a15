#!/usr/bin/env python3
"""Writes the producer fixtures of the XLSX agreement tests (shared/src/read/workbook/stream).

Run once, commit the small .xlsx files it writes next to itself; CI never needs Python:

    apt-get install -y python3-openpyxl python3-xlsxwriter
    apt-get install -y --no-install-recommends libreoffice-calc-nogui   # optional
    /usr/bin/python3 shared/test-fixtures/xlsx/make-fixtures.py

Each producer writes the same kinds of lead sheets: title rows above the header, a merged
header, text and numeric phones (12 digits, above 2^31), dates and times, booleans, floats,
formulas, XML-special and non-ASCII text (Turkish, an emoji), a hidden row, a hidden sheet
first, and 600 rows so a sheet spans several inflate chunks; a last sheet, "Formats", holds
number cells under number formats (percent, currency, thousands, zero-padded zips, fixed
decimals, phones formatted as `0##########` or `(###) ###-####`). LibreOffice re-saves the
openpyxl file (its own XML style: row spans, empty trailing rows).
"""

import datetime
import os
import random
import shutil
import subprocess
import tempfile

import openpyxl
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST = ["Ali", "Ayşe", "Şükrü", "Çağla", "Öykü", "John", "Émilie", "Zoë"]
LAST = ["Yılmaz", "Kaya", "Çelik", "Doğan", "O'Brien", "Smith & Sons", "<Unknown>"]


def lead_rows(n, seed):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        phone = "+90 5%02d %03d %02d %02d" % (
            rng.randint(0, 59), rng.randint(0, 999), rng.randint(0, 99), rng.randint(0, 99))
        numeric = 905000000000 + rng.randint(0, 999999999)
        name = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
        when = datetime.datetime(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 400))
        rows.append([name, phone if i % 3 else numeric, when, rng.random() < 0.5,
                     round(rng.random() * 1000, 2), "note %d 😀 \"quoted\" & more" % i])
    return rows


HEADER = ["Name", "Phone", "Last contacted", "Opted in", "Score", "Notes"]

# The "Formats" sheet: number cells shown through number formats. Phone columns must import the
# exact value; every other column the text Excel shows (checked in formatted-numbers.test.ts).
FORMAT_HEADER = ["phone_number", "Work Phone", "Discount", "Price", "Population", "Zip", "Rating",
                 "Balance", "Plain"]
PHONE_SPECIAL = "[<=9999999]###-####;(###) ###-####"  # Excel's Special > Phone Number
FORMAT_ROWS = [
    [(5321234567, "0##########"), (5551234567, "(###) ###-####"), (0.15, "0%"),
     (1234.5, '"$"#,##0.00'), (1234567, "#,##0"), (2134, "00000"), (3.14159, "0.00"),
     (-1234.5, "#,##0.00;(#,##0.00)"), (42, None)],
    [(905321234568, PHONE_SPECIAL), (5551234568, "0"), (0.125, "0.00%"), (99, '#,##0.00 "TL"'),
     (0, "#,##0"), (501, "00000"), (2, "0.00"), (1234.5, "#,##0.00;(#,##0.00)"), (3.5, None)],
    [(5321234569, "0"), (5551234569, None), (1, "0%"), (1234.5, "#,##0.00\\ [$₺-41F]"),
     (1000000, "#,##0"), (90210, "00000"), (10, "0.00"), (0, "#,##0.00;(#,##0.00)"), (7, None)],
]


def with_openpyxl(path):
    wb = openpyxl.Workbook()
    secret = wb.active
    secret.title = "Secret"
    secret.append(["phone"])
    secret.append(["+15550000000"])
    secret.sheet_state = "hidden"
    ws = wb.create_sheet("Leads")
    ws.append(["Leads export – March 2024"])
    ws.append([])
    ws.append(["Contact", None, "Phones", None, None, None])
    ws.merge_cells("A3:B3")
    ws.append(HEADER)
    for row in lead_rows(600, 1):
        ws.append(row)
    ws.cell(row=10, column=7, value="=E10*2")  # a formula: openpyxl saves no cached value
    ws.cell(row=11, column=3, value=datetime.time(9, 15))
    ws.cell(row=12, column=3, value=datetime.date(1900, 1, 15))
    ws.cell(row=12, column=5, value=905417123456)
    ws.cell(row=12, column=5).number_format = "0"
    ws.cell(row=13, column=5, value=0.1)
    ws.cell(row=13, column=5).number_format = "0.00%"
    ws.row_dimensions[6].hidden = True
    wb.create_sheet("Empty")
    formats = wb.create_sheet("Formats")
    formats.append(FORMAT_HEADER)
    for r, row in enumerate(FORMAT_ROWS, start=2):
        for c, (value, fmt) in enumerate(row, start=1):
            cell = formats.cell(row=r, column=c, value=value)
            if fmt:
                cell.number_format = fmt
    wb.save(path)


def with_xlsxwriter(path, constant_memory=False):
    wb = xlsxwriter.Workbook(path, {"constant_memory": constant_memory})
    secret = wb.add_worksheet("Secret")
    secret.write_row(0, 0, ["phone"])
    secret.write_row(1, 0, ["+15550000000"])
    secret.hide()
    ws = wb.add_worksheet("Leads")
    ws.activate()
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    time_fmt = wb.add_format({"num_format": "hh:mm"})
    bold = wb.add_format({"bold": True})
    ws.write(0, 0, "Leads export – March 2024")
    if not constant_memory:
        ws.merge_range("A3:B3", "Contact")
        ws.write_rich_string(3, 0, bold, "Na", "me")  # a rich-text header cell
    else:
        ws.write(2, 0, "Contact")
        ws.write(3, 0, "Name")
    ws.write_row(3, 1, HEADER[1:])
    for r, row in enumerate(lead_rows(600, 2), start=4):
        ws.write(r, 0, row[0])
        ws.write(r, 1, row[1])
        ws.write_datetime(r, 2, row[2], date_fmt)
        ws.write_boolean(r, 3, row[3])
        ws.write_number(r, 4, row[4])
        ws.write_string(r, 5, row[5])
    ws.write_formula(9, 6, "=E10*2", None, 42)
    ws.write_formula(10, 6, "=NA()", None, "#N/A")
    ws.write_datetime(11, 2, datetime.datetime(1899, 12, 31, 9, 15), time_fmt)
    ws.write_string(12, 5, "line one\r\nline two\ttab _x0041_ literal")
    ws.write_number(13, 1, 905417123456)
    ws.set_row(5, None, None, {"hidden": True})
    wb.add_worksheet("Empty")
    formats = wb.add_worksheet("Formats")
    formats.write_row(0, 0, FORMAT_HEADER)
    cache = {}
    for r, row in enumerate(FORMAT_ROWS, start=1):
        for c, (value, fmt) in enumerate(row):
            if fmt and fmt not in cache:
                cache[fmt] = wb.add_format({"num_format": fmt})
            formats.write_number(r, c, value, cache.get(fmt))
    wb.close()


def with_libreoffice(source, path):
    soffice = shutil.which("soffice")
    if not soffice:
        print("LibreOffice not installed: skipping", path)
        return
    with tempfile.TemporaryDirectory() as out:
        profile = "-env:UserInstallation=file://%s/profile" % out
        subprocess.run([soffice, profile, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                        "--outdir", out, source], check=True, stdout=subprocess.DEVNULL)
        shutil.move(os.path.join(out, os.path.basename(source)), path)


def main():
    with_openpyxl(os.path.join(HERE, "openpyxl-leads.xlsx"))
    with_xlsxwriter(os.path.join(HERE, "xlsxwriter-leads.xlsx"))
    with_xlsxwriter(os.path.join(HERE, "xlsxwriter-constant-memory.xlsx"), constant_memory=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "libreoffice-leads.xlsx")
        shutil.copy(os.path.join(HERE, "openpyxl-leads.xlsx"), source)
        with_libreoffice(source, os.path.join(HERE, "libreoffice-leads.xlsx"))
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".xlsx"):
            print(name, os.path.getsize(os.path.join(HERE, name)), "bytes")


if __name__ == "__main__":
    main()

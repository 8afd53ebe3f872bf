#!/usr/bin/env python3
"""Writes .xlsx files for the import tests with openpyxl, a writer other than ours.

  make_workbook.py fill TEMPLATE OUT SHEET=CSV [SHEET=CSV ...]
      Fills the named sheets of a collection template from CSV files (contract columns in
      contract order, as the template has them): dates become real date cells, numbers numbers.
  make_workbook.py sheet OUT SPEC.json
      Writes one sheet from {"epoch1904": bool, "rows": [[cell, ...], ...], "merge": ["A1:D1"]};
      a cell that is {"date": "2021-07-03"} becomes a date cell.
  make_workbook.py rows OUT N
      Writes N activity rows of the tiny institution with openpyxl's streaming writer.
  make_workbook.py bomb OUT MEGABYTES
      Writes a workbook whose one sheet unpacks to MEGABYTES of white space inside its XML (a
      zip bomb: it packs about a thousand times).
  make_workbook.py raw OUT SHEET_XML
      Writes a workbook whose sheet part is the given XML text as it is (for values no writer
      would store, such as <v>0x10</v>).
"""
import csv
import datetime
import json
import sys
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

DATE_COLUMNS = {"date", "raised", "claimed", "due", "resolved"}
NUMBER_COLUMNS = {"hours", "participants", "count"}


def cell_value(column, text):
    if text == "":
        return None
    if column in DATE_COLUMNS:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return text  # other spellings stay text, as a clerk would type them
    if column in NUMBER_COLUMNS:
        number = float(text)
        return int(number) if number.is_integer() else number
    return text


def fill(template, out, pairs):
    wb = openpyxl.load_workbook(template)
    for pair in pairs:
        sheet, path = pair.split("=", 1)
        ws = wb[sheet]
        with open(path, encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        for r, row in enumerate(rows[1:], start=2):
            for c, text in enumerate(row, start=1):
                value = cell_value(header[c - 1], text)
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
                    if isinstance(value, datetime.date):
                        ws.cell(row=r, column=c).number_format = "yyyy-mm-dd"
    wb.save(out)


def sheet(out, spec_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    wb = openpyxl.Workbook()
    if spec.get("epoch1904"):
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = spec.get("title", "Sheet1")
    for r, row in enumerate(spec["rows"], start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, dict) and "date" in value:
                ws.cell(row=r, column=c, value=datetime.date.fromisoformat(value["date"])).number_format = "yyyy-mm-dd"
            elif value is not None:
                ws.cell(row=r, column=c, value=value)
    for merged in spec.get("merge", []):
        ws.merge_cells(merged)
    wb.save(out)


def rows(out, n):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("活动记录")
    ws.append(["编号", "日期", "单位", "类型", "主题", "学时", "参加人数"])
    units = ["G1a", "G1b", "D1", "D2", "R"]
    first = datetime.date(2021, 1, 1)
    for i in range(n):
        ws.append([f"X{i}", first + datetime.timedelta(days=i % 365), units[i % 5], "branch_study", f"学习第{i}次", 1.5, 10 + i % 7])
    wb.save(out)


PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="活动记录" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = '</sheetData></worksheet>'


def raw(out, sheet_xml):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in PARTS.items():
            z.writestr(name, text)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)


def bomb(out, megabytes):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, text in PARTS.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=False) as f:
            f.write(SHEET_HEAD.encode())
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                f.write(block)
            f.write(SHEET_TAIL.encode())


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif sys.argv[1] == "sheet":
        sheet(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "rows":
        rows(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "bomb":
        bomb(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "raw":
        raw(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: make_workbook.py fill|sheet|rows|bomb|raw ...")

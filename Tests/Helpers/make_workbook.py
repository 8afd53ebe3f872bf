#!/usr/bin/env python3
"""Writes .xlsx files for the import tests with openpyxl, a writer other than ours.

  make_workbook.py fill TEMPLATE OUT SHEET=CSV [SHEET=CSV ...]
      Fills the named sheets of a collection template from CSV files (contract columns in
      contract order, as the template has them): dates become real date cells, numbers numbers.
  make_workbook.py sheet OUT SPEC.json
      Writes one sheet from {"epoch1904": bool, "rows": [[cell, ...], ...]}; a cell that is
      {"date": "2021-07-03"} becomes a date cell.
"""
import csv
import datetime
import json
import sys

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
    wb.save(out)


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif sys.argv[1] == "sheet":
        sheet(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: make_workbook.py fill|sheet ...")

#!/usr/bin/env python3
"""Turns a libFuzzer finding of Fuzz/FuzzXlsx.swift or Fuzz/FuzzCSV.swift into the file a user
would import, for Tests/Fixtures/fuzz/ (the regression tests import every file there).

    Fuzz/finding-to-file.py xlsx Fuzz/findings/xlsx-crash-… Tests/Fixtures/fuzz/NAME.xlsx
    Fuzz/finding-to-file.py csv  Fuzz/findings/csv-crash-…  Tests/Fixtures/fuzz/NAME.csv
"""
import re
import sys
import zipfile

ORDER = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"]


def fixed_parts():
    """The harness's fixed workbook parts, read from its source so the two cannot drift."""
    src = open("Fuzz/FuzzXlsx.swift", encoding="utf-8").read()
    return {name: text.encode() for name, text in re.findall(r'"(xl/[^"]+)": #"(.*?)"#', src)}


def main():
    kind, finding, out = sys.argv[1:4]
    data = open(finding, "rb").read()
    if kind == "csv":
        open(out, "wb").write(data)
        return
    mode, body = data[0] % 3, data[1:]
    if mode == 0:
        open(out, "wb").write(body)
        return
    parts = fixed_parts()
    if mode == 1:
        parts["xl/worksheets/sheet1.xml"] = body
    else:
        parts = dict(zip(ORDER, body.split(b"\0", len(ORDER) - 1)))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name in ORDER:
            if name in parts:
                z.writestr(name, parts[name])


main()

#!/usr/bin/env python3
"""Reads an .xlsx with openpyxl (an independent reader, not our writer) and prints JSON:
sheet names, print and view settings, and every cell's cached value, type and number format.

Usage: read_workbook.py FILE
"""
import datetime
import json
import sys

import openpyxl


def cell_json(cell, cached):
    value = cached.value
    if isinstance(value, datetime.datetime):
        value = value.date().isoformat()
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    return {
        "value": value,
        "formula": cell.value if cell.data_type == "f" else None,
        "type": cell.data_type,
        "format": cell.number_format,
        "bold": bool(cell.font and cell.font.b),
        "font": cell.font.name if cell.font else None,
    }


def main(path):
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    out = {"sheets": formulas.sheetnames, "properties": {
        "title": formulas.properties.title,
        "creator": formulas.properties.creator,
        "created": formulas.properties.created.isoformat() if formulas.properties.created else None,
    }}
    for ws in formulas.worksheets:
        wv = values[ws.title]
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                cells[cell.coordinate] = cell_json(cell, wv[cell.coordinate])
        ps = ws.page_setup
        out[ws.title] = {
            "freeze": ws.freeze_panes,
            "print_titles": ws.print_title_rows,
            "orientation": ps.orientation,
            "paper": ps.paperSize,
            "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "fit_width": ps.fitToWidth,
            "fit_height": ps.fitToHeight,
            "footer": ws.oddFooter.center.text if ws.oddFooter and ws.oddFooter.center else None,
            "autofilter": ws.auto_filter.ref,
            "merged": [str(r) for r in ws.merged_cells.ranges],
            "conditional": [str(r.sqref) for r in ws.conditional_formatting],
            "charts": len(ws._charts),
            "state": ws.sheet_state,
            "protected": bool(ws.protection.sheet),
            "validations": [
                {"type": dv.type, "operator": dv.operator, "formula1": dv.formula1, "formula2": dv.formula2,
                 "sqref": str(dv.sqref), "prompt_title": dv.promptTitle, "prompt": dv.prompt,
                 "error_title": dv.errorTitle, "error": dv.error}
                for dv in ws.data_validations.dataValidation
            ],
            "cells": cells,
            "row_heights": {str(r): d.height for r, d in ws.row_dimensions.items() if d.height is not None},
        }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])

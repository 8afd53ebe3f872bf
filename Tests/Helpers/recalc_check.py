#!/usr/bin/env python3
"""Recalculates every formula of workbooks with LibreOffice headless and compares each result
with the value cached in the file.

    recalc_check.py [--tamper] OUTDIR FILE.xlsx...

LibreOffice runs with a throwaway profile that recalculates every formula on load (the setting
OOXMLRecalcMode = always), saves each workbook again as .xlsx into OUTDIR, and the two files
are read with openpyxl. Prints one JSON object: {"files": {path: {"formulas": N,
"differences": [{"sheet", "cell", "formula", "cached", "recalculated"}]}}}. Exits 3 when
soffice is missing.

With --tamper, a copy of the first file whose first numeric formula's cached value is raised by
one is checked too (as OUTDIR/tampered.xlsx): the check must find exactly that difference, which
shows that LibreOffice really recalculated.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def same(cached, recalculated):
    """Equal as a reader sees them: text exactly; numbers to 1e-12 relative (the files store
    numbers in decimal, which may differ in the last binary digit)."""
    if isinstance(cached, bool) or isinstance(recalculated, bool):
        return cached == recalculated
    if isinstance(cached, (int, float)) and isinstance(recalculated, (int, float)):
        return abs(cached - recalculated) <= 1e-12 * max(1.0, abs(cached))
    return cached == recalculated


def tamper(src, dst):
    """Copies the workbook, raising the cached value of the first numeric formula by one."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        done = False
        for item in zin.infolist():
            data = zin.read(item.filename)
            if not done and item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                m = re.search(r"(<f>[^<]*</f><v>)(-?[0-9.Ee+-]+)(</v>)", text)
                if m:
                    text = text[:m.start(2)] + repr(float(m.group(2)) + 1) + text[m.end(2):]
                    data, done = text.encode("utf-8"), True
            zout.writestr(item, data)


def main():
    args = sys.argv[1:]
    tampered = args and args[0] == "--tamper"
    if tampered:
        args = args[1:]
    outdir, files = args[0], args[1:]
    if tampered:
        os.makedirs(outdir, exist_ok=True)
        tamper(files[0], os.path.join(outdir, "tampered.xlsx"))
        files = files + [os.path.join(outdir, "tampered.xlsx")]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found", file=sys.stderr)
        sys.exit(3)
    os.makedirs(outdir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="recalc-profile-")
    try:
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write(PROFILE)
        # A copy under another name: LibreOffice would refuse to write over its input.
        inputs = []
        for i, path in enumerate(files):
            src = os.path.join(profile, "in%d-%s" % (i, os.path.basename(path)))
            shutil.copyfile(path, src)
            inputs.append(src)
        subprocess.run(
            [soffice, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outdir] + inputs,
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    result = {}
    for i, path in enumerate(files):
        recalculated = openpyxl.load_workbook(os.path.join(outdir, "in%d-%s" % (i, os.path.basename(path))), data_only=True)
        formulas = openpyxl.load_workbook(path, data_only=False)
        cached = openpyxl.load_workbook(path, data_only=True)
        count, differences = 0, []
        for ws in formulas.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if not (isinstance(c.value, str) and c.value.startswith("=")):
                        continue
                    count += 1
                    mine = cached[ws.title][c.coordinate].value
                    theirs = recalculated[ws.title][c.coordinate].value
                    if not same(mine, theirs):
                        differences.append({"sheet": ws.title, "cell": c.coordinate, "formula": c.value,
                                            "cached": mine, "recalculated": theirs})
        result[path] = {"formulas": count, "differences": differences}
    print(json.dumps({"files": result}, ensure_ascii=False))


if __name__ == "__main__":
    main()

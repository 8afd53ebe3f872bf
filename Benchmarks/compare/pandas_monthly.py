#!/usr/bin/env python3
"""The usual alternative: a pandas script computing the month's figures from the CSV files
(overview per kind, per-unit table with roll-up, branch average, matters funnel), and with
--workbook writing a workbook with XlsxWriter holding the same sheets and row counts as
`report monthly`.

Usage: pandas_monthly.py DIR YYYY-MM [--workbook OUT.xlsx]
"""
import sys

import pandas as pd


def main(directory, month, workbook=None):
    start = pd.Timestamp(month + "-01")
    end = start + pd.offsets.MonthEnd(0)
    cum_start = pd.Timestamp(f"{start.year}-01-01")

    orgs = pd.read_csv(f"{directory}/organizations.csv", dtype=str, keep_default_na=False)
    acts = pd.read_csv(f"{directory}/activities.csv", dtype={"id": str, "unit": str, "kind": str, "title": str, "level": str, "lead": str},
                       keep_default_na=False, na_values={"hours": [""], "participants": [""], "count": [""]})
    matters = pd.read_csv(f"{directory}/matters.csv", dtype=str, keep_default_na=False)
    feedback = pd.read_csv(f"{directory}/feedback.csv", dtype=str, keep_default_na=False)

    acts["date"] = pd.to_datetime(acts["date"])
    acts["count"] = acts["count"].fillna(1).astype(int)
    acts["hours"] = acts["hours"].fillna(0.0)
    acts["participants"] = acts["participants"].fillna(0).astype(int)

    # Roll every organization up to its unit (the direct child of the root).
    parent = dict(zip(orgs["id"], orgs["parent"]))
    root = orgs.loc[orgs["parent"] == "", "id"].iloc[0]
    unit_of = {}
    for oid in orgs["id"]:
        chain, cur = [], oid
        while parent.get(cur, "") not in ("", root):
            chain.append(cur)
            cur = parent[cur]
        unit_of[oid] = None if oid == root else cur
    acts["unit_id"] = acts["unit"].map(unit_of)

    period = acts[(acts["date"] >= start) & (acts["date"] <= end)]
    cumulative = acts[(acts["date"] >= cum_start) & (acts["date"] <= end)]
    overview = pd.concat({
        "period": period.groupby("kind")[["count", "hours", "participants"]].sum(),
        "cumulative": cumulative.groupby("kind")[["count", "hours", "participants"]].sum(),
    }, axis=1).fillna(0)

    units = orgs[orgs["parent"] == root].copy()
    branch_p = period[period["kind"] == "branch_study"].groupby("unit_id")["count"].sum()
    branch_c = cumulative[cumulative["kind"] == "branch_study"].groupby("unit_id")["count"].sum()
    units["branch_period"] = units["id"].map(branch_p).fillna(0).astype(int)
    units["branch_cumulative"] = units["id"].map(branch_c).fillna(0).astype(int)
    counted = units[units["counted"] != "no"]
    average = (counted["branch_period"].mean(), counted["branch_cumulative"].mean())

    e = end.strftime("%Y-%m-%d")
    s = start.strftime("%Y-%m-%d")
    funnel = {
        "collected": int((feedback["date"] <= e).sum()),
        "consolidated": int((matters["raised"] <= e).sum()),
        "claimed": int(((matters["claimed"] != "") & (matters["claimed"] <= e)).sum()),
        "resolved": int(((matters["resolved"] != "") & (matters["resolved"] <= e)).sum()),
        "overdue": int(((matters["raised"] <= e) & (matters["due"] != "") & (matters["due"] < e)
                        & ((matters["resolved"] == "") | (matters["resolved"] > e))).sum()),
        "collected_period": int(((feedback["date"] >= s) & (feedback["date"] <= e)).sum()),
    }

    if workbook:
        with pd.ExcelWriter(workbook, engine="xlsxwriter") as writer:
            overview.to_excel(writer, sheet_name="总览")
            units.to_excel(writer, sheet_name="支部统计", index=False)
            detail = period[period["kind"] != "supervision"].sort_values("date")
            detail[["date", "unit_id", "unit", "kind", "title", "hours", "participants", "count", "lead", "note"]].to_excel(
                writer, sheet_name="学习活动明细", index=False)
            period[period["kind"] == "supervision"].to_excel(writer, sheet_name="督查督导", index=False)
            matters[matters["raised"] <= e].to_excel(writer, sheet_name="办实事台账", index=False)
            pd.DataFrame([funnel]).to_excel(writer, sheet_name="宣传报道", index=False)
    print(f"kinds {len(overview)} units {len(units)} average {average[1]:.1f} funnel {funnel}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--workbook" else None)

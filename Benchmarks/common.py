"""What the benchmark scripts share: the release binary, GNU time, and the generated data."""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def report_binary():
    """The release build of report; exits with what to do when it is missing."""
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True).stdout.strip() + "/report"
    if not os.path.exists(path):
        sys.exit("build first: swift build -c release --product report")
    return path


def timed(cmd, env=None):
    """Runs cmd under GNU time; returns (seconds, peak RSS in MB). Exits on a failure."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name] + cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{result.stderr}")
        seconds, kb = t.read().split()[-2:]
        return float(seconds), int(kb) / 1024


def generate(report, rows, out):
    """An institution with `rows` activity rows: one unit per 1,600 of them, one matter per 1,000."""
    subprocess.run([report, "generate", "--units", str(max(10, rows // 1600)), "--activities", str(rows),
                    "--matters", str(max(50, rows // 1000)), "--out", out], check=True, stdout=subprocess.DEVNULL)

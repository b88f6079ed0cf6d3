"""`make bench`: run every benchmark in turn and print its figures."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    "bench_screening.py",
    "bench_analysis.py",
    "bench_packs.py",
    "bench_form.py",
    "bench_slack_ack.py",
    "bench_dashboard.py",
    "bench_report.py",
]


def machine() -> str:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor() or "unknown CPU",
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    import os

    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    print(f"machine: {machine()}\n")
    failed = 0
    for name in BENCHES:
        if not (HERE / name).exists():
            continue
        print(f"== {name}", flush=True)
        failed += subprocess.call([sys.executable, str(HERE / name)]) != 0
        print(flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

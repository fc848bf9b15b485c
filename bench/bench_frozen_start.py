"""Start time of the frozen program against the same program run from source, in one run.

    python bench/bench_frozen_start.py [--frozen packaging/dist/smallbiz-codes] [--runs 5]

Times ``--version`` (start-up alone) and ``--self-test`` (start-up, Qt offscreen
with the bundled font, a workbook, every document) for both, and prints the
median of each and the ratio frozen / source. Build the frozen program first
(python packaging/build_frozen.py). The source run uses this Python.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time(cmd: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", type=Path,
                        default=ROOT / "packaging" / "dist" / "smallbiz-codes")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    exe = args.frozen / "smallbiz-codes"
    if not exe.exists():
        exe = args.frozen / "smallbiz-codes.exe"
    if not exe.exists():
        print(f"no frozen program in {args.frozen}: run python packaging/build_frozen.py first")
        return 2
    with tempfile.TemporaryDirectory() as home:
        base = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
                "SMALLBIZ_CODES_DATA_DIR": home, "QT_QPA_PLATFORM": "offscreen",
                "QT_QPA_FONTDIR": str(ROOT / "tests" / "no_fonts")}
        source_env = dict(base, PYTHONPATH=str(ROOT))
        source = [sys.executable, "-m", "smallbiz_codes"]
        # one untimed run each, so both read their files from the page cache
        for cmd, env in ((source, source_env), ([str(exe)], base)):
            subprocess.run([*cmd, "--version"], env=env, check=True, capture_output=True)
        print(f"{'':12}{'source':>10}{'frozen':>10}{'frozen/source':>15}")
        for label, extra in (("--version", ["--version"]), ("--self-test", ["--self-test"])):
            t_src = _time([*source, *extra], source_env, args.runs)
            t_frz = _time([str(exe), *extra], base, args.runs)
            print(f"{label:12}{t_src:9.3f}s{t_frz:9.3f}s{t_frz / t_src:14.2f}x")
    print(f"(median of {args.runs} runs each; {os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

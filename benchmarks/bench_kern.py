"""Benchmark van de rekenkern: analyse() op 1.000.000 scores en de importtijd van klanttools.

Draaien: ``.venv/bin/python benchmarks/bench_kern.py`` (drukt een tabel af; doelen:
analyse ≤ 30 ms mediaan, import klanttools ≤ 1,15 × import pandas).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd

from klanttools.nps import analyse

N = 1_000_000
HERHALINGEN = 15


def mediaan_ms(functie, herhalingen: int = HERHALINGEN) -> float:
    tijden = []
    for _ in range(herhalingen):
        t0 = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - t0)
    return statistics.median(tijden) * 1000


def python_lus(scores: list[int]) -> float:
    """De eenvoudigste eigen aanpak: een for-lus in gewone Python."""
    p = d = 0
    for s in scores:
        if s >= 9:
            p += 1
        elif s <= 6:
            d += 1
    n = len(scores)
    pp, dd = p / n, d / n
    se = 100 * ((pp + dd - (pp - dd) ** 2) / n) ** 0.5
    return 100 * (pp - dd) + 1.96 * se


def importtijd_ms(module: str, herhalingen: int = 11) -> float:
    code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
    tijden = []
    for _ in range(herhalingen):
        uit = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        tijden.append(float(uit.stdout))
    return statistics.median(tijden) * 1000


def main() -> None:
    rng = np.random.default_rng(2026)
    scores = rng.integers(0, 11, N)
    met_leeg = scores.astype("float64")
    met_leeg[::10] = np.nan
    nullable = pd.Series(scores, dtype="Int64")
    nullable[::10] = pd.NA
    lijst = scores.tolist()

    print(f"analyse() op {N:_} scores (mediaan van {HERHALINGEN} runs)".replace("_", "."))
    print(f"{'invoer':<38}{'mediaan (ms)':>14}")
    gevallen = {
        "numpy-array (int64)": scores,
        "pandas Series (int64)": pd.Series(scores),
        "numpy-array (float, 10% leeg)": met_leeg,
        "pandas Series (Int64, 10% pd.NA)": nullable,
    }
    for naam, invoer in gevallen.items():
        print(f"{naam:<38}{mediaan_ms(lambda invoer=invoer: analyse(invoer)):>14.1f}")
    lijst_ms = mediaan_ms(lambda: analyse(lijst), 5)
    print(f"{'Python-lijst (int)':<38}{lijst_ms:>14.1f}")
    lus_ms = mediaan_ms(lambda: python_lus(lijst), 5)
    reeks = gevallen["pandas Series (int64)"]
    kern_ms = mediaan_ms(lambda: analyse(reeks))
    print(f"{'gewone Python-lus over dezelfde lijst':<38}{lus_ms:>14.1f}")
    print(f"verhouding Python-lus / analyse(Series): {lus_ms / kern_ms:.0f}×")

    print()
    pandas_ms = importtijd_ms("pandas")
    kt_ms = importtijd_ms("klanttools")
    print(f"import pandas (nieuw proces, mediaan):     {pandas_ms:7.1f} ms")
    print(f"import klanttools (nieuw proces, mediaan): {kt_ms:7.1f} ms")
    print(f"verhouding: {kt_ms / pandas_ms:.2f} (doel ≤ 1,15)")


if __name__ == "__main__":
    main()

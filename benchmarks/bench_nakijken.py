"""Benchmark van het nakijken: ``nbgrader autograde`` op opdracht 1, per inlevering.

Draaien (vanuit de hoofdmap, met .venv)::

    .venv/bin/python benchmarks/bench_nakijken.py            # 24 inleveringen
    .venv/bin/python benchmarks/bench_nakijken.py --aantal 40

Werkwijze: een kopie van ``exercises/`` in een tijdelijke map, de studentversie maken,
``--aantal`` inleveringen (om en om de modeloplossing, een leeg notebook en typische
foute antwoorden) in ``submitted/`` zetten, en ze in één ``nbgrader autograde``-aanroep
laten nakijken — zoals een docent dat doet. De tijd per inlevering komt uit het
logboek van nbgrader (tijdstempel per regel): van "Creating/updating student" tot de
volgende student. Daarnaast: de totale tijd gedeeld door het aantal (inclusief het
opstarten van nbgrader), en de tijd van één losse aanroep voor één student.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MAP = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(MAP / "tests"))

from nbgrader_hulp import (  # noqa: E402 (na het pad naar tests/)
    NOTEBOOK,
    OPDRACHT,
    draai,
    kopieer_cursus,
    lees_nb,
    maak_inzending,
    omgeving,
    schrijf_nb,
)

VARIANTEN: dict[str, dict[str, str] | None] = {
    "oplossing": {},
    "leeg": None,
    "aandeel": {"antwoord_8": "nps_najaar = (promotors - criticasters) / n_geldig"},
    "omgedraaid": {"antwoord_8": "nps_najaar = (criticasters - promotors) / n_geldig * 100"},
    "passief": {
        "antwoord_7": 'promotors = (najaar["score"] >= 7).sum()\n'
        'passief = ((najaar["score"] >= 7) & (najaar["score"] <= 8)).sum()\n'
        'criticasters = (najaar["score"] <= 6).sum()'
    },
    "leeg_in_n": {"antwoord_5": 'n_geldig = len(najaar)\nn_leeg = najaar["score"].isna().sum()'},
}
"""Soorten inleveringen; ``None`` = leeg ingeleverd (de studentversie zelf)."""

_REGEL = re.compile(r"^(\d+\.\d+) (.*)$")


def tijden_per_inlevering(log: str) -> list[float]:
    """Seconden per student uit een nbgrader-log met ``%(created)f`` voor elke regel.

    Examples
    --------
    >>> log = "10.0 Creating/updating student with ID 'a': {}\\n11.5 x\\n"
    >>> log += "11.5 Creating/updating student with ID 'b': {}\\n14.0 klaar"
    >>> tijden_per_inlevering(log)
    [1.5, 2.5]
    """
    starts, laatste = [], None
    for regel in log.splitlines():
        m = _REGEL.match(regel)
        if not m:
            continue
        t = float(m.group(1))
        laatste = t
        if m.group(2).startswith("Creating/updating student with ID"):
            starts.append(t)
    if not starts or laatste is None:
        return []
    grenzen = [*starts, laatste]
    return [round(b - a, 6) for a, b in zip(grenzen, grenzen[1:], strict=False)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=24, help="aantal inleveringen (≥ 20)")
    args = parser.parse_args(argv)
    if args.aantal < 1:
        parser.error("--aantal moet minstens 1 zijn")

    env = omgeving()
    with tempfile.TemporaryDirectory(prefix="bench-nakijken-") as tmp:
        cursus = kopieer_cursus(Path(tmp) / "exercises")
        draai(["nbgrader", "generate_assignment", OPDRACHT], cursus, env=env)
        bron = lees_nb(cursus / "source" / OPDRACHT / NOTEBOOK)
        release = lees_nb(cursus / "release" / OPDRACHT / NOTEBOOK)
        soorten = list(VARIANTEN)
        for i in range(args.aantal):
            antwoorden = VARIANTEN[soorten[i % len(soorten)]]
            nb = (
                maak_inzending(release, bron, oplossen=False)
                if antwoorden is None
                else maak_inzending(release, bron, antwoorden)
            )
            schrijf_nb(nb, cursus / "submitted" / f"{600000 + i}" / OPDRACHT / NOTEBOOK)

        begin = time.perf_counter()
        uit = draai(
            [
                "nbgrader",
                "autograde",
                OPDRACHT,
                "--Application.log_format=%(created)f %(message)s",
            ],
            cursus,
            env=env,
        )
        totaal = time.perf_counter() - begin
        per_stuk = tijden_per_inlevering(uit.stderr + uit.stdout)
        if len(per_stuk) != args.aantal:
            print(uit.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"verwachtte {args.aantal} tijden, kreeg {len(per_stuk)}")

        los = []
        for student in ("600000", "600001", "600002"):
            t0 = time.perf_counter()
            draai(
                ["nbgrader", "autograde", OPDRACHT, "--student", student, "--force"],
                cursus,
                env=env,
            )
            los.append(time.perf_counter() - t0)

    kernen = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or "?"
    print(
        f"nbgrader autograde, opdracht 1 ({NOTEBOOK}), {args.aantal} inleveringen, {kernen} kernen"
    )
    print(f"  mediaan per inlevering (in één batch)   {statistics.median(per_stuk):6.2f} s")
    print(f"  snelste / traagste                      {min(per_stuk):6.2f} / {max(per_stuk):.2f} s")
    print(f"  hele batch, inclusief opstarten         {totaal:6.1f} s")
    print(f"  gemiddeld per inlevering (batch/aantal) {totaal / args.aantal:6.2f} s")
    print(
        f"  één losse aanroep voor één student      {statistics.median(los):6.2f} s (mediaan van 3)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: ``python -m klanttools.nakijken klas`` tegen nbgraders eigen ``autograde``.

Draaien (vanuit de hoofdmap, met .venv)::

    .venv/bin/python benchmarks/bench_klas.py              # 60 inleveringen
    .venv/bin/python benchmarks/bench_klas.py --aantal 80

Werkwijze: één klas van ``--aantal`` inleveringen, gemaakt uit de studentversie en de
modeloplossing van de opdracht (dus onafhankelijk van de vragen van vandaag): vooral
realistisch (modeloplossing, leeg, een of meer antwoorden fout of niet af), en een paar
kapotte (gekopieerde antwoordcel, half JSON, notebook ontbreekt, oneindige lus). Twee
kopieën van dezelfde cursus; in de ene draait het klas-commando (zandbak aan, met
feedback), in de andere ``nbgrader autograde`` en daarna ``nbgrader generate_feedback``,
met dezelfde tijdslimiet per cel. Uitkomst: seconden per inlevering, de verhouding, en
of de punten per cel van elke inlevering die beide nakeken gelijk zijn.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import os
import resource
import shutil
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
    cel_per_id,
    draai,
    fout_antwoord,
    kopieer_cursus,
    lees_nb,
    maak_inzending,
    omgeving,
    oplossing_uit_bron,
    schrijf_nb,
    scores_uit_db,
)


def _cpu_kinderen() -> float:
    """Rekentijd (user + sys) van alle afgelopen kindprocessen van dit proces, in seconden."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _gemeten(cmd: list[str], cursus: Path, env: dict[str, str]) -> tuple[float, float]:
    """Draai ``cmd`` in ``cursus``; geeft (wandtijd, rekentijd van de kindprocessen) in seconden."""
    c0, t0 = _cpu_kinderen(), time.perf_counter()
    draai(cmd, cursus, env=env, controleer=False)
    return time.perf_counter() - t0, _cpu_kinderen() - c0


def maak_klas(cursus: Path, aantal: int, timeout: int) -> list[str]:
    """Zet ``aantal`` inleveringen in ``submitted/``; geeft de soorten per student."""
    bron = lees_nb(cursus / "source" / OPDRACHT / NOTEBOOK)
    rel = lees_nb(cursus / "release" / OPDRACHT / NOTEBOOK)
    ids = [
        g
        for g, c in cel_per_id(bron).items()
        if c["metadata"]["nbgrader"].get("solution") and c["cell_type"] == "code"
    ]
    model = {g: oplossing_uit_bron("".join(cel_per_id(bron)[g]["source"])) for g in ids}
    soorten = []
    for i in range(aantal):
        sid = f"{600000 + i}"
        map_ = cursus / "submitted" / sid / OPDRACHT
        map_.mkdir(parents=True)
        if i % 20 == 7:
            soort = "gekopieerde antwoordcel"
            nb = maak_inzending(rel, bron)
            cel = cel_per_id(nb)[ids[0]]
            kopie = copy.deepcopy(cel)
            kopie["id"] = f"kopie{i}"
            nb["cells"].insert(nb["cells"].index(cel) + 1, kopie)
            schrijf_nb(nb, map_ / NOTEBOOK)
        elif i % 30 == 13:
            soort = "half JSON"
            tekst = json.dumps(maak_inzending(rel, bron))
            (map_ / NOTEBOOK).write_text(tekst[: len(tekst) // 2])
        elif i % 30 == 23:
            soort = "notebook ontbreekt"
            (map_ / "notities.txt").write_text("vergeten")
        elif i % 30 == 17:
            soort = "oneindige lus"
            schrijf_nb(
                maak_inzending(rel, bron, {ids[-1]: "while True:\n    pass"}), map_ / NOTEBOOK
            )
        elif i % 4 == 0:
            soort = "modeloplossing"
            schrijf_nb(maak_inzending(rel, bron), map_ / NOTEBOOK)
        elif i % 4 == 1:
            soort = "leeg"
            schrijf_nb(maak_inzending(rel, bron, oplossen=False), map_ / NOTEBOOK)
        elif i % 4 == 2:
            soort = "deels fout"
            fout = {g: fout_antwoord(model[g]) for g in ids[i % len(ids) :: 3]}
            schrijf_nb(maak_inzending(rel, bron, fout), map_ / NOTEBOOK)
        else:
            soort = "niet af"
            stub = {g: "raise NotImplementedError()" for g in ids[len(ids) // 2 :]}
            schrijf_nb(maak_inzending(rel, bron, stub), map_ / NOTEBOOK)
        soorten.append(soort)
    return soorten


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=60, help="aantal inleveringen (≥ 60)")
    parser.add_argument("--tijd-per-cel", type=int, default=30, help="voor beide (seconden)")
    args = parser.parse_args(argv)
    env = omgeving()
    kernen = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-klas-") as tmp:
        basis = kopieer_cursus(Path(tmp) / "basis" / "exercises")
        draai(["nbgrader", "generate_assignment", OPDRACHT], basis, env=env)
        soorten = maak_klas(basis, args.aantal, args.tijd_per_cel)
        klas, stock = Path(tmp) / "klas" / "exercises", Path(tmp) / "stock" / "exercises"
        shutil.copytree(basis, klas, symlinks=True)
        shutil.copytree(basis, stock, symlinks=True)

        last = {"begin": os.getloadavg()}
        c0, t0 = _cpu_kinderen(), time.perf_counter()
        uit = subprocess.run(
            [
                sys.executable,
                "-m",
                "klanttools.nakijken",
                "klas",
                OPDRACHT,
                "--tijd-per-cel",
                str(args.tijd_per_cel),
            ],
            cwd=klas,
            env=env,
            capture_output=True,
            text=True,
        )
        t_klas = time.perf_counter() - t0
        # Een vers gestarte kernel in de zandbak wordt met SIGKILL gestopt en door niemand
        # van ons opgeruimd; zijn rekentijd staat per student in de staat (gemeten vlak
        # voor het stoppen). Een kernel uit de kiem ruimt de kiem zelf op: die telt al mee.
        staten = [
            json.loads(f.read_text(encoding="utf-8"))
            for f in (klas / "nakijken" / OPDRACHT / "staat").glob("*.json")
        ]
        uit_kiem = sum(1 for u in staten if u.get("voorgeladen"))
        n_nagekeken = sum(1 for u in staten if u.get("nagekeken"))
        c_klas = (
            _cpu_kinderen()
            - c0
            + sum(u.get("kernel_cpu", 0.0) for u in staten if not u.get("voorgeladen"))
        )
        last["klas"] = os.getloadavg()
        if uit.returncode != 0:
            print(uit.stdout, uit.stderr[-3000:], file=sys.stderr)
            return 1

        autograde = ["nbgrader", "autograde", OPDRACHT, f"--Execute.timeout={args.tijd_per_cel}"]
        t_stock, c_stock = _gemeten(autograde, stock, env)
        last["stock"] = os.getloadavg()
        t_stock_fb, c_stock_fb = _gemeten(["nbgrader", "generate_feedback", OPDRACHT], stock, env)

        # Staat PYTHONDONTWRITEBYTECODE aan (zoals in deze ontwikkelomgeving), dan vertaalt
        # de stock-kernel klanttools in elke verborgen test opnieuw. Bij een docent met
        # gewone instellingen schrijft de kernel .pyc-bestanden. Meet dat ook.
        t_stock_pyc = c_stock_pyc = None
        if env.get("PYTHONDONTWRITEBYTECODE"):
            stock2 = Path(tmp) / "stock-pyc" / "exercises"
            shutil.copytree(basis, stock2, symlinks=True)
            kt = Path(importlib.util.find_spec("klanttools").submodule_search_locations[0])
            al = {p for p in kt.rglob("__pycache__")}
            env2 = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
            try:
                t_stock_pyc, c_stock_pyc = _gemeten(autograde, stock2, env2)
                last["stock-pyc"] = os.getloadavg()
            finally:
                for p in kt.rglob("__pycache__"):
                    if p not in al:
                        shutil.rmtree(p, ignore_errors=True)

        a, b = scores_uit_db(klas / "gradebook.db"), scores_uit_db(stock / "gradebook.db")
        soort = {f"{600000 + i}": s for i, s in enumerate(soorten)}
        realistisch = {"modeloplossing", "leeg", "deels fout", "niet af"}
        beide = sorted(s for s in set(a) & set(b) if soort[s] in realistisch)
        gelijk = [s for s in beide if a[s] == b[s]]
        verschil = [s for s in beide if a[s] != b[s]]
        anders = {
            s: "stock: geen punten"
            if all(v is None for v in b[s].values())
            else "stock: andere punten"
            for s in sorted(set(a) & set(b))
            if soort[s] not in realistisch and a[s] != b[s]
        }

    n = args.aantal
    print(
        f"\nKlas van {n} inleveringen ({', '.join(f'{soorten.count(s)}× {s}' for s in dict.fromkeys(soorten))})"
    )
    print(f"opdracht {OPDRACHT}, {kernen} kernen, tijdslimiet per cel {args.tijd_per_cel} s\n")
    print(
        f"| {'manier':<46} | {'totaal (s)':>10} | {'s/inlevering':>12} | {'verhouding':>10} "
        f"| {'cpu-s/inl.':>10} |"
    )
    print(f"|{'-' * 48}|{'-' * 12}|{'-' * 14}|{'-' * 12}|{'-' * 12}|")
    rijen = [
        ("nbgrader autograde (stock)", t_stock, c_stock),
        (
            "nbgrader autograde + generate_feedback (stock)",
            t_stock + t_stock_fb,
            c_stock + c_stock_fb,
        ),
    ]
    if t_stock_pyc is not None:
        rijen.append(("nbgrader autograde (stock, met .pyc)", t_stock_pyc, c_stock_pyc))
    rijen.append(("klas (zandbak, kiem, werkers, met feedback)", t_klas, c_klas))
    for naam, t, c in rijen:
        print(
            f"| {naam:<46} | {t:10.1f} | {t / n:12.2f} | {(t_stock + t_stock_fb) / t:9.2f}× "
            f"| {c / n:10.2f} |"
        )
    print(
        "\n(verhouding: t.o.v. stock autograde + feedback; cpu-s: rekentijd van alle processen, "
        "ook de kernels, per inlevering — hangt veel minder af van wat er verder op de "
        "machine gebeurt dan de wandtijd)"
    )
    print(
        f"rekentijd per inlevering: klas {c_klas / n:.2f} s, stock {c_stock / n:.2f} s"
        + (f", stock met .pyc {c_stock_pyc / n:.2f} s" if c_stock_pyc else "")
        + f"; op {kernen} vrije kernen haalt klas hoogstens ~{kernen * c_stock / c_klas:.2f}× "
        "stock" + (f" ({kernen * c_stock_pyc / c_klas:.2f}× stock met .pyc)" if c_stock_pyc else "")
    )
    print(
        f"\nklas t.o.v. stock autograde alleen: {t_stock / t_klas:.2f}×; "
        f"t.o.v. autograde + feedback: {(t_stock + t_stock_fb) / t_klas:.2f}×"
    )
    if t_stock_pyc is not None:
        print(
            f"klas t.o.v. stock autograde met .pyc (zonder PYTHONDONTWRITEBYTECODE): "
            f"{t_stock_pyc / t_klas:.2f}×"
        )
    print(
        "belasting van de machine (1/5/15 min) "
        + "; ".join(f"{k}: {a:.1f} {b:.1f} {c:.1f}" for k, (a, b, c) in last.items())
    )
    print(f"kernels uit de voorgeladen kiem: {uit_kiem} van {n_nagekeken} nagekeken studenten")
    print(
        f"punten per cel gelijk bij {len(gelijk)} van {len(beide)} realistische inleveringen"
        + (f"; VERSCHIL bij {', '.join(verschil)}" if verschil else "")
    )
    for s, wat in anders.items():
        print(f"  kapot: {s} ({soort[s]}): klas kijkt na na herstel, {wat}")
    print(
        f"niet door stock nagekeken: {n - len(set(b))}; niet door klas nagekeken: {n - len(set(a))}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

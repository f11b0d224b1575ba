"""``python -m klanttools.nakijken klas OPDRACHT``: een klas nakijken met één commando.

Draai het in de nbgrader-cursusmap (bij deze kit ``exercises/``). Het schrijft:

- ``cijfers-OPDRACHT.csv`` (``--uitvoer``): per ingeleverde student punten, cijfer,
  status en reden, en de punten per vraag (Excel-NL: ``;`` en decimale komma);
- ``brightspace-OPDRACHT.csv`` en ``canvas-OPDRACHT.csv``: importbestanden met elke
  ingeleverde student (niet nakijkbaar: 0 punten; nog een open handmatige vraag: leeg);
- ``feedback/<student>/OPDRACHT/``: Nederlandse feedback voor iedereen (ook wie niet
  nagekeken kon worden);
- ``nakijken/OPDRACHT/rapport.html``: het overzicht voor de docent.

Exitcode 0 als de ronde compleet is, 1 bij een onderbreking, 2 bij verkeerd gebruik.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klanttools.nakijken.klas.sandbox import Zandbak
    from klanttools.nakijken.klas.uitvoeren import Uitslag

__all__ = ["main", "maak_parser"]


def maak_parser(sub: argparse._SubParsersAction | None = None) -> argparse.ArgumentParser:
    """De argumenten van ``klas`` (als subcommando of los)."""
    kwargs = dict(
        description=(
            "Kijk alle inleveringen van een opdracht na met nbgrader: voorcontrole en herstel, "
            "elke kernel in een zandbak (bubblewrap), parallel, met een cijferbestand (1–10), "
            "importbestanden voor Brightspace en Canvas, feedback en een overzicht."
        ),
        epilog="Voorbeeld (in exercises/): python -m klanttools.nakijken klas opdracht1-nps",
    )
    if sub is not None:
        p = sub.add_parser(
            "klas", help="kijk een hele klas na (cijfers, feedback, overzicht)", **kwargs
        )
    else:
        p = argparse.ArgumentParser(prog="python -m klanttools.nakijken klas", **kwargs)
    p.add_argument(
        "opdracht", help="de naam van de opdracht, zoals in source/ (bijv. opdracht1-nps)"
    )
    p.add_argument("--uitvoer", help="het cijferbestand (standaard cijfers-OPDRACHT.csv)")
    p.add_argument("--cursusmap", default=".", help="de nbgrader-cursusmap (standaard: hier)")
    p.add_argument(
        "--werkers",
        type=int,
        default=(os.cpu_count() or 1) + 1,
        help="processen naast elkaar (standaard: het aantal processorkernen plus één; een "
        "werkproces wacht steeds even op zijn kernel en andersom)",
    )
    p.add_argument(
        "--cesuur", type=float, default=55.0, help="percentage voor een 5,5 (standaard 55)"
    )
    p.add_argument(
        "--decimalen", type=int, default=1, help="decimalen van het cijfer (standaard 1)"
    )
    p.add_argument(
        "--afronding",
        default="half-omhoog",
        choices=["half-omhoog", "half-even", "omlaag", "omhoog"],
        help="hoe 5,45 wordt afgerond (standaard half-omhoog: 5,5)",
    )
    p.add_argument("--onderdeel", help="naam van het cijferonderdeel in de leeromgeving")
    p.add_argument("--tijd-per-cel", type=int, default=30, help="seconden per cel (standaard 30)")
    p.add_argument(
        "--tijd-per-notebook", type=int, default=300, help="seconden per notebook (standaard 300)"
    )
    p.add_argument("--geheugen-mb", type=int, default=3072, help="geheugen per kernel (MB)")
    p.add_argument("--opnieuw", action="store_true", help="ook ongewijzigde inleveringen opnieuw")
    p.add_argument(
        "--zonder-feedback", action="store_true", help="geen feedback maken (alleen cijfers)"
    )
    p.add_argument(
        "--zonder-voorladen",
        action="store_true",
        help="start elke kernel vers in plaats van uit een voorgeladen kiem (langzamer, "
        "even veilig; voor als er met de kiem iets misgaat)",
    )
    p.add_argument(
        "--zonder-zandbak",
        action="store_true",
        help="zonder bubblewrap nakijken (alleen voor inleveringen die je vertrouwt)",
    )
    return p


def _kernels(uitslagen: Iterable[Uitslag], zandbak: Zandbak) -> str:
    """Eén regel: kwamen de kernels uit de voorgeladen kiem, en zo niet, waarom niet?"""
    nu = [u for u in uitslagen if u.nagekeken and u.duur]
    if not zandbak.aan or not nu:
        return "kernels: vers gestart"
    uit_kiem = sum(u.voorgeladen for u in nu)
    if uit_kiem == len(nu):
        return f"kernels: alle {len(nu)} uit de voorgeladen kiem, elk in een eigen zandbak"
    if not zandbak.voorladen:
        return "kernels: vers gestart (--zonder-voorladen)"
    redenen = sorted({u.kiem_reden for u in nu if u.kiem_reden})
    if not zandbak.bestandsgrens:
        redenen.append("de zandbak heeft hier geen eigen gebruikers-namespace")
    waarom = f" (reden: {'; '.join(redenen)})" if redenen else ""
    return (
        f"kernels: {uit_kiem} van {len(nu)} uit de voorgeladen kiem, de rest vers gestart"
        f" — even veilig, alleen trager{waarom}"
    )


def _voortgang(totaal: int):  # type: ignore[no-untyped-def]
    """Een voortgangsbalk met ETA op een terminal; anders gewone regels (zonder ``\\r``)."""
    if not sys.stderr.isatty():
        return _voortgang_regels(totaal, sys.stderr)
    from tqdm import tqdm

    balk = tqdm(
        total=totaal,
        unit="inl.",
        file=sys.stderr,
        bar_format="Nakijken {percentage:3.0f}% |{bar}| {n_fmt}/{total_fmt} "
        "[{elapsed} bezig, nog ~{remaining}] {postfix}",
        dynamic_ncols=True,
    )

    def bij_klaar(uitslag) -> None:  # type: ignore[no-untyped-def]
        balk.set_postfix_str(f"{uitslag.student}: {uitslag.status.split(':')[0]}")
        balk.update(1)
        if balk.n >= totaal:
            balk.close()

    return bij_klaar


def _mmss(seconden: float) -> str:
    m, s = divmod(int(round(seconden)), 60)
    return f"{m}:{s:02d}"


def _voortgang_regels(totaal: int, uit, *, elke_s: float = 15.0, klok=None):  # type: ignore[no-untyped-def]
    """Voortgang als gewone regels, voor een logbestand of CI (geen terminal).

    Een regel na elk tiende deel van de klas (hoogstens tien) of als de vorige
    ``elke_s`` seconden geleden was, en aan het eind.

    Examples
    --------
    >>> import io
    >>> tijden = iter([0.0, 10.0, 20.0, 30.0])
    >>> uit = io.StringIO()
    >>> bij_klaar = _voortgang_regels(2, uit, klok=lambda: next(tijden))
    >>> from types import SimpleNamespace as U
    >>> bij_klaar(U(student="1", status="nagekeken"))
    >>> bij_klaar(U(student="2", status="niet nakijkbaar: leeg"))
    >>> print(uit.getvalue(), end="")
    Nakijken: 1/2 (50 %), 0:10 bezig, nog ~0:10 (laatste: 1, nagekeken)
    Nakijken: 2/2 (100 %), 0:20 bezig, klaar (laatste: 2, niet nakijkbaar)
    """
    import time

    klok = klok or time.monotonic
    begin = klok()
    stap = max(1, -(-totaal // 10))
    stand = {"n": 0, "vorige": begin}

    def bij_klaar(uitslag) -> None:  # type: ignore[no-untyped-def]
        stand["n"] += 1
        n, nu = stand["n"], klok()
        if n % stap and n < totaal and nu - stand["vorige"] < elke_s:
            return
        stand["vorige"] = nu
        bezig = nu - begin
        nog = "klaar" if n >= totaal else f"nog ~{_mmss(bezig / n * (totaal - n))}"
        uit.write(
            f"Nakijken: {n}/{totaal} ({100 * n // totaal} %), {_mmss(bezig)} bezig, {nog} "
            f"(laatste: {uitslag.student}, {uitslag.status.split(':')[0]})\n"
        )
        uit.flush()

    return bij_klaar


def _leeg(n: int) -> str:
    return f", {n} nog leeg: eerst de open vragen met de hand beoordelen" if n else ""


def _kader(tekst: str) -> str:
    import textwrap

    regels = textwrap.wrap(tekst, 76)
    streep = "!" * 80
    return "\n".join([streep, *(f"! {r:<76} !" for r in regels), streep])


def main(args: argparse.Namespace) -> int:
    """Voer ``klas`` uit met de argumenten uit :func:`maak_parser`."""
    # nbformat laadt via jsonschema 'rfc3987_syntax' (±1,3 s importtijd) voor een
    # formaatcontrole die notebooks niet gebruiken; zonder die module start alles sneller.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

    from klanttools.nakijken.klas.cijfers import (
        nl,
        schrijf_brightspace,
        schrijf_canvas,
        schrijf_cijferbestand,
    )
    from klanttools.nakijken.klas.rapport import schrijf_rapport
    from klanttools.nakijken.klas.sandbox import (
        WAARSCHUWING_ZONDER_ZANDBAK,
        Grenzen,
        Zandbak,
        bwrap_werkt,
    )
    from klanttools.nakijken.klas.terugkoppeling import meld_herstel, schrijf_weigering
    from klanttools.nakijken.klas.verloop import Fout, kijk_klas_na_en_rapporteer

    if not 0 < args.cesuur < 100:
        print(f"--cesuur {args.cesuur} moet tussen 0 en 100 liggen (bijv. 55).", file=sys.stderr)
        return 2
    if args.werkers < 1 or args.tijd_per_cel < 1 or args.tijd_per_notebook < 1:
        print(
            "--werkers, --tijd-per-cel en --tijd-per-notebook moeten minstens 1 zijn.",
            file=sys.stderr,
        )
        return 2
    root = Path(args.cursusmap).resolve()
    grenzen = Grenzen(cpu_seconden=args.tijd_per_notebook, geheugen_mb=args.geheugen_mb)
    if args.zonder_zandbak:
        zandbak, reden = Zandbak(aan=False, grenzen=grenzen), "je koos --zonder-zandbak"
    else:
        werkt, reden = bwrap_werkt()
        zandbak = Zandbak(aan=werkt, grenzen=grenzen, voorladen=not args.zonder_voorladen)
    if not zandbak.aan:
        print(_kader(f"{WAARSCHUWING_ZONDER_ZANDBAK} (Reden: {reden}.)"), file=sys.stderr)

    try:
        ronde = kijk_klas_na_en_rapporteer(
            root,
            args.opdracht,
            zandbak=zandbak,
            werkers=args.werkers,
            tijd_per_cel=args.tijd_per_cel,
            tijd_per_notebook=args.tijd_per_notebook,
            opnieuw=args.opnieuw,
            feedback=not args.zonder_feedback,
            cesuur=args.cesuur / 100,
            decimalen=args.decimalen,
            afronding=args.afronding,
            voortgang=_voortgang,
        )
    except Fout as e:
        print(f"Fout: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "\nOnderbroken vóór het nakijken begon; er is niets veranderd. Draai het commando "
            "opnieuw.",
            file=sys.stderr,
        )
        return 1

    onderdeel = args.onderdeel or args.opdracht
    uitvoer = Path(args.uitvoer) if args.uitvoer else root / f"cijfers-{args.opdracht}.csv"
    schrijf_cijferbestand(ronde.regels, uitvoer, ronde.vragen)
    n_bs = schrijf_brightspace(ronde.regels, root / f"brightspace-{args.opdracht}.csv", onderdeel)
    n_cv = schrijf_canvas(ronde.regels, root / f"canvas-{args.opdracht}.csv", onderdeel)

    notebooks = sorted(p.stem for p in (root / "source" / args.opdracht).glob("*.ipynb"))
    for sid in ronde.geweigerd:
        vc = ronde.voorcontroles[sid]
        reden = vc.weigering or ronde.uitslagen[sid].status.removeprefix("niet nakijkbaar: ")
        schrijf_weigering(root, sid, args.opdracht, notebooks, reden)
    for sid in ronde.hersteld:
        vc = ronde.voorcontroles[sid]
        for nb in notebooks:
            meld_herstel(
                root / "feedback" / sid / args.opdracht / f"{nb}.html",
                vc.herstellingen + vc.quarantaine,
            )
    rapport = schrijf_rapport(ronde, root, root / "nakijken" / args.opdracht / "rapport.html")

    n_in, n_na, n_weg = len(ronde.ingeleverd), len(ronde.nagekeken), len(ronde.geweigerd)
    print(
        f"\nOpdracht {args.opdracht}: {n_in} inleveringen in {nl(round(ronde.duur, 1))} s"
        f"{'' if zandbak.aan else ' (ZONDER zandbak)'}"
    )
    print(
        f"  nagekeken            {n_na:4d}  (waarvan hersteld: {len(ronde.hersteld)}, "
        f"ongewijzigd overgeslagen: {len(ronde.overgeslagen)})"
    )
    print(f"  niet nakijkbaar      {n_weg:4d}")
    for sid in ronde.geweigerd:
        print(f"      {sid}: {ronde.uitslagen[sid].status.removeprefix('niet nakijkbaar: ')}")
    if ronde.niet_ingeleverd:
        print(f"  niet ingeleverd      {len(ronde.niet_ingeleverd):4d}  (wel in de gradebook)")
    klopt = n_in == n_na + n_weg
    print(
        f"  controle: {n_in} ingeleverd = {n_na} nagekeken + {n_weg} niet nakijkbaar: "
        f"{'klopt' if klopt else 'KLOPT NIET'}"
    )
    open_ = [r for r in ronde.regels if r.handmatig_open]
    if open_:
        print(
            f"  voorlopig: bij {len(open_)} studenten staat nog een vraag open voor handmatig "
            "beoordelen (formgrader); draai daarna dit commando opnieuw"
        )
    print("  " + _kernels(ronde.uitslagen.values(), zandbak))
    traag = sorted((u for u in ronde.uitslagen.values() if u.duur), key=lambda u: -u.duur)[:3]
    if traag:
        print("  traagste: " + ", ".join(f"{u.student} ({nl(round(u.duur, 1))} s)" for u in traag))
    print(f"\n  cijfers:     {uitvoer}")
    print(
        f"  Brightspace: {root / f'brightspace-{args.opdracht}.csv'} "
        f"({n_in} studenten, {n_bs} met een definitief cijfer{_leeg(n_in - n_bs)})"
    )
    print(
        f"  Canvas:      {root / f'canvas-{args.opdracht}.csv'} "
        f"({n_in} studenten, {n_cv} met een definitief cijfer{_leeg(n_in - n_cv)})"
    )
    print(f"  feedback:    {root / 'feedback'}/<student>/{args.opdracht}/")
    print(f"  overzicht:   {rapport}")
    if ronde.onderbroken:
        print(
            "\nOnderbroken. Draai hetzelfde commando opnieuw: wat al klaar was, wordt "
            "overgeslagen.",
            file=sys.stderr,
        )
        return 1
    if not zandbak.aan:
        print("\n" + _kader(WAARSCHUWING_ZONDER_ZANDBAK), file=sys.stderr)
    return 0

"""Het docentenoverzicht van een nakijkronde: één HTML-bestand per opdracht.

Inhoud: de tellingen (ingeleverd = nagekeken + niet nakijkbaar), de cijferverdeling,
de moeilijkheid per vraag (gemiddelde score, aantal helemaal goed en nul), welke
hints over denkfouten het vaakst kwamen, wie is hersteld of geweigerd en waarom, en
de traagste inleveringen.

Examples
--------
>>> verdeling([Decimal("5.5"), Decimal("6.1"), Decimal("9.9"), None])
{1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 6: 1, 7: 0, 8: 0, 9: 1}
"""

from __future__ import annotations

import html
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from klanttools.nakijken.klas.cijfers import nl

if TYPE_CHECKING:
    from klanttools.nakijken.klas.verloop import Ronde

__all__ = ["hints_per_denkfout", "schrijf_rapport", "verdeling"]


def verdeling(cijfers: list[Decimal | None]) -> dict[int, int]:
    """Aantal cijfers per klasse 1–<2, 2–<3, …, 9–10."""
    uit = dict.fromkeys(range(1, 10), 0)
    for c in cijfers:
        if c is not None:
            uit[min(int(c), 9)] += 1
    return uit


def hints_per_denkfout(root: Path, opdracht: str, studenten: list[str]) -> Counter[str]:
    """Hoe vaak elke bekende denkfout-hint (``klanttools.nakijken.HINTS``) in de uitvoer stond."""
    from klanttools.nakijken import HINTS

    teller: Counter[str] = Counter()
    for sid in studenten:
        for pad in sorted((root / "autograded" / sid / opdracht).glob("*.ipynb")):
            try:
                nb = json.loads(pad.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            gezien: set[str] = set()
            for cel in nb.get("cells", []):
                for u in cel.get("outputs", []):
                    if u.get("output_type") != "error":
                        continue
                    for sleutel, hint in HINTS.items():
                        if hint[:60] in str(u.get("evalue", "")):
                            gezien.add(sleutel)
            teller.update(gezien)
    return teller


_STIJL = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;line-height:1.4}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}
.bar{background:#2d6ea3;height:1em;display:inline-block}
.waarschuwing{border:3px solid #c0392b;background:#fdf2f1;padding:1em;font-weight:bold}
.klopt{color:#1e7e34}.klopt-niet{color:#c0392b}
"""


def _bijzonder(status: str, reden: str) -> bool:
    """Hoort deze student in de lijst 'hersteld, geweigerd of met een opmerking'?

    >>> _bijzonder("nagekeken", "voorlopig: nog met de hand te beoordelen: taak_11")
    False
    >>> _bijzonder("nagekeken", "cel 3 duurde langer dan 30 s en is onderbroken")
    True
    """
    if not status.startswith("nagekeken"):
        return True
    return any(r and not r.startswith("voorlopig") for r in reden.split("; "))


def _tabel(koppen: list[str], rijen: list[list[str]]) -> str:
    kop = "".join(f"<th>{html.escape(k)}</th>" for k in koppen)
    romp = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rijen
    )
    return f"<table><tr>{kop}</tr>{romp}</table>"


def schrijf_rapport(ronde: Ronde, root: Path, pad: Path) -> Path:
    """Schrijf het overzicht van ``ronde`` naar ``pad`` (HTML) en geef het pad."""
    from klanttools.nakijken import HINTS

    delen = [
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>",
        f"<title>Nakijkoverzicht {html.escape(ronde.opdracht)}</title><style>{_STIJL}</style>",
        f"</head><body><h1>Nakijkoverzicht {html.escape(ronde.opdracht)}</h1>",
    ]
    if not ronde.zandbak:
        delen.append(
            "<p class='waarschuwing'>Nagekeken ZONDER zandbak: de code van studenten draaide "
            "met de rechten van de docent.</p>"
        )
    n_in, n_na, n_weg = len(ronde.ingeleverd), len(ronde.nagekeken), len(ronde.geweigerd)
    klopt = n_in == n_na + n_weg
    delen.append(
        f"<p>{n_in} ingeleverd = {n_na} nagekeken (waarvan {len(ronde.hersteld)} hersteld) + "
        f"{n_weg} niet nakijkbaar: <span class='{'klopt' if klopt else 'klopt-niet'}'>"
        f"{'klopt' if klopt else 'KLOPT NIET'}</span>. Niet ingeleverd (wel in de gradebook): "
        f"{len(ronde.niet_ingeleverd)}.</p>"
    )
    nagekeken = [r for r in ronde.regels if r.student_id in set(ronde.nagekeken)]
    delen.append("<h2>Cijferverdeling (nagekeken)</h2>")
    v = verdeling([r.cijfer for r in nagekeken])
    hoogste = max(v.values()) or 1
    staven = "".join(
        f"<tr><td>{k}–{k + 1}</td><td>{n}</td>"
        f"<td><span class='bar' style='width:{20 * n / hoogste:.1f}em'></span></td></tr>"
        for k, n in v.items()
    )
    delen.append(f"<table><tr><th>cijfer</th><th>aantal</th><th></th></tr>{staven}</table>")
    delen.append("<h2>Moeilijkheid per vraag</h2>")
    rijen = []
    for vraag in ronde.vragen:
        scores = [r.per_vraag.get(vraag) for r in nagekeken]
        ingevuld = [s for s in scores if s is not None]
        maximum = max((s for s in ingevuld), default=0.0)
        gem = sum(ingevuld) / len(ingevuld) if ingevuld else None
        rijen.append(
            [
                vraag,
                nl(gem) if gem is not None else "nog niet beoordeeld",
                str(sum(1 for s in ingevuld if maximum and s >= maximum)),
                str(sum(1 for s in ingevuld if s == 0)),
                str(len(scores) - len(ingevuld)),
            ]
        )
    delen.append(
        _tabel(["vraag", "gemiddelde punten", "hoogste score", "nul punten", "open"], rijen)
    )
    teller = hints_per_denkfout(root, ronde.opdracht, ronde.nagekeken)
    delen.append("<h2>Denkfouten (hoe vaak de hint verscheen, per student)</h2>")
    delen.append(
        _tabel(
            ["denkfout", "studenten", "hint"],
            [[k, str(n), HINTS[k][:120]] for k, n in teller.most_common()],
        )
        if teller
        else "<p>Geen bekende denkfout herkend.</p>"
    )
    bijzonder = [r for r in ronde.regels if _bijzonder(r.status, r.reden)]
    delen.append("<h2>Hersteld, niet nakijkbaar of met een opmerking</h2>")
    delen.append(
        _tabel(
            ["student", "status", "reden"],
            [[r.student_id, r.status, r.reden] for r in bijzonder],
        )
    )
    traag = sorted(
        (u for u in ronde.uitslagen.values() if u.duur), key=lambda u: u.duur, reverse=True
    )[:5]
    delen.append("<h2>Traagste inleveringen</h2>")
    delen.append(
        _tabel(["student", "seconden"], [[u.student, nl(round(u.duur, 1))] for u in traag])
    )
    delen.append("</body></html>")
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text("\n".join(delen), encoding="utf-8")
    return pad

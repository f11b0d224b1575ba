"""De NPS-staaf als HTML: wat ``grafieken.nps_staaf`` tekent, zonder matplotlib.

Een widget moet antwoorden zo snel als een student typt. Een matplotlib-figuur bouwen en
als PNG opslaan kost rond de 100 ms per update; deze HTML-staaf een fractie van een
milliseconde. Hij toont hetzelfde: de NPS met foutmarge, n en het interval als kop, de
drie aandelen als gekleurde delen (met het percentage erin als het deel breed genoeg is)
en een legenda met elk percentage.

Examples
--------
>>> from klanttools.nps import analyse
>>> html = nps_staaf_html(analyse(aantallen=(90, 60, 50)))
>>> "NPS 20,0 ± 11,3 punten (n = 200)" in html and "95%-interval: 8,7 tot 31,3" in html
True
>>> [d for d in ("width:25.0000%", "width:30.0000%", "width:45.0000%") if d in html] == [
...     "width:25.0000%", "width:30.0000%", "width:45.0000%"]
True
"""

from __future__ import annotations

from html import escape

from klanttools._controle import getal_nl
from klanttools.grafieken import KLEUREN_NPS
from klanttools.nps import NPSAnalyse

__all__ = ["nps_staaf_html"]

_NAAM = {"criticaster": "Criticasters", "passief": "Passief", "promotor": "Promotors"}
_BEREIK = {"criticaster": "0–6", "passief": "7–8", "promotor": "9–10"}
_TEKST_OP_KLEUR = {"criticaster": "white", "passief": "#222", "promotor": "white"}
_MINIMUM_VOOR_LABEL = 7.0  # procent; smaller delen staan alleen in de legenda (zoals de grafiek)


def nps_staaf_html(r: NPSAnalyse) -> str:
    """Gestapelde staaf van criticasters, passief en promotors, als HTML.

    Parameters
    ----------
    r : NPSAnalyse
        De uitkomst van :func:`klanttools.nps.analyse`.

    Returns
    -------
    str
        HTML met de klassen ``kt-staaf-kop``, ``kt-staaf-deel kt-staaf-<categorie>`` en
        ``kt-staaf-legenda`` (voor browsertests).
    """
    procent = 100 * r.betrouwbaarheid
    betrouwbaarheid = getal_nl(procent, 0 if procent.is_integer() else 1)
    aandelen = {
        "criticaster": 100 * r.aandeel_criticasters,
        "passief": 100 * r.aandeel_passief,
        "promotor": 100 * r.aandeel_promotors,
    }
    delen, legenda = [], []
    for c, breedte in aandelen.items():
        tekst = f"{_NAAM[c]} ({_BEREIK[c]}): {getal_nl(breedte)}%"
        label = f"{getal_nl(breedte)}%" if breedte >= _MINIMUM_VOOR_LABEL else ""
        delen.append(
            f'<div class="kt-staaf-deel kt-staaf-{c}" title="{escape(tekst)}" '
            f'style="width:{breedte:.4f}%;background:{KLEUREN_NPS[c]};color:{_TEKST_OP_KLEUR[c]};'
            'display:flex;align-items:center;justify-content:center;font-weight:bold;overflow:hidden">'
            f"{label}</div>"
        )
        legenda.append(
            f'<span style="margin-right:14px;white-space:nowrap"><span style="display:inline-block;'
            f'width:11px;height:11px;background:{KLEUREN_NPS[c]};margin-right:4px"></span>'
            f"{escape(tekst)}</span>"
        )
    kop = (
        f"NPS {getal_nl(r.nps)} ± {getal_nl(r.foutmarge)} punten (n = {getal_nl(r.n, 0)})<br>"
        f"{betrouwbaarheid}%-interval: {getal_nl(r.ondergrens)} tot {getal_nl(r.bovengrens)}"
    )
    return (
        '<div style="max-width:640px;margin:6px 0" role="img" '
        f'aria-label="{escape(kop.replace("<br>", "; "))}">'
        f'<div class="kt-staaf-kop" style="text-align:center;font-weight:600;margin-bottom:4px">'
        f"{kop}</div>"
        '<div style="display:flex;height:34px;border-radius:4px;overflow:hidden;'
        'background:#eee">' + "".join(delen) + "</div>"
        '<div class="kt-staaf-legenda" style="margin-top:4px;font-size:0.9em">'
        + "".join(legenda)
        + "</div></div>"
    )

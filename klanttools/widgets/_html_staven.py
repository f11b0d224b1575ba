"""Staafdiagrammen als HTML voor de widgets: wat ``klanttools.grafieken`` tekent, zonder matplotlib.

Een widget moet antwoorden zo snel als een student typt. Een matplotlib-figuur bouwen en
als PNG opslaan kost 100 tot 400 ms per update; deze HTML een fractie van een
milliseconde. Ze tonen hetzelfde als de grafiek ernaast in de lessen:

- :func:`nps_staaf_html` zoals :func:`klanttools.grafieken.nps_staaf`: de NPS met
  foutmarge, n en interval als kop, de drie aandelen als gekleurde delen en een legenda;
- :func:`ranking_html` zoals :func:`klanttools.grafieken.klantrating_ranking`: de accounts
  op rang, geselecteerd of afgevallen, met het minimumtotaal als stippellijn;
- :func:`profiel_html` zoals :func:`klanttools.grafieken.strategie_profiel`: de drie
  waardestrategieën op 1–5, de dominante donker, de drempel als stippellijn.

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

import pandas as pd

from klanttools._controle import getal_nl
from klanttools.grafieken import KLEUREN_NPS, KLEUREN_SELECTIE
from klanttools.grafieken._stijl import ACCENT as _ACCENT
from klanttools.grafieken.nps import _BEREIK, _NAAM, _TEKST_OP_KLEUR
from klanttools.grafieken.strategie import KLEUR_DOMINANT, KLEUR_OVERIG, _score, profiel_titel
from klanttools.nps import NPSAnalyse
from klanttools.waardestrategie import DISCIPLINES, NAMEN, Beoordeling

__all__ = ["nps_staaf_html", "profiel_html", "ranking_html"]

_NAAM_PX, _TOTAAL_PX = 270, 64  # breedte van de namen links en de totalen rechts

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


def ranking_html(
    tabel: pd.DataFrame, *, minimum_totaal: float | None = None, max_aantal: int | None = None
) -> str:
    """Liggende staven van het gewogen totaal per account, van rang 1 naar beneden, als HTML.

    Parameters
    ----------
    tabel : pandas.DataFrame
        De uitkomst van :func:`klanttools.klantrating.klantrating` (``totaal``, ``rang``,
        ``geselecteerd``; de index is het account).
    minimum_totaal : getal, optioneel
        Tekent de minimumtotaalregel als stippellijn.
    max_aantal : int, optioneel
        Alleen de hoogste zoveel accounts.

    Examples
    --------
    >>> t = pd.DataFrame({"totaal": [72.0, 40.0], "rang": [1, 2], "geselecteerd": [True, False]},
    ...                  index=["Bakker", "Smit"])
    >>> html = ranking_html(t, minimum_totaal=50)
    >>> "1. Bakker" in html and "minimumtotaal 50" in html and "width:100.0000%" in html
    True
    """
    gesorteerd = tabel.sort_values("rang", kind="stable")
    totaal_aantal = len(gesorteerd)
    if max_aantal is not None:
        gesorteerd = gesorteerd.iloc[:max_aantal]
    totalen = [float(x) for x in gesorteerd["totaal"]]
    hoogste = max([*totalen, minimum_totaal or 0.0, 0.0]) or 1.0
    decimalen = 0 if all(float(x).is_integer() for x in totalen) else 1
    rijen = []
    for (naam, rij), totaal in zip(gesorteerd.iterrows(), totalen, strict=True):
        soort = "geselecteerd" if bool(rij["geselecteerd"]) else "afgevallen"
        breedte = 100 * max(totaal, 0.0) / hoogste
        label = escape(f"{rij['rang']}. {naam}")
        rijen.append(
            f'<div class="kt-ranking-rij kt-ranking-{soort}" style="display:flex;'
            'align-items:center;height:20px;margin:2px 0">'
            f'<div title="{label}" style="box-sizing:border-box;width:{_NAAM_PX}px;flex:none;text-align:right;padding-right:8px;'
            f'white-space:nowrap;overflow:hidden;text-overflow:ellipsis">{label}</div>'
            '<div style="flex:1;position:relative;height:14px">'
            f'<div class="kt-ranking-staaf" style="width:{breedte:.4f}%;height:100%;'
            f'background:{KLEUREN_SELECTIE[soort]}"></div></div>'
            f'<div class="kt-ranking-totaal" style="box-sizing:border-box;width:{_TOTAAL_PX}px;flex:none;padding-left:6px">'
            f"{getal_nl(totaal, decimalen)}</div></div>"
        )
    lijn = legenda_lijn = ""
    if minimum_totaal is not None:
        plek = 100 * max(minimum_totaal, 0.0) / hoogste
        # De lijn staat in het staafgebied: tussen de namen en de totalen.
        lijn = (
            '<div class="kt-ranking-minimum" style="position:absolute;top:0;bottom:0;'
            f"left:calc({_NAAM_PX}px + (100% - {_NAAM_PX + _TOTAAL_PX}px) * {plek / 100:.6f});"
            f'border-left:2px dashed {_ACCENT}"></div>'
        )
        legenda_lijn = (
            f'<span style="margin-left:14px;border-left:2px dashed {_ACCENT};padding-left:4px">'
            f"minimumtotaal {getal_nl(minimum_totaal, 0 if float(minimum_totaal).is_integer() else 2)}"
            "</span>"
        )
    titel = "Customer rating: ranglijst op totaal"
    if len(gesorteerd) < totaal_aantal:
        titel += f" (de hoogste {len(gesorteerd)} van {totaal_aantal} accounts)"
    blokje = (
        '<span style="display:inline-block;width:11px;height:11px;margin:0 4px 0 10px;'
        'background:{}"></span>'
    )
    return (
        '<div style="max-width:840px;margin:6px 0">'
        f'<div class="kt-ranking-kop" style="font-weight:600;margin-bottom:4px">{titel}</div>'
        '<div style="position:relative">' + "".join(rijen) + lijn + "</div>"
        '<div class="kt-ranking-legenda" style="margin-top:4px;font-size:0.9em">'
        + blokje.format(KLEUREN_SELECTIE["geselecteerd"])
        + "geselecteerd"
        + blokje.format(KLEUREN_SELECTIE["afgevallen"])
        + "afgevallen"
        + legenda_lijn
        + "</div>"
        '<div style="font-size:0.85em;color:#555">Gewogen totaal (som van gewicht × score)</div>'
        "</div>"
    )


def profiel_html(b: Beoordeling, *, hoogte: int = 160) -> str:
    """Drie staande staven (1–5) met de drempel als stippellijn, als HTML.

    Examples
    --------
    >>> from klanttools.waardestrategie import VOORBEELDBEDRIJVEN, beoordeel, profiel
    >>> html = profiel_html(beoordeel(profiel(VOORBEELDBEDRIJVEN["Vormkracht Labs"].antwoorden)))
    >>> "product leadership leidt duidelijk" in html and "2,4 onder drempel" in html
    True
    """
    staven = []
    for d in DISCIPLINES:
        s = float(b.profiel[d])
        onder = not b.drempel_gehaald[d]
        kleur = KLEUR_DOMINANT if d == b.dominant else KLEUR_OVERIG
        label = _score(s) + (" onder drempel" if onder else "")
        hoog = 100 * (s - 1) / 4
        staven.append(
            f'<div class="kt-profiel-kolom kt-profiel-{d}" style="flex:1;position:relative;'
            'height:100%">'
            f'<div class="kt-profiel-staaf" style="position:absolute;left:20%;width:60%;bottom:0;'
            f'height:{hoog:.4f}%;background:{kleur}"></div>'
            f'<div class="kt-profiel-waarde" style="position:absolute;left:0;right:0;'
            f"bottom:calc({hoog:.4f}% + 2px);text-align:center;font-weight:bold;"
            f'color:{_ACCENT if onder else "#262626"}">{label}</div></div>'
        )
    namen = "".join(
        f'<div style="flex:1;text-align:center;font-size:0.9em;line-height:1.3" '
        f'title="{escape(NAMEN[d])}">{escape(NAMEN[d].split(" (")[0])}</div>'
        for d in DISCIPLINES
    )
    drempel = (
        '<div class="kt-profiel-drempel" style="position:absolute;left:0;right:0;'
        f'bottom:{100 * (float(b.drempel) - 1) / 4:.4f}%;border-top:2px dashed {_ACCENT}"></div>'
    )
    titel = escape(profiel_titel(b)).replace("\n", "<br>")
    legenda = (
        f'<span style="display:inline-block;width:11px;height:11px;background:{KLEUR_DOMINANT};'
        'margin-right:4px"></span>dominante strategie '
        if b.dominant is not None
        else ""
    )
    return (
        '<div style="max-width:560px;margin:6px 0">'
        f'<div class="kt-profiel-kop" style="text-align:center;font-weight:600;line-height:1.4">'
        f"{titel}</div>"
        f'<div style="position:relative;height:{hoogte}px;display:flex;'
        'border-bottom:1px solid #999;border-left:1px solid #999;margin-top:28px">'
        + "".join(staven)
        + drempel
        + "</div>"
        + f'<div style="display:flex">{namen}</div>'
        + '<div class="kt-profiel-legenda" style="font-size:0.9em;margin-top:4px">'
        + legenda
        + f'<span style="border-left:2px dashed {_ACCENT};padding-left:4px;margin-left:10px">'
        f"drempel {_score(float(b.drempel))}</span> · schaal van 1 (onderaan) tot 5</div></div>"
    )

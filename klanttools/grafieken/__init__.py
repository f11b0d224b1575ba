"""Grafieken van de kit: gegevens erin, een matplotlib-figuur eruit.

Elke functie krijgt een uitkomst van de rekenkern (of ruwe scores) en geeft een
:class:`matplotlib.figure.Figure` terug, met Nederlandse titels, aslabels en
getallen (komma als decimaalteken). De figuren worden gemaakt zonder
``pyplot``: er springt geen venster open en er blijven geen figuren hangen. In
een notebook toont de laatste regel van een cel de figuur; ``als_png`` maakt er
PNG-bytes van, bijvoorbeeld voor ``ipywidgets.Image``.

Geef ``ax=`` mee om in bestaande assen te tekenen (bijvoorbeeld een subplot);
de functie geeft dan de figuur van die assen terug. Het seaborn-thema geldt
alleen tijdens het tekenen: de globale ``matplotlib.rcParams`` veranderen niet.

=====================  ==============================================================
functie                toont
=====================  ==============================================================
nps_verdeling          de scores 0–10 als staven, gekleurd per categorie, met NPS en n
nps_staaf              de aandelen criticasters / passief / promotors in één staaf
nps_intervallen        de NPS per groep of meting met het betrouwbaarheidsinterval
klantrating_ranking    de accounts op volgorde van totaal, geselecteerd of afgevallen
klantgroepen_matrix    Partner, Vriend, Economicus en Dog in een spreidingsdiagram
abc_curve              de Pareto-curve van een ABC-analyse met de klassegrenzen
strategie_profiel      de drie waardestrategieën op 1–5 met drempel en dominante keuze
funnel                 de sales funnel met de conversie per stap
aandelen_per_periode   aandelen (%) per periode als lijnen, bijvoorbeeld omzet per kanaal
dmu_kaart              klantenteam, DMU-leden en rollen: wie spreekt wie, welke rol is gedekt
als_png                een figuur als PNG-bytes
=====================  ==============================================================

Examples
--------
>>> from klanttools.grafieken import nps_verdeling, als_png
>>> fig = nps_verdeling([10, 9, 8, 3])
>>> fig.axes[0].get_ylabel()
'Aantal antwoorden'
>>> als_png(fig)[:4]
b'\\x89PNG'
"""

from klanttools.grafieken._stijl import (
    KLEUREN_ABC,
    KLEUREN_KLANTGROEPEN,
    KLEUREN_NPS,
    KLEUREN_SELECTIE,
    als_png,
    stijl,
)
from klanttools.grafieken.klantgroepen import abc_curve, klantgroepen_matrix
from klanttools.grafieken.klantrating import klantrating_ranking
from klanttools.grafieken.mensen import dmu_kaart
from klanttools.grafieken.nps import nps_intervallen, nps_staaf, nps_verdeling
from klanttools.grafieken.processen import funnel
from klanttools.grafieken.strategie import strategie_profiel
from klanttools.grafieken.technologie import aandelen_per_periode

__all__ = [
    "KLEUREN_ABC",
    "KLEUREN_KLANTGROEPEN",
    "KLEUREN_NPS",
    "KLEUREN_SELECTIE",
    "aandelen_per_periode",
    "abc_curve",
    "als_png",
    "dmu_kaart",
    "funnel",
    "klantgroepen_matrix",
    "klantrating_ranking",
    "nps_intervallen",
    "nps_staaf",
    "nps_verdeling",
    "stijl",
    "strategie_profiel",
]

"""Interactieve widgets voor de lessen: dunne ipywidgets-schermen over de rekenkern.

Elke widget is een ``ipywidgets.VBox`` die je in een notebook als laatste regel van
een cel toont. De invoer (schuifregelaars, tekstvakken, keuzelijsten) en de huidige
uitkomst zijn gewone attributen, zodat een docent of een test de widget ook vanuit
code kan bedienen door ``.value`` te zetten. De widgets rekenen zelf niets uit: ze
lezen de invoer, roepen een functie uit de rekenkern aan en tonen de uitkomst. Foute
invoer geeft een Nederlandse melding in de widget; de vorige uitkomst blijft staan.

- :class:`NPSCalculator`: NPS, foutmarge, vergelijken en "een 8 is passief"
- :class:`Klantrating`: gewichten, cut-offregels, klantgroepen en ABC-analyse
- :class:`StrategieFit`: waardestrategie en de fit van CRM
- :class:`DmuKaart`: rollen in de DMU van de klant, het klantenteam eraan koppelen, de gaten

``import klanttools`` laadt deze module niet; importeer hem zelf.

Examples
--------
>>> from klanttools.widgets import NPSCalculator
>>> calc = NPSCalculator()
>>> calc.passief.value = 100
>>> print(calc.resultaat.samenvatting())
NPS 16,7 (n = 240; 95%-interval 7,2 tot 26,1; foutmarge ±9,4 punten)
"""

from klanttools.widgets.dmu_kaart import DmuKaart
from klanttools.widgets.klantrating import Klantrating
from klanttools.widgets.nps_calculator import NPSCalculator
from klanttools.widgets.strategie_fit import StrategieFit

__all__ = ["DmuKaart", "Klantrating", "NPSCalculator", "StrategieFit"]

"""Zelftoets bij les 1, *De klant centraal* (``notebooks/01-de-klant.ipynb``).

Hier staan de controlevragen van het notebook, met de goede antwoorden en de tips: per
leerdoel (1 bedrijfskolom, 2 klantrelatiecyclus, 3 suspect/lead/prospect, 4 de vijf
begrippen, 5 tevredenheid, customer delight, rechten en plichten) minstens één vraag.
Spieken kan, maar probeer het eerst zelf: daar leer je van.

Examples
--------
>>> controleer("b2b", None)
Nog niet ingevuld. Zet je antwoord op de plek van None en voer de cel opnieuw uit.
>>> controleer("situatie_4", "New business development")
Nog niet goed. Is dit bedrijf al klant, of nog niet? ...
>>> controleer("delight", "A")
Nog niet goed. Op tijd leveren zoals afgesproken is een plicht van de leverancier: ...
"""

from __future__ import annotations

from klanttools.nakijken import Zelftoets

__all__ = ["controleer", "toets"]


toets = Zelftoets("les 1 — De klant centraal")
"""Alle controlevragen van les 1 op sleutel."""

# 1. De bedrijfskolom
toets.vraag(
    "bedrijfskolom",
    "DGBFAEC",
    tip="Begin bij wie de grondstof uit de natuur haalt en eindig bij wie het product gebruikt.",
    bekende_fouten={
        "DGBFEAC": "Bijna! De groothandel koopt in het groot en levert aan de winkels; "
        "de detailhandel verkoopt daarna aan de consument.",
        "DBGFAEC": "Bijna! De handelsbedrijven handelen in grondstoffen. Ze komen direct na "
        "de oerproducenten, nog voordat iets bewerkt wordt.",
    },
)
toets.vraag("b2b", 5, tip="Tel in de uitvoer hierboven hoe vaak er B2B staat.")

# 2. Wie is de klant? (suspect → lead → prospect, de afspraak van de kit)
toets.vraag("situatie_1", "suspect", tip="Is er al contact geweest? Kijk in de tabel.")
toets.vraag("situatie_2", "prospect", tip="Er is een concrete vraag. Kijk in de tabel.")
toets.vraag(
    "situatie_3",
    "lead",
    tip="Er is belangstelling, maar nog geen concrete vraag. Kijk in de tabel.",
)
toets.vraag(
    "situatie_4",
    "accountmanagement",
    tip="Is dit bedrijf al klant, of nog niet? Antwoord met "
    "'new business development' of 'accountmanagement'.",
)

# 3. Vijf begrippen rond de klant
toets.vraag("begrip_1", "klantinzicht", tip="Hier wordt informatie over klanten verzameld.")
toets.vraag("begrip_2", "klantvriendelijkheid", tip="Het gaat om de omgang met de klant.")
toets.vraag(
    "begrip_3",
    "klantgerichtheid",
    tip="Het gaat om de inrichting van de hele organisatie.",
    bekende_fouten={
        "klantvriendelijkheid": "Er wordt hier niet vriendelijk gedaan, maar ingericht."
    },
)

# 4. Tevredenheid: de functie oordeel(belofte, geleverd) uit het notebook
toets.vraag(
    "oordeel",
    "aangenaam verrast",
    tip="Roep de functie aan met oordeel(5, 4): eerst de belofte, dan de werkelijke levertijd.",
    bekende_fouten={
        "teleurgesteld": "Vier werkdagen is sneller dan de beloofde vijf. Gaf je de belofte en de "
        "levertijd in de omgekeerde volgorde mee?"
    },
)
toets.vraag(
    "delight",
    "B",
    tip="Customer delight is meer dan doen wat je beloofde: verwachtingen overtreffen, met "
    "persoonlijke aandacht.",
    bekende_fouten={
        "A": "Op tijd leveren zoals afgesproken is een plicht van de leverancier: dan is de klant "
        "tevreden, maar niet verrast.",
        "C": "Korting voor iedereen is niet persoonlijk en overtreft geen verwachting.",
    },
)
toets.vraag(
    "plicht_melden",
    "klant",
    tip="Kijk in de tabel met rechten en plichten: in welke kolom staat 'fouten en onjuistheden "
    "melden'?",
)

controleer = toets.controleer
"""Kijk een antwoord na: ``controleer("b2b", aantal_b2b)``. Zie :meth:`Zelftoets.controleer`."""

"""Zelftoetsen per les: de controlevragen uit de lesnotebooks, met goede antwoorden en tips.

Elke les heeft één module ``lesNN`` met een :class:`~klanttools.nakijken.Zelftoets`
(``toets``) en de functie ``controleer(vraag, antwoord)`` die het lesnotebook importeert:

.. code-block:: python

    from klanttools.zelftoetsen.les01 import controleer

    controleer("b2b", aantal_b2b)

De zelftoetsen tellen niet mee voor een cijfer: een fout antwoord geeft een tip, nooit
een foutmelding. Voor opdrachten met een cijfer gebruik je de controles uit
:mod:`klanttools.nakijken` in nbgrader (``exercises/``).

- :mod:`klanttools.zelftoetsen.les01` — les 1, *De klant centraal*
  (``notebooks/01-de-klant.ipynb``)
- :mod:`klanttools.zelftoetsen.les02` — les 2, *De klant meten: de Net Promoter Score*
  (``notebooks/02-nps-meten.ipynb``)
- :mod:`klanttools.zelftoetsen.les03` — les 3, *Strategie: welke waarde levert een bedrijf?*
  (``notebooks/03-strategie.ipynb``)
- :mod:`klanttools.zelftoetsen.les04` — les 4, *Technologie: klantinzicht uit data*
  (``notebooks/04-technologie.ipynb``)
- :mod:`klanttools.zelftoetsen.les05` — les 5, *Processen: van suspect tot Partner*
  (``notebooks/05-processen.ipynb``)
- :mod:`klanttools.zelftoetsen.les06` — les 6, *Mensen: het klantenteam en de DMU van de klant*
  (``notebooks/06-mensen.ipynb``)
"""

__all__: list[str] = []

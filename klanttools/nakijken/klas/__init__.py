"""Een klas nakijken waar een school op kan vertrouwen: ``python -m klanttools.nakijken klas OPDRACHT``.

Eén commando in de nbgrader-cursusmap. Het gebruikt nbgraders eigen nakijkmotor en
gradebook, met daaromheen:

- :mod:`~klanttools.nakijken.klas.voorcontrole` — herstellen op een kopie, quarantaine,
  weigeren met een Nederlandse reden (``submitted/`` blijft onaangeroerd);
- :mod:`~klanttools.nakijken.klas.sandbox` en :mod:`~klanttools.nakijken.klas.kernel` —
  elke kernel in bubblewrap: alleen een wegwerpkopie van de eigen map, geen netwerk,
  grenzen aan rekentijd, wandtijd, geheugen en uitvoer;
- :mod:`~klanttools.nakijken.klas.uitvoeren` — werkprocessen naast elkaar op dezelfde
  gradebook, hervatbaar;
- :mod:`~klanttools.nakijken.klas.verloop` — de ronde: wie, in welke volgorde, en de
  cijferregels (niemand raakt zoek);
- :mod:`~klanttools.nakijken.klas.cijfers` — cijfer 1–10 met cesuur en afronding, het
  cijferbestand en importbestanden voor Brightspace en Canvas;
- :mod:`~klanttools.nakijken.klas.terugkoppeling` en
  :mod:`~klanttools.nakijken.klas.rapport` — feedback voor geweigerde studenten en het
  overzicht voor de docent;
- :mod:`~klanttools.nakijken.klas.opdrachtregel` — de opdrachtregel zelf.
"""

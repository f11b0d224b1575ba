"""Synthetische cursusdatasets van klanttools (geïnstalleerd als ``klanttools._data``).

Deze map bevat de CSV-bestanden, het woordenboek ``README.md`` en het script
``maak_datasets.py`` dat de bestanden maakt. Laad een dataset met
``klanttools.datasets.laad(naam)``; dit bestand maakt van de map alleen een
pakket, zodat ``importlib.resources`` de bestanden na installatie terugvindt.
"""

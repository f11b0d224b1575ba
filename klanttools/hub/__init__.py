"""De cursus op één server: JupyterHub met nbgraders exchange, veilig ingesteld.

- :mod:`klanttools.hub.exchange`: de mappen en modi van een veilige exchange, en de
  eigenaarscontrole van een inlevering;
- :mod:`klanttools.hub.nbgrader_exchange`: nbgraders exchange-klassen met die regels;
- :mod:`klanttools.hub.gebruikers`: Unix-gebruikers met een privé thuismap (0700);
- ``python -m klanttools.hub``: de opdrachtregel die ``deploy/installeer.sh`` gebruikt.

De serverconfiguratie zelf (JupyterHub, systemd, Kubernetes) staat in ``deploy/``.
"""

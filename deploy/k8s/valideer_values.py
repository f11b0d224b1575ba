"""Controleer deploy/k8s/values.yaml tegen het schema van de Zero to JupyterHub-chart.

Zoals Helm dat doet: de standaardwaarden van de chart (``jupyterhub/values.yaml``) samengevoegd
met deze values, en dat geheel tegen ``jupyterhub/values.schema.yaml``. Geef de map van een
checkout van https://github.com/jupyterhub/zero-to-jupyterhub-k8s::

    python deploy/k8s/valideer_values.py /pad/naar/zero-to-jupyterhub-k8s

Exitcode 0: geldig; 1: ongeldig (met de plek en de reden).
"""

from __future__ import annotations

import sys
from pathlib import Path

import jsonschema
import yaml

HIER = Path(__file__).resolve().parent


def samengevoegd(basis: dict, eigen: dict) -> dict:
    """Voeg ``eigen`` in ``basis`` (zoals Helm: woordenboeken per sleutel, de rest vervangt).

    >>> samengevoegd({"a": {"b": 1, "c": 2}, "d": [1]}, {"a": {"b": 3}, "d": [2]})
    {'a': {'b': 3, 'c': 2}, 'd': [2]}
    """
    uit = dict(basis)
    for sleutel, waarde in eigen.items():
        if isinstance(waarde, dict) and isinstance(uit.get(sleutel), dict):
            uit[sleutel] = samengevoegd(uit[sleutel], waarde)
        else:
            uit[sleutel] = waarde
    return uit


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    chart = Path(argv[0]) / "jupyterhub"
    schema = yaml.safe_load((chart / "values.schema.yaml").read_text(encoding="utf-8"))
    standaard = yaml.safe_load((chart / "values.yaml").read_text(encoding="utf-8"))
    eigen = yaml.safe_load((HIER / "values.yaml").read_text(encoding="utf-8"))
    fouten = sorted(
        jsonschema.Draft7Validator(schema).iter_errors(samengevoegd(standaard, eigen)),
        key=lambda f: list(f.path),
    )
    for fout in fouten:
        print(f"{'.'.join(map(str, fout.path)) or '(hoofdniveau)'}: {fout.message}")
    if not fouten:
        print(f"values.yaml is geldig volgens {chart / 'values.schema.yaml'}.")
    return 1 if fouten else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

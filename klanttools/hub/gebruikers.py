"""Unix-gebruikers voor de hub: een privé thuismap en lid van de juiste groep.

Debian en Ubuntu maken thuismappen vaak 0755: dan leest elke student de notebooks van
de anderen, en de modeloplossingen en het cijferbestand van de docent. Hier krijgt elke
thuismap 0700.

Examples
--------
>>> THUISMAP_MODUS == 0o700
True
"""

from __future__ import annotations

import grp
import pwd
import subprocess
from pathlib import Path

__all__ = ["THUISMAP_MODUS", "maak_gebruiker", "zorg_voor_groep"]

THUISMAP_MODUS = 0o700


def zorg_voor_groep(groep: str) -> None:
    """Maak de groep als hij nog niet bestaat."""
    try:
        grp.getgrnam(groep)
    except KeyError:
        subprocess.run(["groupadd", groep], check=True)


def maak_gebruiker(naam: str, groep: str, wachtwoord: str | None = None) -> Path:
    """Maak (of herstel) een gebruiker met een privé thuismap; geef de thuismap.

    Een bestaande gebruiker wordt lid van ``groep`` en krijgt een thuismap met 0700.
    """
    zorg_voor_groep(groep)
    try:
        pwd.getpwnam(naam)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", naam], check=True)
    subprocess.run(["usermod", "--append", "--groups", groep, naam], check=True)
    if wachtwoord is not None:
        subprocess.run(["chpasswd"], input=f"{naam}:{wachtwoord}\n", text=True, check=True)
    thuis = Path(pwd.getpwnam(naam).pw_dir)
    thuis.chmod(THUISMAP_MODUS)
    return thuis

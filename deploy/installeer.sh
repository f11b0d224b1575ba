#!/usr/bin/env bash
# Zet de cursus Inleiding Sales op een verse Debian- of Ubuntu-server: JupyterHub met een
# veilige nbgrader-exchange. Draai als root vanuit de map van de kit:
#
#   sudo deploy/installeer.sh                         # installeren (of bijwerken)
#   sudo deploy/installeer.sh studenten studenten.csv # studenten toevoegen (naam,wachtwoord)
#
# Instellingen (optioneel, als omgevingsvariabele): DOCENT (docent), CURSUS (inleiding-sales),
# POORT (8000), EXCHANGE (/srv/nbgrader/exchange). Zie deploy/README.md.
set -euo pipefail

KIT_BRON="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX=/opt/klanttools
KIT="$PREFIX/kit"
VENV="$PREFIX/venv"
STAAT=/var/lib/klanttools-hub
ETC=/etc/klanttools
DOCENT="${DOCENT:-docent}"
CURSUS="${CURSUS:-inleiding-sales}"
POORT="${POORT:-8000}"
EXCHANGE="${EXCHANGE:-/srv/nbgrader/exchange}"
DOCENTEN=docenten
STUDENTEN=studenten

meld() { printf '[klanttools] %s\n' "$*"; }
stop() { printf '[klanttools] FOUT: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || stop "draai dit script als root (sudo deploy/installeer.sh)."

studenten_toevoegen() {
    local csv="$1"
    [ -f "$csv" ] || stop "bestand niet gevonden: $csv (verwacht: naam,wachtwoord per regel)."
    [ -x "$VENV/bin/python" ] || stop "installeer eerst de server: sudo deploy/installeer.sh"
    local regel=0 naam wachtwoord
    while IFS=, read -r naam wachtwoord || [ -n "$naam" ]; do
        regel=$((regel + 1))
        naam="${naam//[$'\r ']/}"; wachtwoord="${wachtwoord//$'\r'/}"
        if [ "$regel" -eq 1 ] && [ "$naam" = "naam" ]; then continue; fi
        [ -z "$naam" ] && continue
        if ! [[ "$naam" =~ ^[a-z][a-z0-9_-]{0,31}$ ]]; then
            stop "regel $regel: '$naam' is geen geldige gebruikersnaam (kleine letters, cijfers, - of _; begint met een letter, bijvoorbeeld s500123)."
        fi
        [ -n "$wachtwoord" ] || stop "regel $regel: geen wachtwoord voor $naam."
        printf '%s\n' "$wachtwoord" | "$VENV/bin/python" -m klanttools.hub gebruiker "$naam" \
            --groep "$STUDENTEN" --wachtwoord-stdin
    done < "$csv"
}

if [ "${1:-}" = "studenten" ]; then
    studenten_toevoegen "${2:?geef het csv-bestand: deploy/installeer.sh studenten studenten.csv}"
    exit 0
fi

meld "pakketten (apt): python3-venv ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends python3 python3-venv python3-dev libpam0g \
    build-essential ca-certificates >/dev/null

meld "kit naar $KIT (zonder .venv en .git) ..."
install -d -m 0755 "$PREFIX" "$KIT"
tar -C "$KIT_BRON" --exclude=.venv --exclude=.git --exclude='__pycache__' -cf - . | tar -C "$KIT" -xf -
chown -R root:root "$KIT"
chmod -R u=rwX,go=rX "$KIT"

meld "virtuele omgeving $VENV met klanttools[hub] (JupyterLab, nbgrader, JupyterHub) ..."
# Altijd de Python van het systeem (apt), niet een pyenv- of conda-Python uit root's PATH:
# die staat vaak in /root, en daar kunnen studenten niet bij.
[ -x "$VENV/bin/python" ] || /usr/bin/python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q "$KIT[hub]"

meld "studentversie (lessen en data voor elke nieuwe student) ..."
rm -rf "$PREFIX/studentenversie" "$PREFIX/studentenversie.zip"
"$VENV/bin/python" -m klanttools.studentenversie "$KIT" "$PREFIX/studentenversie"
chmod -R u=rwX,go=rX "$PREFIX/studentenversie"

meld "groepen en docent ($DOCENT) ..."
"$VENV/bin/python" -m klanttools.hub gebruiker "$DOCENT" --groep "$DOCENTEN"
getent group "$STUDENTEN" >/dev/null || groupadd "$STUDENTEN"
# Nieuwe thuismappen voortaan privé (Debian en Ubuntu maken ze vaak 0755).
if grep -q '^#\?HOME_MODE' /etc/login.defs; then
    sed -i 's/^#\?HOME_MODE.*/HOME_MODE\t0700/' /etc/login.defs
else
    printf 'HOME_MODE\t0700\n' >> /etc/login.defs
fi

meld "exchange $EXCHANGE (veilig: geen 0777) ..."
"$VENV/bin/python" -m klanttools.hub exchange --root "$EXCHANGE" --cursus "$CURSUS" \
    --docent "$DOCENT" --groep "$DOCENTEN"

CURSUSMAP="$(getent passwd "$DOCENT" | cut -d: -f6)/$CURSUS"
if [ ! -d "$CURSUSMAP" ]; then
    meld "cursusmap $CURSUSMAP (kopie van exercises/) ..."
    cp -a "$KIT/exercises" "$CURSUSMAP"
    chown -R "$DOCENT:$DOCENT" "$CURSUSMAP"
fi

meld "instellingen $ETC/hub.env en systemd-unit ..."
install -d -m 0700 "$STAAT"
install -d -m 0755 "$ETC"
cat > "$ETC/hub.env" <<ENV
KLANTTOOLS_KIT=$KIT
KLANTTOOLS_VENV=$VENV
KLANTTOOLS_CURSUS=$CURSUS
KLANTTOOLS_DOCENT=$DOCENT
KLANTTOOLS_DOCENTEN_GROEP=$DOCENTEN
KLANTTOOLS_STUDENTEN_GROEP=$STUDENTEN
KLANTTOOLS_CURSUSMAP=$CURSUSMAP
KLANTTOOLS_EXCHANGE=$EXCHANGE
KLANTTOOLS_HUB_POORT=$POORT
KLANTTOOLS_HUB_STAAT=$STAAT
ENV
install -m 0644 "$KIT/deploy/klanttools-hub.service" /etc/systemd/system/klanttools-hub.service
systemctl daemon-reload
systemctl enable --now klanttools-hub.service
systemctl restart klanttools-hub.service

"$VENV/bin/python" -m klanttools.hub controleer --root "$EXCHANGE" --cursus "$CURSUS"
meld "klaar. Zet een wachtwoord voor de docent (passwd $DOCENT), voeg studenten toe"
meld "(sudo deploy/installeer.sh studenten studenten.csv) en open http://<server>:$POORT/"

#!/bin/sh
# Unpacks Debian language packs that bench/langid_eval.py reads as text in
# languages whose own message catalogues on a Debian system are few (Urdu,
# Burmese, Amharic, Kazakh, Persian, Marathi). Nothing is installed: the
# packages are downloaded with apt-get and unpacked into DIR.
#
#   sh bench/langid_translations.sh DIR
#   /usr/bin/python3 bench/langid_eval.py --translations DIR
set -eu
dir=${1:?usage: langid_translations.sh DIR}
mkdir -p "$dir/debs"
cd "$dir/debs"
apt-get download firefox-esr-l10n-ur firefox-esr-l10n-my libreoffice-l10n-am \
    libreoffice-l10n-kk libreoffice-l10n-fa libreoffice-l10n-mr
for deb in ./*.deb; do
    dpkg-deb -x "$deb" "$dir"
done

#!/bin/sh
# Installs everything libsumm needs to build and test, from Debian packages
# only (nothing is downloaded at build time). Run as root on Debian 12.
#
# Another apt or dpkg (unattended-upgrades, a second shell) may hold the
# package locks: wait for it, up to LIBSUMM_APT_LOCK_WAIT seconds (default
# 600), instead of failing at once.
set -eu
export DEBIAN_FRONTEND=noninteractive

lock_wait=${LIBSUMM_APT_LOCK_WAIT:-600}
deadline=$(( $(date +%s) + lock_wait ))
errlog=$(mktemp)
trap 'rm -f "$errlog"' EXIT

# apt-get waits for dpkg's lock itself (DPkg::Lock::Timeout), but
# `apt-get update` fails at once on the lock of the package lists: retry
# any command that failed on a lock until the deadline.
apt_get() {
    told=
    while :; do
        left=$(( deadline - $(date +%s) ))
        [ "$left" -gt 0 ] || left=0
        status=0
        apt-get -o DPkg::Lock::Timeout="$left" "$@" 2>"$errlog" || status=$?
        if [ "$status" -eq 0 ] ||
            ! grep -q -e 'Could not get lock' -e 'Unable to lock' "$errlog"; then
            cat "$errlog" >&2
            return "$status"
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            cat "$errlog" >&2
            echo "install-deps: the package lock is still held after $lock_wait s; giving up" >&2
            return "$status"
        fi
        if [ -z "$told" ]; then
            echo "install-deps: another apt or dpkg holds the package lock; waiting for it" \
                "(at most $lock_wait s in all)" >&2
            told=1
        fi
        sleep 3
    done
}

apt_get update -qq
apt_get install -y -qq --no-install-recommends \
    build-essential meson ninja-build pkg-config \
    libutf8proc-dev libstemmer-dev check libjson-c-dev \
    python3 python3-dev python3-mesonpy python3-pytest python3-hypothesis python3-pip \
    python3-venv python3-dask python3-distributed \
    liblua5.4-dev lua5.4 \
    libluajit-5.1-dev luajit \
    luarocks \
    locales \
    >/dev/null
# A locale with a decimal comma, so the tests can show that option values
# read the same in every locale.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    localedef -i de_DE -f UTF-8 de_DE.UTF-8 || echo "install-deps: could not make the de_DE.UTF-8 locale" >&2
fi

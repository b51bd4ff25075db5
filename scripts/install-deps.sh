#!/bin/sh
# Installs everything libsumm needs to build and test, from Debian packages
# only (nothing is downloaded at build time). Run as root on Debian 12.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    build-essential meson ninja-build pkg-config \
    libutf8proc-dev libstemmer-dev check \
    python3 python3-dev python3-mesonpy python3-pytest python3-hypothesis python3-pip \
    liblua5.4-dev lua5.4 \
    libluajit-5.1-dev luajit \
    >/dev/null

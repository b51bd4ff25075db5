#!/bin/sh
# `meson install` into a DESTDIR gives the library, its header and its
# pkg-config file, and leaves the dynamic linker's cache alone; a real install
# (shown with --dry-run, which changes nothing) runs ldconfig when there is
# one, so that programs find the new libsumm.so without a manual ldconfig.
# Prints TAP.
#
# Usage: check_install.sh MESON BUILD_ROOT PREFIX LIBDIR
set -u
meson=$1 build=$2 prefix=$3 libdir=$4
case $libdir in /*) ;; *) libdir=$prefix/$libdir ;; esac
unset DESTDIR
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

n=0 failed=0
check() { # check NAME COMMAND...: one TAP line for the command's status
    name=$1
    shift
    n=$((n + 1))
    if "$@"; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name"
        failed=$((failed + 1))
    fi
}

staged=$("$meson" install -C "$build" --no-rebuild --destdir "$dest" 2>&1)
check "meson install --destdir succeeds" [ $? -eq 0 ]
check "the shared library is installed under the libdir" \
    sh -c 'ls "$1"/libsumm.so.[0-9]* >/dev/null 2>&1' sh "$dest$libdir"
check "the header is installed" test -f "$dest$prefix/include/libsumm/summ.h"
check "the pkg-config file is installed" test -f "$dest$libdir/pkgconfig/libsumm.pc"

ldconfig=$(command -v ldconfig || { [ -x /sbin/ldconfig ] && echo /sbin/ldconfig; } ||
    { [ -x /usr/sbin/ldconfig ] && echo /usr/sbin/ldconfig; })
if [ -n "$ldconfig" ] && [ "$(uname -s)" = Linux ]; then
    check "a DESTDIR install does not run ldconfig" \
        sh -c 'printf "%s\n" "$1" | grep "Skipping custom install script because DESTDIR" |
            grep -q ldconfig' sh "$staged"
    planned=$("$meson" install -C "$build" --no-rebuild --dry-run 2>&1)
    check "an install into the prefix runs ldconfig" \
        sh -c 'printf "%s\n" "$1" | grep "Running custom install script" | grep -q ldconfig' \
        sh "$planned"
else
    n=$((n + 1))
    echo "ok $n - an install into the prefix runs ldconfig # SKIP no ldconfig on this system"
fi

echo "1..$n"
[ "$failed" -eq 0 ] || printf '%s\n' "$staged" | sed 's/^/# /'
exit $((failed > 0))

#!/bin/sh
# scripts/install-deps.sh against a stand-in apt-get: it waits for a package
# lock held by another apt instead of failing at once, gives up once its time
# is over, stops at once on any other error, and installs what the README's
# commands need. Prints TAP.
#
# Usage: check_install_deps.sh SOURCE_ROOT
set -u
script=$1/scripts/install-deps.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The stand-in logs its arguments and fails on the lock while the counter in
# $work/locked is above zero; with $work/broken it fails as for a missing
# package.
mkdir "$work/bin"
cat >"$work/bin/apt-get" <<'FAKE'
#!/bin/sh
echo "$*" >>"$FAKE_APT/calls"
if [ -f "$FAKE_APT/broken" ]; then
    echo "E: Unable to locate package nothing-like-this" >&2
    exit 100
fi
left=$(cat "$FAKE_APT/locked")
if [ "$left" -gt 0 ]; then
    echo $((left - 1)) >"$FAKE_APT/locked"
    echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 1 (apt-get)" >&2
    exit 100
fi
FAKE
chmod +x "$work/bin/apt-get"

n=0 failed=0
check() { # check NAME COMMAND...
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

run() { # run LOCKED_CALLS WAIT_SECONDS: install-deps.sh with the stand-in
    rm -f "$work/calls"
    echo "$1" >"$work/locked"
    FAKE_APT=$work PATH=$work/bin:$PATH LIBSUMM_APT_LOCK_WAIT=$2 \
        sh "$script" >"$work/out" 2>&1
}

run 1 600
check "a lock held for a while: install-deps waits and succeeds" [ $? -eq 0 ]
check "it says that it waits for the lock" grep -q "waiting for it" "$work/out"
check "it retries the locked update, then installs" \
    [ "$(grep -c '^' "$work/calls")" -eq 3 ]
check "apt-get itself waits for dpkg's lock" grep -q "DPkg::Lock::Timeout=" "$work/calls"
for pkg in python3-venv luarocks meson python3-pytest; do
    check "it installs $pkg" sh -c 'grep " install " "$1" | tr " " "\n" | grep -qx "$2"' \
        sh "$work/calls" "$pkg"
done

start=$(date +%s)
run 1000 1
check "a lock that stays held: install-deps gives up" [ $? -ne 0 ]
check "it says that it gave up" grep -q "giving up" "$work/out"
check "it gives up once its time is over" [ $(( $(date +%s) - start )) -lt 30 ]

touch "$work/broken"
run 0 600
check "any other apt error fails at once" [ $? -ne 0 ]
check "without a retry" [ "$(grep -c '^' "$work/calls")" -eq 1 ]

echo "1..$n"
[ "$failed" -eq 0 ] || sed 's/^/# /' "$work/out"
exit $((failed > 0))

#!/bin/sh
# The LuaRocks build, as the README gives it: `luarocks --lua-version V make`
# in a copy of the sources, offline (any download fails), into a temporary
# tree. The module must load and run the README's Lua example, and every
# file the build writes into the sources must be ignored by git. Prints TAP.
#
# Usage: check_rock.sh SOURCE_ROOT LUA_VERSION LUA_INTERPRETER
set -u
unset LUA_CPATH_5_4 LUA_CPATH_5_3 LUA_CPATH_5_2 LUA_INIT LUA_INIT_5_4 LUA_INIT_5_3 LUA_INIT_5_2
root=$1 version=$2 lua=$3
if ! command -v luarocks >/dev/null 2>&1; then
    echo "1..0 # SKIP luarocks is not installed"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$work/src
mkdir "$src"
cp -R "$root/libsumm" "$root/include" "$root/bindings" "$root/examples" "$root/README.md" "$src/"
(cd "$src" && find . -type f | sort) >"$work/before"

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

# A proxy on the discard port makes every download fail at once.
(cd "$src" && HOME=$work http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
    luarocks --lua-version "$version" --tree "$work/tree" \
        make bindings/lua/libsumm-scm-1.rockspec) >"$work/log" 2>&1
check "luarocks --lua-version $version make succeeds offline" [ $? -eq 0 ]

# The README's Lua example, run from the root of the sources.
sed -n '/^## Lua$/,/^## /p' "$src/README.md" |
    sed -n '/^```lua$/,/^```$/p' | sed '/^```/d' >"$work/example.lua"
check "the README has a Lua example" [ -s "$work/example.lua" ]
(cd "$src" && LUA_CPATH="$work/tree/lib/lua/$version/?.so" \
    "$lua" "$work/example.lua") >"$work/example.out" 2>&1
check "the README's Lua example runs with the rock" [ $? -eq 0 ]

(cd "$src" && find . -type f | sort) >"$work/after"
comm -13 "$work/before" "$work/after" | sed 's|^\./||' >"$work/written"
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$root" check-ignore --no-index --stdin <"$work/written" | sort >"$work/ignored"
    check "git ignores every file the build writes into the sources" \
        cmp -s "$work/written" "$work/ignored"
    [ "$failed" -eq 0 ] || comm -23 "$work/written" "$work/ignored" | sed 's/^/# not ignored: /'
else
    n=$((n + 1))
    echo "ok $n - git ignores every file the build writes # SKIP not a git checkout"
fi

echo "1..$n"
[ "$failed" -eq 0 ] || tail -n 20 "$work/log" "$work/example.out" | sed 's/^/# /'
exit $((failed > 0))

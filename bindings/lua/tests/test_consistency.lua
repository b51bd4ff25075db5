-- Checks what can drift apart: the rockspec builds what meson builds (the
-- same C sources and version header), the README documents every
-- function, method, metamethod and option of the module, and the module
-- takes its option names from the library's table. Prints TAP.
--
-- Usage: lua test_consistency.lua SOURCE_ROOT PATH/TO/generated/version.h

local ROOT, VERSION_H = arg[1], arg[2]
local ROCKSPEC = ROOT .. "/bindings/lua/libsumm-scm-1.rockspec"

local function read_file(path)
    local f = assert(io.open(path, "rb"))
    local data = f:read("*a")
    f:close()
    return data
end

-- A rockspec is a Lua chunk that sets globals; run it in an empty table.
local function load_rockspec(path)
    local env = {}
    local chunk
    if setfenv then
        chunk = assert(loadfile(path))
        setfenv(chunk, env)
    else
        chunk = assert(loadfile(path, "t", env))
    end
    chunk()
    return env
end

local results = {}
local function check(cond, name, diag)
    results[#results + 1] = { ok = cond, name = name, diag = diag }
end

local ok, spec = pcall(load_rockspec, ROCKSPEC)
check(ok, "the rockspec is valid Lua", not ok and tostring(spec) or nil)
if ok then
    check(spec.package == "libsumm" and spec.version == "scm-1", "package libsumm, version scm-1")
    local ext = spec.external_dependencies or {}
    check(ext.UTF8PROC ~= nil and ext.STEMMER ~= nil, "external dependencies UTF8PROC and STEMMER")

    local module = spec.build and spec.build.type == "builtin" and spec.build.modules
        and spec.build.modules.libsumm
    check(module ~= nil, "a builtin module named libsumm")
    module = module or { sources = {} }

    -- The library's sources, as libsumm/meson.build lists them.
    local meson = read_file(ROOT .. "/libsumm/meson.build")
    local list = meson:match("summ_sources%s*=%s*files%((.-)%)")
    local want = { ["bindings/lua/lsumm.c"] = true }
    for name in (list or ""):gmatch("'([%w_%-/]+%.c)'") do
        want["libsumm/" .. name] = true
    end
    local have = {}
    for _, src in ipairs(module.sources) do
        have[src] = true
    end
    local missing, extra = {}, {}
    for src in pairs(want) do
        if not have[src] then
            missing[#missing + 1] = src
        end
    end
    for src in pairs(have) do
        if not want[src] then
            extra[#extra + 1] = src
        end
    end
    table.sort(missing)
    table.sort(extra)
    check(#missing == 0, "every source in libsumm/meson.build is in the rockspec",
        "add to bindings/lua/libsumm-scm-1.rockspec: " .. table.concat(missing, ", "))
    check(#extra == 0, "every source in the rockspec exists in libsumm/meson.build",
        "remove from bindings/lua/libsumm-scm-1.rockspec: " .. table.concat(extra, ", "))
end

local generated = read_file(VERSION_H)
local copy = read_file(ROOT .. "/bindings/lua/rock/libsumm/version.h")
check(generated == copy, "bindings/lua/rock/libsumm/version.h equals the generated version.h",
    "copy " .. VERSION_H .. " to bindings/lua/rock/libsumm/version.h")

-- Documentation coverage: names registered in lsumm.c against the README's
-- Lua section.
local source = read_file(ROOT .. "/bindings/lua/lsumm.c")
local readme = read_file(ROOT .. "/README.md")
local section = readme:match("\n## Lua\n(.-)\n## ") or readme:match("\n## Lua\n(.*)$") or ""
check(section ~= "", "the README has a Lua section")

local function registered(array)
    local body = source:match("luaL_Reg " .. array .. "%[%] = (%b{})")
    local names = {}
    for name in (body or ""):gmatch('{ "([%w_]+)",') do
        names[#names + 1] = name
    end
    check(#names > 0, "lsumm.c registers " .. array)
    return names
end

local function documented(kind, names, prefix)
    local missing = {}
    for _, name in ipairs(names) do
        if not section:find("`" .. prefix .. name, 1, true) then
            missing[#missing + 1] = prefix .. name
        end
    end
    check(#missing == 0, "the README documents every " .. kind,
        "undocumented: " .. table.concat(missing, ", "))
end

documented("module function", registered("module_functions"), "libsumm.")
documented("method", registered("summarizer_methods"), "s:")
documented("metamethod", registered("summarizer_meta"), "")
-- Options: the rows of the library's table (libsumm/option_table.c) and
-- the language's own keys (lang_keys in lsumm.c).
local table_source = read_file(ROOT .. "/libsumm/option_table.c")
local rows, word_rows = {}, {}
for kind, name in table_source:gmatch('(%u+)_ROW%(%s*"([%w_]+)"') do
    rows[#rows + 1] = name
    if kind == "WORDS" then
        word_rows[name] = true
    end
end
for name in table_source:gmatch('{ { "([%w_]+)", SUMM_OPTION_') do
    rows[#rows + 1] = name
end
check(#rows > 0, "libsumm/option_table.c has rows")
local lang_keys = {}
for name in (source:match("lang_keys%[%] = (%b{})") or ""):gmatch('"([%w_]+)"') do
    lang_keys[#lang_keys + 1] = name
end
check(#lang_keys > 0, "lsumm.c lists the language's keys")
documented("option of the library's table", rows, "")
documented("language key", lang_keys, "")

-- The module takes option names from the table: apart from the word lists,
-- which it must set through struct fields, it spells none of them.
-- (option_type_name spells type names, two of which are option names too;
-- set_explain the fields of a result's explain table, some of which too.)
local code = source:gsub("static const char %*option_type_name%(.-\n}\n", "")
code = code:gsub("static void set_explain%(.-\n}\n", "")
local copied = {}
for _, name in ipairs(rows) do
    if not word_rows[name] and code:find('"' .. name .. '"', 1, true) then
        copied[#copied + 1] = name
    end
end
check(#copied == 0, "lsumm.c keeps no copy of the table's option names",
    "found: " .. table.concat(copied, ", "))

print("1.." .. #results)
local failed = 0
for i, r in ipairs(results) do
    print((r.ok and "ok " or "not ok ") .. i .. " - " .. r.name)
    if not r.ok then
        failed = failed + 1
        if r.diag then
            print("# " .. r.diag)
        end
    end
end
os.exit(failed == 0 and 0 or 1)

-- Checks what can drift apart: the rockspec builds what meson builds (the
-- same C sources and version header), and the README documents every
-- function, method, metamethod and option of the module. Prints TAP.
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
local options = {}
for name in (source:match("option_specs%[%] = (%b{})") or ""):gmatch('%u+%("([%w_]+)",') do
    options[#options + 1] = name
end
check(#options > 0, "lsumm.c has an option table")
documented("option", options, "")

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

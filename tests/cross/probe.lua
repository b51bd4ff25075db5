-- The Lua side of the front-end consistency test: reads cases from standard
-- input, one per line, "name<TAB>kind<TAB>value" (kind: number, string or
-- boolean), and prints for each "ok<TAB>start:end,..." (byte offsets, as
-- the C API gives them) or "error<TAB>message".
--
-- Usage: LUA_CPATH=... lua probe.lua FILE BUDGET_ROWS
-- where BUDGET_ROWS is a comma-separated list of the rows that set a
-- budget (other cases also get sentences = 3).
local libsumm = require("libsumm")

local f = assert(io.open(arg[1], "rb"))
local text = f:read("*a")
f:close()
local budget = {}
for name in (arg[2] or ""):gmatch("[^,]+") do
    budget[name] = true
end

for line in io.lines() do
    local name, kind, value = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    if name then
        if kind == "number" then
            value = tonumber(value)
        elseif kind == "boolean" then
            value = value == "true"
        end
        local opts = { language = "en", [name] = value }
        if not budget[name] then
            opts.sentences = 3
        end
        local ok, res = pcall(function()
            return assert(assert(libsumm.new(opts)):summarize(text))
        end)
        if ok then
            local parts = {}
            for i, sp in ipairs(res) do
                parts[i] = string.format("%d:%d", sp.start - 1, sp.stop)
            end
            print("ok\t" .. table.concat(parts, ","))
        else
            print("error\t" .. tostring(res):gsub("\n", " "))
        end
    end
end

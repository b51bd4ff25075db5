-- s:keywords(text [, n]): keyphrases with 1-based byte positions, options
-- from the library's table, failures as nil, message, code. TAP output.
if os.getenv("LIBSUMM_TEST_SKIP") then
    print("1..0 # SKIP " .. os.getenv("LIBSUMM_TEST_SKIP"))
    os.exit(0)
end
local libsumm = require "libsumm"

local results = {}
local function test(name, fn)
    local ok, err = pcall(fn)
    results[#results + 1] = { name = name, ok = ok, err = err }
end
local function eq(got, want, what)
    if got ~= want then
        error(string.format("%s: got %s, want %s", what, tostring(got), tostring(want)), 2)
    end
end
local function check(cond, what)
    if not cond then
        error(what, 2)
    end
end

local TEXT = "Neural networks are models. A neural network is trained. The neural networks "
    .. "of today are large; neural networks, in short. Ça, neural networks."

test("variants are one keyphrase whose spans slice the text", function()
    local found = assert(libsumm.new({ language = "en" }):keywords(TEXT, 5))
    eq(found.language, "en", "language")
    check(#found >= 1 and #found <= 5, "between 1 and 5 keyphrases, got " .. #found)
    local top = found[1]
    eq(top.text, "neural networks", "the most frequent spelling")
    eq(top.count, 5, "count")
    eq(#top.spans, top.count, "one span per occurrence")
    eq(TEXT:sub(top.start, top.stop), top.text, "start and stop slice the text")
    eq(TEXT:sub(top.spans[2].start, top.spans[2].stop), "neural network", "a variant")
    eq(TEXT:sub(top.spans[5].start, top.spans[5].stop), "neural networks", "after a two-byte letter")
    for i = 2, #found do
        check(found[i].score <= found[i - 1].score, "best first")
    end
end)

test("n: nil and 0 mean ten", function()
    local parts = {}
    for i = 1, 30 do
        parts[#parts + 1] = string.format("topic%d alpha%d, beta%d.", i, i, i)
    end
    local text = table.concat(parts, " ")
    local s = libsumm.new({ language = "en" })
    eq(#assert(s:keywords(text)), 10, "nil")
    eq(#assert(s:keywords(text, 0)), 10, "0")
    eq(#assert(s:keywords(text, 25)), 25, "25")
    check(not pcall(s.keywords, s, text, -1), "a negative n raises")
    check(not pcall(s.keywords, s, text, 1.5), "a fraction raises")
end)

test("options by name, with the library's messages", function()
    local s = assert(libsumm.new({ language = "en", keyphrase_algorithm = "positionrank",
        keyphrase_window = 4 }))
    check(#assert(s:keywords(TEXT)) > 0, "positionrank gives keyphrases")
    local ok, err = pcall(libsumm.new, { keyphrase_window = 1 })
    check(not ok and tostring(err):find("keyphrase_window: 1 is outside [2, 64]", 1, true),
        "window message: " .. tostring(err))
    ok, err = pcall(libsumm.new, { keyphrase_algorithm = "pagerank" })
    check(not ok and tostring(err):find(
        "keyphrase_algorithm: 'pagerank' is not one of textrank, positionrank", 1, true),
        "algorithm message: " .. tostring(err))
    for _, row in ipairs(libsumm.options()) do
        if row.name == "keyphrase_algorithm" then
            eq(row.type, "choice", "type")
            eq(table.concat(row.choices, ","), "textrank,positionrank", "choices")
        end
    end
end)

test("empty text, invalid UTF-8 and CJK", function()
    local s = libsumm.new({ language = "en" })
    eq(#assert(s:keywords("")), 0, "empty")
    eq(#assert(s:keywords("the of and, to a. 1999")), 0, "no content word")
    local none, msg, code = s:keywords("neural \255 networks")
    check(none == nil and msg:find("invalid UTF-8", 1, true), "invalid UTF-8 fails: " .. tostring(msg))
    eq(code, "invalid_utf8", "code")
    local cjk = "東京都庁は新宿にある。東京都庁。"
    local found = assert(libsumm.new({ language = "ja" }):keywords(cjk))
    check(#found > 0, "CJK keyphrases")
    for _, k in ipairs(found) do
        eq(cjk:sub(k.start, k.stop), k.text, "CJK slice")
    end
end)

print("1.." .. #results)
local failed = 0
for i, r in ipairs(results) do
    print((r.ok and "ok " or "not ok ") .. i .. " - " .. r.name)
    if not r.ok then
        failed = failed + 1
        print("# " .. tostring(r.err))
    end
end
-- Close the state so every summarizer is finalized before LeakSanitizer looks.
os.exit(failed == 0 and 0 or 1, true)

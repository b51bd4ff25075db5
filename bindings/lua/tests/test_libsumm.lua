-- Tests of the Lua module, printing TAP. Runs under Lua 5.1 to 5.4 and LuaJIT.
--
-- Usage: lua test_libsumm.lua VERSION SOURCE_ROOT [PATH/TO/summarize]
-- with LUA_CPATH pointing at the directory of the built libsumm.so.
-- Without the summarize path the comparisons with the CLI are skipped.

local skip_reason = os.getenv("LIBSUMM_TEST_SKIP")
if skip_reason and skip_reason ~= "" then
    -- A TAP skip: meson's TAP parser takes exit status 77 for an error.
    print("1..0 # SKIP " .. skip_reason)
    os.exit(0)
end

-- TAP lines must not wait in a buffer if a sanitizer aborts the process.
io.stdout:setvbuf("line")

local VERSION, ROOT, CLI = arg[1], arg[2], arg[3]
local libsumm = require "libsumm"

local IS_54 = _VERSION == "Lua 5.4"
local UNDER_ASAN = (os.getenv("LD_PRELOAD") or ""):find("asan") ~= nil

---------------------------------------------------------------------------
-- A small TAP runner: each test is a function; errors are failures, and
-- skip(reason) ends a test as skipped.

local tests = {}
local function test(name, fn)
    tests[#tests + 1] = { name = name, fn = fn }
end

local SKIP = {}
local function skip(reason)
    error({ [SKIP] = reason }, 0)
end

local function fail(msg, level)
    error(msg, (level or 1) + 1)
end

local function show(v)
    if type(v) == "string" then
        return string.format("%q", #v > 200 and v:sub(1, 200) .. "..." or v)
    end
    return tostring(v)
end

local function eq(got, want, what)
    if got ~= want then
        fail(string.format("%s: got %s, want %s", what or "value", show(got), show(want)), 2)
    end
end

local function check(cond, what)
    if not cond then
        fail(what or "check failed", 2)
    end
end

-- Calls fn and expects it to raise an error whose message contains `pattern`
-- (a plain substring).
local function raises(pattern, fn, ...)
    local ok, err = pcall(fn, ...)
    if ok then
        fail("expected an error containing " .. show(pattern), 2)
    end
    if not tostring(err):find(pattern, 1, true) then
        fail("error " .. show(tostring(err)) .. " does not contain " .. show(pattern), 2)
    end
end

-- Expects the failure triple nil, message, code.
local function fails(code, msg_pattern, a, b, c)
    if a ~= nil then
        fail("expected nil, message, " .. code .. "; got " .. show(a), 2)
    end
    if c ~= code then
        fail("code: got " .. show(c) .. ", want " .. show(code) .. " (message " .. show(b) .. ")", 2)
    end
    if type(b) ~= "string" or not b:find(msg_pattern) then
        fail("message " .. show(b) .. " does not match " .. show(msg_pattern), 2)
    end
end

---------------------------------------------------------------------------
-- Inputs

local function read_file(path)
    local f = assert(io.open(path, "rb"))
    local data = f:read("*a")
    f:close()
    return data
end

local ARTICLE = read_file(ROOT .. "/examples/article.txt")

-- Multibyte letters, CRLF line ends, abbreviations, quotes and a sentence
-- broken across lines: positions must still slice exactly.
local MIXED = table.concat({
    "Dr. Müller opened the new café in Zürich on Monday.\r\n",
    "The café serves crème brûlée, smørrebrød and 寿司 to about 200 guests a day.\r\n",
    "\"It is busier than we hoped,\" said Ms. Ødegaard, who runs the\r\nkitchen.  ",
    "Prices start at 4.50 francs, e.g. for a coffee.\n\n",
    "Critics praised the brûlée; the café was full again on Tuesday!  ",
    "Will it last? The owners think so. Emoji 🙂 are welcome too.",
})

-- Invalid UTF-8 (a lone continuation byte and a truncated sequence).
local INVALID = "The first sentence is fine. The second one \128 is not. \226\130 Third."

---------------------------------------------------------------------------
-- Helpers

local function shell_quote(s)
    return "'" .. s:gsub("'", "'\\''") .. "'"
end

local function write_temp(data)
    local name = os.tmpname()
    local f = assert(io.open(name, "wb"))
    f:write(data)
    f:close()
    return name
end

-- Runs the CLI on `text` and returns its standard output.
local function run_cli(args, text)
    if not CLI then
        skip("no summarize executable given")
    end
    local name = write_temp(text)
    -- The preloaded ASan runtime is for this interpreter; an ASan-built CLI
    -- brings its own (clang links it statically, and two clash).
    local env = UNDER_ASAN and "LD_PRELOAD= " or ""
    local p = assert(io.popen(env .. shell_quote(CLI) .. " " .. args .. " " .. name .. " 2>/dev/null"))
    local out = p:read("*a")
    p:close()
    os.remove(name)
    return out
end

-- Runs the CLI once on several texts (ASan makes each start slow) and
-- returns its output for each: text output is split at its "==> FILE <=="
-- headers, TSV output by its first column, which names the file.
local function run_cli_each(args, texts)
    if #texts == 1 then
        return { run_cli(args, texts[1]) }
    end
    if not CLI then
        skip("no summarize executable given")
    end
    local names = {}
    for i, text in ipairs(texts) do
        names[i] = write_temp(text)
    end
    local env = UNDER_ASAN and "LD_PRELOAD= " or ""
    local p = assert(io.popen(env .. shell_quote(CLI) .. " " .. args .. " " .. table.concat(names, " ")
        .. " 2>/dev/null"))
    local out = p:read("*a")
    p:close()
    local outputs = {}
    if args:find("-f tsv", 1, true) then
        local index = {}
        for i, name in ipairs(names) do
            index[name], outputs[i] = i, ""
        end
        for file, rest in out:gmatch("([^\t\n]*)\t([^\n]*\n)") do
            local i = index[file]
            check(i, "TSV line of an unknown file " .. file)
            outputs[i] = outputs[i] .. rest
        end
        for _, name in ipairs(names) do
            os.remove(name)
        end
        return outputs
    end
    local starts, stops = {}, {}
    for i, name in ipairs(names) do
        os.remove(name)
        local header = (i > 1 and "\n" or "") .. "==> " .. name .. " <==\n"
        starts[i], stops[i] = out:find(header, stops[i - 1] or 1, true)
        check(starts[i], "CLI output for file " .. i)
    end
    for i = 1, #names do
        outputs[i] = out:sub(stops[i] + 1, (starts[i + 1] or #out + 1) - 1)
    end
    return outputs
end

local function tsv_escape(s)
    return (s:gsub("[\\\t\n\r]", { ["\\"] = "\\\\", ["\t"] = "\\t", ["\n"] = "\\n", ["\r"] = "\\r" }))
end

-- The CLI's TSV for a list of spans.
local function to_tsv(spans)
    local lines = {}
    for i, sp in ipairs(spans) do
        lines[i] = string.format("%d\t%d\t%d\t%.6g\t%s\n", sp.index - 1, sp.start - 1, sp.stop,
            sp.score, tsv_escape(sp.text))
    end
    return table.concat(lines)
end

-- Every span is a slice of text at its own positions; spans are in
-- document order (unless by_score) and never overlap.
local function check_spans(text, spans, by_score)
    local prev_stop = 0
    for i, sp in ipairs(spans) do
        check(sp.start >= 1 and sp.start <= sp.stop and sp.stop <= #text,
            "span " .. i .. " out of range: " .. sp.start .. ".." .. sp.stop)
        eq(text:sub(sp.start, sp.stop), sp.text, "slice of span " .. i)
        check(sp.index >= 1, "index is 1-based")
        check(type(sp.score) == "number", "score is a number")
        if not by_score then
            check(sp.start > prev_stop, "spans in order and disjoint")
            prev_stop = sp.stop
        end
    end
end

-- Options tables and the CLI arguments that mean the same.
local function option_cases()
    local cases = {
        { {}, "" },
        { { sentences = 3 }, "-n 3" },
        { { ratio = 0.5 }, "-r 0.5" },
        { { words = 40 }, "-w 40" },
        { { bytes = 300 }, "-b 300" },
        { { sentences = 4, words = 60 }, "-n 4 -w 60" },
        { { score_order = true, sentences = 4 }, "--score-order -n 4" },
        { { no_stemming = true, sentences = 3 }, "--no-stem -n 3" },
        { { keep_stopwords = true, sentences = 3 }, "--keep-stopwords -n 3" },
        { { language = "en", sentences = 2, max_input_bytes = 1000000 }, "-l en -n 2 --max-input 1000000" },
        { { language = "auto", sentences = 2 }, "-l auto -n 2" },
        { { language = "de", sentences = 2 }, "-l de -n 2" },
        { { position_weight = 0.5, sentences = 3 }, "--position-weight 0.5 -n 3" },
    }
    for _, name in ipairs(libsumm.algorithms()) do
        cases[#cases + 1] = { { algorithm = name, sentences = 3 }, "-a " .. name .. " -n 3" }
    end
    return cases
end

local function describe(opts)
    local keys = {}
    for k, v in pairs(opts) do
        keys[#keys + 1] = k .. "=" .. tostring(v)
    end
    table.sort(keys)
    return "{" .. table.concat(keys, ", ") .. "}"
end

---------------------------------------------------------------------------
-- Tests

test("module metadata", function()
    eq(libsumm._VERSION, VERSION, "_VERSION")
    eq(libsumm._NAME, "libsumm", "_NAME")
    local langs, algos = libsumm.languages(), libsumm.algorithms()
    check(#langs >= 1, "languages() is not empty")
    local has_en = false
    for _, code in ipairs(langs) do
        has_en = has_en or code == "en"
    end
    check(has_en, "languages() lists en")
    local names = {}
    for _, a in ipairs(algos) do
        names[a] = true
    end
    check(names.tfidf and names.lead, "algorithms() lists tfidf and lead")
end)

test("summarizer spans equal the CLI's, for every option", function()
    for _, case in ipairs(option_cases()) do
        local opts, args = case[1], case[2]
        local texts = { ARTICLE, MIXED }
        local want = run_cli_each("-f tsv " .. args, texts)
        for i, text in ipairs(texts) do
            local s = assert(libsumm.new(opts))
            local spans = assert(s:summarize(text))
            check_spans(text, spans, opts.score_order)
            eq(to_tsv(spans), want[i], "spans for " .. describe(opts))
            s:close()
        end
    end
end)

test("results of the adaptive algorithm explain how it weighed position", function()
    local s = assert(libsumm.new({ language = "en", algorithm = "adaptive", sentences = 3 }))
    local e = assert(s:summarize(ARTICLE)).explain
    check(e, "no explain field")
    eq(e.algorithm, "adaptive", "algorithm")
    eq(e.sentences, 21, "sentences")
    check(math.abs(e.summary_share - 3 / 21) < 1e-9, "summary_share")
    check(e.position_centrality >= -1 and e.position_centrality <= 1, "position_centrality")
    check(e.lede_weight >= 0 and e.lede_weight <= 1, "lede_weight")
    eq(assert(s:scores(ARTICLE)).explain.lede_weight, e.lede_weight, "scores explain too")
    local long = assert(libsumm.new({ language = "en", algorithm = "adaptive", ratio = 0.5 }))
    eq(assert(long:summarize(ARTICLE)).explain.lede_weight, 0, "a long summary is no lede")
    local pinned = assert(libsumm.new({ language = "en", algorithm = "adaptive",
                                        lede_weight = 0.5 }))
    eq(assert(pinned:summarize(ARTICLE)).explain.lede_weight, 0.5, "pinned weight")
    local default = assert(libsumm.new({ language = "en" }))
    eq(assert(default:summarize(ARTICLE)).explain, nil, "the default (textrank) has no evidence")
    eq(assert(s:split(ARTICLE)).explain, nil, "split has no evidence")
end)

test("libsumm.summarize equals the CLI's text output", function()
    for _, case in ipairs(option_cases()) do
        local opts, args = case[1], case[2]
        local texts = { ARTICLE, MIXED }
        local want = run_cli_each(args, texts)
        for i, text in ipairs(texts) do
            local summary = assert(libsumm.summarize(text, opts))
            eq(summary == "" and "" or summary .. "\n", want[i], "summary for " .. describe(opts))
        end
    end
end)

test("split and scores equal the CLI's, in every language", function()
    -- Under ASan each CLI run costs a good part of a second: compare a few
    -- languages of different kinds there, and every one in the plain build.
    local asan_sample = { en = true, de = true, zh = true, ja = true, th = true, und = true }
    for _, lang in ipairs(libsumm.languages()) do
        local s = assert(libsumm.new({ language = lang }))
        local texts = { ARTICLE, MIXED }
        local want_split, want_scores
        if CLI and (not UNDER_ASAN or asan_sample[lang]) then
            want_split = run_cli_each("-f tsv --split -l " .. lang, texts)
            want_scores = run_cli_each("-f tsv --scores -l " .. lang, texts)
        end
        for t, text in ipairs(texts) do
            local split = assert(s:split(text))
            check_spans(text, split)
            for i, sp in ipairs(split) do
                eq(sp.index, i, "split index")
                eq(sp.score, 0, "split score")
            end
            if want_split then
                eq(to_tsv(split), want_split[t], "split in " .. lang)
            end
            local scores = assert(s:scores(text))
            check_spans(text, scores)
            eq(#scores, #split, "scores covers every sentence")
            if want_scores then
                eq(to_tsv(scores), want_scores[t], "scores in " .. lang)
            end
            local strings = assert(libsumm.split(text, lang))
            eq(#strings, #split, "libsumm.split count")
            for i = 1, #split do
                eq(strings[i], split[i].text, "libsumm.split sentence " .. i)
            end
        end
        s:close()
    end
end)

test("lenient mode equals the CLI's", function()
    local s = assert(libsumm.new({ lenient = true }))
    local split = assert(s:split(INVALID))
    check(#split == 3, "three sentences, got " .. #split)
    check_spans(INVALID, split)
    -- The module hands back the caller's bytes; the CLI prints each invalid
    -- sequence as U+FFFD so that its output is always UTF-8.
    local function as_cli(t)
        return (t:gsub("\128", "\239\191\189"))
    end
    eq(as_cli(to_tsv(split)), run_cli("-f tsv --split --lenient", INVALID), "lenient split")
    eq(as_cli(assert(libsumm.summarize(INVALID, { lenient = true, sentences = 2 }))) .. "\n",
        run_cli("--lenient -n 2", INVALID), "lenient summary")
end)

test("positions are 1-based bytes and slice exactly", function()
    local text = "Ça va? Oui."
    local spans = assert(libsumm.new():split(text))
    eq(#spans, 2, "sentences")
    eq(spans[1].start, 1, "first start")
    eq(spans[1].stop, 7, "first stop (Ç is two bytes)")
    eq(spans[2].start, 9, "second start")
    eq(spans[2].stop, #text, "second stop")
    eq(text:sub(spans[2].start, spans[2].stop), "Oui.", "slice")
    eq(spans[2].index, 2, "index is 1-based")
    -- The one-shot summary turns line breaks inside a sentence into spaces.
    eq(libsumm.summarize("One line\r\nbroken here.", { sentences = 1 }), "One line broken here.",
        "line breaks")
end)

test("empty and blank input give empty results", function()
    local s = libsumm.new()
    for _, text in ipairs({ "", "   \n\t  " }) do
        eq(#assert(s:summarize(text)), 0, "summarize")
        eq(#assert(s:split(text)), 0, "split")
        eq(#assert(s:scores(text)), 0, "scores")
        eq(libsumm.summarize(text), "", "one-shot summary")
        eq(#assert(libsumm.split(text)), 0, "one-shot split")
    end
end)

test("NUL bytes are text, not terminators", function()
    local text = "First part\0 still first. Second sentence."
    local spans = assert(libsumm.new():split(text))
    check_spans(text, spans)
    check(spans[#spans].stop == #text, "the text after the NUL is read")
end)

test("stopwords and abbreviations options", function()
    local text = "We met in the Grnd. Hall for three hours. Nobody left early."
    eq(#assert(libsumm.split(text)), 3, "Grnd. ends a sentence by default")
    local s = assert(libsumm.new({ abbreviations = { "grnd" } }))
    eq(#assert(s:split(text)), 2, "an extra abbreviation does not end a sentence")
    -- A word made a stopword no longer counts: the scores change.
    local doc = "Gravel, gravel and gravel. Roads need repair soon. Gravel roads need gravel."
    local plain = assert(libsumm.new({ algorithm = "tfidf" }):scores(doc))
    local stopped = assert(libsumm.new({ algorithm = "tfidf", stopwords = { "gravel" } }):scores(doc))
    check(stopped[1].score < plain[1].score, "an extra stopword lowers the sentence's score")
end)

test("algorithm parameters", function()
    local doc = ARTICLE
    local function first_scores(opts)
        local scores = assert(assert(libsumm.new(opts)):scores(doc))
        local t = {}
        for i = 1, 5 do
            t[i] = string.format("%.9g", scores[i].score)
        end
        return table.concat(t, " ")
    end
    local base = { algorithm = "textrank" }
    for _, opts in ipairs({
        { algorithm = "textrank", damping = 0.5 },
        { algorithm = "textrank", position_weight = 1 },
        { algorithm = "lexrank", lexrank_threshold = 0.1 },
        { algorithm = "edmundson", cue_words = { "library", "council" } },
    }) do
        local against = opts.algorithm == "textrank" and base or { algorithm = opts.algorithm }
        check(first_scores(opts) ~= first_scores(against), "scores change with " .. describe(opts))
    end
    for _, opts in ipairs({
        { mmr_lambda = 0.7 }, { tolerance = 1e-3 }, { max_iterations = 5 },
        { max_neighbours = 4 }, { algorithm = "lsa", lsa_dimensions = 2 },
        { algorithm = "edmundson", stigma_words = { "said" } },
    }) do
        local spans = assert(assert(libsumm.new(opts)):summarize(doc))
        check(#spans > 0, "a summary with " .. describe(opts))
        check_spans(doc, spans)
    end
    -- 0 is the default of every option, and "off" turns the lead bias off.
    eq(first_scores({ position_weight = 0 }), first_scores({}), "position_weight 0 is the default")
    eq(first_scores({ position_weight = 0.25 }), first_scores({}), "the default is 0.25")
    check(first_scores({ position_weight = "off" }) ~= first_scores({}), "off differs from the default")
    eq(first_scores({ position_weight = "off" }), first_scores({ position_weight = -1 }),
        "\"off\" is SUMM_OFF")
    eq(first_scores({ mmr_lambda = 0 }), first_scores({}), "mmr_lambda 0 is the default")
    eq(first_scores({ damping = 0, max_iterations = 0, tolerance = 0 }), first_scores({}),
        "PageRank parameters 0 are the defaults")
    -- luaL_argerror's wrapper around the library's message.
    raises("bad argument #1", libsumm.new, { damping = 1 })
    raises("(damping: 1 is outside (0, 1))", libsumm.new, { damping = 1 })
    raises("mmr_lambda: 1.5 is outside (0, 1]", libsumm.new, { mmr_lambda = 1.5 })
    raises("position_weight: 1.5 is outside (0, 1]", libsumm.new, { position_weight = 1.5 })
    raises("position_weight: -0.5 is outside (0, 1]", libsumm.new, { position_weight = -0.5 })
    raises("lexrank_threshold: 1 is outside (0, 1)", libsumm.new, { lexrank_threshold = 1 })
    raises("tolerance: inf is outside (0, inf)", libsumm.new, { tolerance = 1 / 0 })
    raises("max_iterations: -1 is outside [1, 4294967295]", libsumm.new, { max_iterations = -1 })
    raises("lsa_dimensions: 0.5 is not a whole number", libsumm.new, { lsa_dimensions = 0.5 })
    raises("cue_words: expected an array of strings, got string", libsumm.new, { cue_words = "x" })
end)

-- The text the library writes for a number: the shortest that reads back.
local function number_text(v)
    if v == math.huge then
        return "inf"
    end
    for precision = 1, 17 do
        local text = string.format("%." .. precision .. "g", v)
        if tonumber(text) == v then
            return text
        end
    end
end

local function bounds_text(row)
    return (row.min_open and "(" or "[") .. number_text(row.min) .. ", " .. number_text(row.max)
        .. (row.max_open and ")" or "]")
end

-- For each row of libsumm.options(): a value it accepts and one it refuses,
-- with the message the library writes for that value.
local function row_values(row)
    if row.type == "uint" then
        return row.min, row.max + 1, row.name .. ": " .. number_text(row.max + 1) .. " is outside "
            .. bounds_text(row)
    elseif row.type == "real" then
        local valid = row.max < math.huge and (row.min + row.max) / 2 or row.min + 1
        local invalid = row.max < math.huge and row.max + 0.5 or math.huge
        return valid, invalid, row.name .. ": " .. number_text(invalid) .. " is outside "
            .. bounds_text(row)
    elseif row.type == "bool" then
        return true, 2, row.name .. ": 2 is not 0 or 1"
    elseif row.type == "algorithm" then
        return "lexrank", 99, row.name .. ": 99 is not an algorithm id"
    elseif row.type == "words" then
        return { "harbour", "library" }, "harbour", row.name .. ": expected an array of strings, got string"
    elseif row.type == "choice" then
        return row.choices[#row.choices], "nope", row.name .. ": 'nope' is not one of "
            .. table.concat(row.choices, ", ")
    end
    fail("a row of an unknown type: " .. row.name .. " is " .. tostring(row.type))
end

test("libsumm.options() lists the library's option table", function()
    local rows = libsumm.options()
    check(#rows >= 20, "rows: " .. #rows)
    local seen = {}
    for _, row in ipairs(rows) do
        check(type(row.name) == "string" and row.name:find("^[%l_]+$"), "name " .. show(row.name))
        check(not seen[row.name], "one row per name: " .. row.name)
        seen[row.name] = row
        for _, key in ipairs({ "type", "group", "doc", "default_text" }) do
            check(type(row[key]) == "string" and row[key] ~= "", row.name .. "." .. key)
        end
        for _, key in ipairs({ "min", "max", "default" }) do
            check(type(row[key]) == "number", row.name .. "." .. key)
        end
        check(type(row.min_open) == "boolean" and type(row.max_open) == "boolean",
            row.name .. " bounds open or closed")
        check(row.value_name == nil or type(row.value_name) == "string", row.name .. ".value_name")
        check(row.off_text == nil or type(row.off_text) == "string", row.name .. ".off_text")
    end
    -- A few rows as summ.h documents them.
    eq(seen.damping.type, "real", "damping type")
    eq(seen.damping.default, 0.85, "damping default")
    check(seen.damping.min == 0 and seen.damping.max == 1 and seen.damping.min_open
        and seen.damping.max_open, "damping bounds (0, 1)")
    eq(seen.position_weight.off_text, "off", "position_weight can be turned off")
    eq(seen.position_weight.default, 0.25, "position_weight default")
    eq(seen.sentences.type, "uint", "sentences type")
    eq(seen.sentences.group, "budget", "sentences group")
    eq(seen.lenient.type, "bool", "lenient type")
    eq(seen.algorithm.type, "algorithm", "algorithm type")
    eq(seen.algorithm.default_text, "textrank", "algorithm default")
    eq(seen.cue_words.type, "words", "cue_words type")
    check(seen.min_sentence_words ~= nil, "the version 3 row min_sentence_words")
    -- The language's keys are not rows.
    check(not seen.language and not seen.stopwords and not seen.abbreviations,
        "language keys are not rows")
end)

test("every row is accepted with a valid value and refused with the library's message", function()
    for _, row in ipairs(libsumm.options()) do
        local valid, invalid, message = row_values(row)
        local s, err = libsumm.new({ [row.name] = valid })
        check(s, row.name .. " = " .. show(valid) .. " accepted: " .. show(err))
        -- It takes effect: a summary, or a failure the value explains
        -- (max_input_bytes = 1), but no raise.
        local spans, failure = s:summarize(ARTICLE)
        check(spans or failure:find("over the limit of 1 bytes"), row.name .. " in use")
        if row.type ~= "words" then
            check(libsumm.new({ [row.name] = 0 }), row.name .. " = 0 accepted")
            check(libsumm.new({ [row.name] = "default" }), row.name .. " = \"default\" accepted")
        end
        if row.off_text then
            check(libsumm.new({ [row.name] = row.off_text }), row.name .. " = " .. row.off_text)
        end
        if row.type == "algorithm" then
            -- A name that is no algorithm is a failure, not a raise.
            local _, got, code = libsumm.new({ [row.name] = invalid })
            eq(got, message, "message")
            eq(code, "unknown_algo", "code")
        else
            raises(message, libsumm.new, { [row.name] = invalid })
            raises(message, libsumm.summarize, ARTICLE, { [row.name] = invalid })
        end
    end
end)

test("nil, 0 and \"default\" mean the default", function()
    local want = to_tsv(assert(libsumm.new():scores(ARTICLE)))
    local opts_nil, opts_zero, opts_default = {}, {}, {}
    for _, row in ipairs(libsumm.options()) do
        opts_nil[row.name] = nil
        if row.type ~= "words" then
            opts_zero[row.name] = row.type == "bool" and false or 0
            opts_default[row.name] = "default"
        end
    end
    eq(to_tsv(assert(libsumm.new(opts_nil):scores(ARTICLE))), want, "nil")
    eq(to_tsv(assert(libsumm.new(opts_zero):scores(ARTICLE))), want, "0 for every row")
    eq(to_tsv(assert(libsumm.new(opts_default):scores(ARTICLE))), want, "\"default\" for every row")
    eq(to_tsv(assert(libsumm.new({ sentences = 0 }):summarize(ARTICLE))),
        to_tsv(assert(libsumm.new():summarize(ARTICLE))), "sentences 0 is unset")
end)

test("strings are read as the CLI reads them", function()
    local function summary(opts)
        return to_tsv(assert(assert(libsumm.new(opts)):summarize(ARTICLE)))
    end
    eq(summary({ ratio = "10%" }), summary({ ratio = 0.1 }), "ratio 10%")
    eq(summary({ ratio = "0.1" }), summary({ ratio = 0.1 }), "ratio 0.1 as text")
    eq(summary({ sentences = "3" }), summary({ sentences = 3 }), "sentences as text")
    eq(summary({ algorithm = "lexrank" }), summary({ algorithm = 5 }), "algorithm by name and id")
    eq(summary({ algorithm = "LexRank" }), summary({ algorithm = "lexrank" }), "names ignore case")
    eq(summary({ tolerance = "1e-3" }), summary({ tolerance = 1e-3 }), "C notation")
    eq(summary({ score_order = "on", sentences = 4 }), summary({ score_order = true, sentences = 4 }),
        "on")
    eq(summary({ score_order = "no", sentences = 4 }), summary({ sentences = 4 }), "no")
    eq(summary({ position_weight = "off" }), summary({ position_weight = -1 }), "off")
    eq(summary({ mmr_lambda = "off" }), summary({ mmr_lambda = 1 }), "mmr_lambda off is 1")
end)

test("German text is detected as de by default", function()
    local GERMAN = table.concat({
        "Der Stadtrat hat am Montag beschlossen, die alte Bibliothek am Hafen zu renovieren. ",
        "Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern. ",
        "Während dieser Zeit werden die Bücher in einer Schule in der Nähe aufbewahrt. ",
        "Viele Bürger hatten sich seit Jahren für die Erneuerung des Gebäudes eingesetzt.",
    })
    local s = assert(libsumm.new({ sentences = 2 }))
    local spans = assert(s:summarize(GERMAN))
    eq(spans.language, "de", "summarize")
    eq(assert(s:split(GERMAN)).language, "de", "split")
    eq(assert(s:scores(GERMAN)).language, "de", "scores")
    eq(to_tsv(spans), to_tsv(assert(libsumm.new({ sentences = 2, language = "de" }):summarize(GERMAN))),
        "the same as language de")
    local summary, lang = libsumm.summarize(GERMAN, { sentences = 2 })
    check(summary and summary ~= "", "one-shot summary")
    eq(lang, "de", "one-shot summary's language")
    eq(assert(libsumm.split(GERMAN)).language, "de", "one-shot split")
    eq(#assert(libsumm.split(GERMAN)), 4, "one-shot split sentences")
    -- The same summarizer follows each text's language.
    eq(assert(s:summarize(ARTICLE)).language, "en", "then English")
    eq(assert(libsumm.new({ language = "en" }):split(GERMAN)).language, "en",
        "a fixed language is reported as such")
    eq(assert(libsumm.split("12345 67890")).language, "und", "no evidence")
end)

test("failure codes are the library's status names", function()
    -- summ.h's enum: SUMM_E_INVALID_UTF8 is "invalid_utf8", and so on.
    local header = read_file(ROOT .. "/include/libsumm/summ.h")
    local names = {}
    for name in (header:match("typedef enum summ_status (%b{})") or ""):gmatch("SUMM_E_([%u%d_]+)") do
        names[name:lower()] = true
    end
    check(names.invalid_utf8 and names.too_large, "summ_status read from summ.h")
    local cases = {
        { "invalid_utf8", libsumm.summarize(INVALID) },
        { "unknown_lang", libsumm.new({ language = "xx" }) },
        { "unknown_algo", libsumm.new({ algorithm = "nope" }) },
        { "too_large", assert(libsumm.new({ max_input_bytes = 10 })):split("Eleven byte") },
        { "invalid_utf8", libsumm.rouge("a\255", "a", "rouge1") },
    }
    for _, case in ipairs(cases) do
        local want, result, message, code = case[1], case[2], case[3], case[4]
        eq(result, nil, want .. ": fails")
        eq(code, want, "code")
        check(names[code], code .. " is a summ_status name")
        check(type(message) == "string" and message ~= "", code .. " has a message")
    end
end)

test("language detection", function()
    eq(libsumm.detect_language(ARTICLE), "en", "the article")
    eq(libsumm.detect_language("12345 67890"), "und", "no evidence")
    eq(libsumm.detect_language(""), "und", "empty")
    raises("bad argument #1", libsumm.detect_language, {})
    local s = assert(libsumm.new({ language = "auto", sentences = 2 }))
    check(tostring(s):find("(auto,", 1, true) ~= nil, "tostring names auto: " .. tostring(s))
    local spans = assert(s:summarize(ARTICLE))
    eq(spans.language, "en", "the language detected")
    eq(to_tsv(spans), to_tsv(assert(libsumm.new({ language = "en", sentences = 2 }):summarize(ARTICLE))),
        "auto on English text is English")
end)

test("ROUGE", function()
    local function near(a, b)
        return math.abs(a - b) < 1e-12
    end
    local r = assert(libsumm.rouge("the cat sat", "the cat ran", "rouge1"))
    check(near(r.precision, 2 / 3) and near(r.recall, 2 / 3) and near(r.f1, 2 / 3), "rouge1")
    eq(r.reference, 1, "reference is 1-based")
    eq(assert(libsumm.rouge("the cat sat", "the cat ran", "rouge2")).f1, 0.5, "rouge2")
    eq(assert(libsumm.rouge("a b c d", "a c d", "rougeL")).recall, 1, "rougeL")
    eq(assert(libsumm.rouge("a b\nc d", "c d\na b", "rougeLsum")).f1, 1, "rougeLsum")
    r = assert(libsumm.rouge("the cat sat", { "dogs bark", "the cat sat", "cat" }, "rouge1"))
    eq(r.reference, 2, "the best reference by F1")
    eq(r.f1, 1, "its F1")
    eq(assert(libsumm.rouge("the cats sat", "the cat sat", "rouge1")).f1 < 1, true, "no stemming")
    eq(assert(libsumm.rouge("the cats sat", "the cat sat", "rouge1", { stemmer = "porter" })).f1, 1,
        "Porter stemming")
    eq(assert(libsumm.rouge("Ελλάδα", "ελλάδα", "rouge1")).f1, 0, "ASCII tokens: none in Greek")
    eq(assert(libsumm.rouge("Ελλάδα", "ελλάδα", "rouge1", { tokenizer = "unicode" })).f1, 1,
        "Unicode tokens")
    fails("invalid_utf8", "invalid UTF%-8", libsumm.rouge("a\255", "a", "rouge1"))
    raises("metric must be", libsumm.rouge, "a", "b", "rouge0")
    raises("metric must be", libsumm.rouge, "a", "b", "bleu")
    raises("no references", libsumm.rouge, "a", {}, "rouge1")
    raises("references must be strings", libsumm.rouge, "a", { "b", 3 }, "rouge1")
    raises("tokenizer: expected \"ascii\" or \"unicode\"", libsumm.rouge, "a", "b", "rouge1",
        { tokenizer = "x" })
    raises("stem_min_length: expected a whole number", libsumm.rouge, "a", "b", "rouge1",
        { stem_min_length = -1 })
    eq(assert(libsumm.rouge("a", "a", "rouge65535")).f1, 0, "rouge65535: no such n-grams")
    raises("stemmer", libsumm.rouge, "a", "b", "rouge1", { stemmer = "klingon" })
    raises("unknown option 'stem'", libsumm.rouge, "a", "b", "rouge1", { stem = "porter" })
end)

test("wrong argument types and option values raise", function()
    local s = libsumm.new()
    raises("bad argument #1", libsumm.summarize)
    raises("bad argument #1", libsumm.summarize, {})
    raises("bad argument #2", libsumm.summarize, "text", 5)
    raises("bad argument #1", libsumm.new, 5)
    raises("sentences: expected a number or a string, got table", libsumm.new, { sentences = {} })
    raises("sentences: -1 is outside [1, 4294967295]", libsumm.new, { sentences = -1 })
    raises("sentences: 1.5 is not a whole number", libsumm.new, { sentences = 1.5 })
    raises("sentences: 1099511627776 is outside [1, 4294967295]", libsumm.new,
        { sentences = 2 ^ 40 })
    raises("sentences: 'three' is not a number", libsumm.new, { sentences = "three" })
    raises("words: -1 is outside", libsumm.new, { words = -1 })
    raises("bytes: expected a number or a string, got boolean", libsumm.new, { bytes = true })
    raises("ratio: 1.5 is outside (0, 1]", libsumm.new, { ratio = 1.5 })
    raises("ratio: nan is outside (0, 1]", libsumm.new, { ratio = 0 / 0 })
    raises("ratio: 'half' is not a number", libsumm.new, { ratio = "half" })
    raises("ratio: 1.5 is outside (0, 1]", libsumm.new, { ratio = "150%" })
    raises("max_input_bytes: 8589934592 is outside [1, 4294967295]", libsumm.new,
        { max_input_bytes = 2 ^ 33 })
    raises("lenient: 'maybe' is not on or off", libsumm.new, { lenient = "maybe" })
    raises("lenient: 2 is not 0 or 1", libsumm.new, { lenient = 2 })
    raises("lenient: expected a boolean, a number or a string, got table", libsumm.new,
        { lenient = {} })
    raises("damping: 'off' is not a number", libsumm.new, { damping = "off" })
    raises("language: expected a string, got number", libsumm.new, { language = 5 })
    raises("algorithm: expected a number or a string, got table", libsumm.new, { algorithm = {} })
    raises("stopwords: expected an array of strings, got string", libsumm.new, { stopwords = "the" })
    raises("abbreviations: item 2 is not a string but number", libsumm.new,
        { abbreviations = { "ok", 5 } })
    raises("unknown option 'sentence'", libsumm.new, { sentence = 3 })
    -- Keys are the table's names exactly, though summ_option_find() is lax.
    raises("unknown option 'max-iterations'", libsumm.new, { ["max-iterations"] = 5 })
    raises("unknown option 'Damping'", libsumm.new, { Damping = 0.5 })
    raises("option keys must be strings", libsumm.new, { 3 })
    raises("unknown option 'bogus'", libsumm.summarize, "text", { bogus = 1 })
    raises("bad argument #2", libsumm.split, "text", {})
    raises("bad argument #2", s.summarize, s)
    raises("bad argument #2", s.summarize, s, {})
    raises("bad argument #1", s.summarize, "not a summarizer", "text")
    raises("bad argument #1", s.split, {}, "text")
    -- The options table is read raw: inherited fields are not options.
    local inherited = setmetatable({}, { __index = function() return "xx" end })
    eq(#assert(libsumm.new(inherited):split("One. Two.")), 2, "__index is not consulted")
    -- false means unset, like a missing key
    check(libsumm.new({ lenient = false, score_order = false }), "false flags are accepted")
end)

test("runtime failures return nil, message, code", function()
    fails("invalid_utf8", "invalid UTF%-8 at byte 43", libsumm.summarize(INVALID))
    fails("invalid_utf8", "invalid UTF%-8", libsumm.split(INVALID))
    local s = libsumm.new()
    fails("invalid_utf8", "invalid UTF%-8 at byte 43", s:summarize(INVALID))
    fails("invalid_utf8", "invalid UTF%-8", s:split(INVALID))
    fails("invalid_utf8", "invalid UTF%-8", s:scores(INVALID))
    -- The summarizer stays usable after a failure.
    eq(#assert(s:split("Fine. Also fine.")), 2, "usable after a failure")
    fails("unknown_lang", "unknown language 'xx'", libsumm.new({ language = "xx" }))
    fails("unknown_lang", "unknown language 'xx'", libsumm.summarize("Text.", { language = "xx" }))
    fails("unknown_lang", "unknown language 'xx'", libsumm.split("Text.", "xx"))
    fails("unknown_algo", "^algorithm: 'nope' is not one of lead, ", libsumm.new({ algorithm = "nope" }))
    fails("unknown_algo", "^algorithm: 'nope' is not one of", libsumm.summarize("Text.", { algorithm = "nope" }))
    fails("unknown_algo", "^algorithm: 99 is not an algorithm id", libsumm.new({ algorithm = 99 }))
    local small = assert(libsumm.new({ max_input_bytes = 10 }))
    eq(#assert(small:split("Ten bytes.")), 1, "input at the limit")
    fails("too_large", ".", small:summarize("Eleven byte"))
    fails("too_large", ".", libsumm.summarize("Eleven byte", { max_input_bytes = 10 }))
end)

test("close, __gc after close, __tostring and memory()", function()
    local s = assert(libsumm.new())
    check(tostring(s):find("^libsumm%.Summarizer %(auto, %w+%)") ~= nil, "tostring: " .. tostring(s))
    check(s:memory() > 0, "libsumm memory is allocated through the Lua allocator")
    local before = s:memory()
    assert(s:summarize(ARTICLE))
    check(s:memory() >= before, "scratch memory is kept for reuse")
    s:close()
    -- Every byte libsumm took through the hook was given back, with the
    -- sizes it was allocated with.
    eq(s:memory(), 0, "memory after close")
    s:close() -- a second close does nothing
    check(tostring(s):find("(closed)", 1, true) ~= nil, "tostring after close")
    raises("summarizer is closed", s.summarize, s, "Text.")
    raises("summarizer is closed", s.split, s, "Text.")
    raises("summarizer is closed", s.scores, s, "Text.")
    s = nil
    collectgarbage()
    collectgarbage() -- __gc ran on a closed summarizer: nothing is freed twice
end)

test("__close frees at the end of a block (Lua 5.4)", function()
    if not IS_54 then
        skip("to-be-closed variables need Lua 5.4, this is " .. _VERSION)
    end
    local chunk = assert(load([[
        local libsumm = ...
        local kept
        do
            local s <close> = assert(libsumm.new())
            kept = s
            assert(#s:split("One. Two.") == 2)
        end
        local ok = pcall(function()
            local t <close> = assert(libsumm.new())
            kept2 = t
            error("leaving by an error")
        end)
        return kept, ok
    ]]))
    local kept, ok = chunk(libsumm)
    check(tostring(kept):find("(closed)", 1, true) ~= nil, "closed at the end of the block")
    eq(kept:memory(), 0, "memory after __close")
    eq(ok, false, "the error propagated")
    check(tostring(kept2):find("(closed)", 1, true) ~= nil, "closed when left by an error")
    kept2 = nil
    kept = nil
    collectgarbage()
end)

test("summarizers made and used inside a finalizer", function()
    local done = 0
    local function finalizer()
        local s = assert(libsumm.new({ sentences = 1 }))
        if #assert(s:summarize(ARTICLE)) == 1 then
            done = done + 1
        end
    end
    for _ = 1, 20 do
        if newproxy then -- Lua 5.1 and LuaJIT: only userdata have __gc
            local p = newproxy(true)
            getmetatable(p).__gc = finalizer
        else
            setmetatable({}, { __gc = finalizer })
        end
    end
    collectgarbage()
    collectgarbage()
    eq(done, 20, "finalizers that ran")
end)

test("10 MB input", function()
    local parts, n = {}, 0
    local size = 0
    while size < 10 * 1024 * 1024 do
        n = n + 1
        local piece = n % 50 == 0 and ARTICLE .. "\n\n"
            or string.format("Sentence %d mentions the harbour, the library and %d readers. ", n, n % 97)
        parts[#parts + 1] = piece
        size = size + #piece
    end
    local text = table.concat(parts)
    check(#text >= 10 * 1024 * 1024, "at least 10 MB")
    -- tfidf: the graph algorithms take seconds of CPU on 170,000 sentences,
    -- which tests the library's speed rather than the binding.
    local s = assert(libsumm.new({ sentences = 5, algorithm = "tfidf" }))
    local spans = assert(s:summarize(text))
    eq(#spans, 5, "five sentences")
    check_spans(text, spans)
    if CLI then
        eq(to_tsv(spans), run_cli("-a tfidf -f tsv -n 5", text), "same as the CLI")
    end
    local split = assert(s:split(text))
    check(#split > n, "every sentence split: " .. #split)
    local last = #text
    while text:find("^%s", last) do
        last = last - 1
    end
    eq(split[#split].stop, last, "the last sentence ends at the last non-space byte")
    fails("too_large", ".", libsumm.new({ max_input_bytes = 10 * 1024 * 1024 }):summarize(text))
    s:close()
end)

test("100,000 summarizers created and dropped: memory stays bounded", function()
    -- Statm gives resident pages; only meaningful without ASan's quarantine.
    local function resident_kib()
        local f = io.open("/proc/self/statm")
        if not f or UNDER_ASAN then
            return nil
        end
        local _, pages = f:read("*n", "*n")
        f:close()
        return pages and pages * 4
    end
    -- Under ASan the point is LeakSanitizer's verdict at exit, which fewer
    -- rounds reach as surely; the full count would take minutes there.
    local total = UNDER_ASAN and 20000 or 100000
    local lua_kib, rss_kib
    for i = 1, total do
        -- One language: "auto" builds every language's resources (about
        -- 0.4 MB and a millisecond each), which would test the library's
        -- speed rather than the binding's collection.
        local s = libsumm.new({ language = "en", stopwords = { "harbour" } })
        if i % 3 == 0 then
            s:close() -- some closed explicitly, the rest by __gc
        end
        if i == total / 10 then
            collectgarbage()
            lua_kib, rss_kib = collectgarbage("count"), resident_kib()
        end
    end
    collectgarbage()
    local lua_growth = collectgarbage("count") - lua_kib
    check(lua_growth < 256, string.format("Lua heap grew by %.0f KiB", lua_growth))
    local rss_now = resident_kib()
    if rss_kib and rss_now then
        -- A leaked summarizer holds about 27 KiB, so 90,000 leaks would
        -- be over 2 GiB; allow for allocator noise only.
        check(rss_now - rss_kib < 16 * 1024,
            string.format("resident memory grew by %d KiB", rss_now - rss_kib))
    end
end)

test("summarizers are independent and reusable", function()
    local a = assert(libsumm.new({ sentences = 1 }))
    local b = assert(libsumm.new({ sentences = 2, algorithm = "lead" }))
    for _ = 1, 3 do
        eq(#assert(a:summarize(ARTICLE)), 1, "a")
        eq(#assert(b:summarize(ARTICLE)), 2, "b")
        eq(assert(b:summarize(ARTICLE))[1].index, 1, "lead starts at the first sentence")
    end
end)

test("examples/summarize.lua runs", function()
    -- arg[-1] is the interpreter running this script, where it says.
    local interp = arg[-1]
    if not interp or interp:find("^%-") then
        skip("the interpreter's path is unknown")
    end
    local cmd = shell_quote(interp) .. " " .. shell_quote(ROOT .. "/examples/summarize.lua") .. " 2 "
        .. shell_quote(ROOT .. "/examples/article.txt")
    local p = assert(io.popen(cmd))
    local out = p:read("*a")
    p:close()
    local spans = assert(libsumm.new({ sentences = 2 }):summarize(ARTICLE))
    local want = {}
    for _, sp in ipairs(spans) do
        want[#want + 1] = string.format("[%d] bytes %d-%d, score %.3f\n%s\n", sp.index, sp.start,
            sp.stop, sp.score, sp.text)
    end
    eq(out, table.concat(want), "example output")
end)

---------------------------------------------------------------------------

print("1.." .. #tests)
local failed = 0
for i, t in ipairs(tests) do
    local t0 = os.time()
    local ok, err = xpcall(t.fn, function(e)
        if type(e) == "table" then
            return e
        end
        return debug.traceback(tostring(e), 2)
    end)
    if ok then
        print(string.format("ok %d - %s (%.0f s)", i, t.name, os.difftime(os.time(), t0)))
    elseif type(err) == "table" and err[SKIP] then
        print("ok " .. i .. " - " .. t.name .. " # SKIP " .. err[SKIP])
    else
        failed = failed + 1
        print("not ok " .. i .. " - " .. t.name)
        for line in tostring(err):gmatch("[^\n]+") do
            print("# " .. line)
        end
    end
end
-- Close the state on exit (Lua 5.2+, LuaJIT) so every summarizer still alive
-- is finalized, and LeakSanitizer sees real leaks only: with LuaJIT the
-- objects live in memory it cannot scan.
os.exit(failed == 0 and 0 or 1, true)

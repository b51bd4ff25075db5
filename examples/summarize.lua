-- Summarizes a UTF-8 text file with the libsumm Lua module.
--
--   lua summarize.lua [N] FILE
--
-- Prints the N best sentences (default 3) in document order, each after a
-- line giving its sentence number, its byte positions in the file and its
-- score. Exit status: 0 on success, 1 on a runtime error, 2 on bad usage.
local libsumm = require "libsumm"

local n, path = 3, arg[1]
if arg[2] then
    n, path = tonumber(arg[1]), arg[2]
end
if not path or not n or n < 1 or n % 1 ~= 0 then
    io.stderr:write("usage: lua summarize.lua [N] FILE\n")
    os.exit(2)
end

local f, err = io.open(path, "rb")
if not f then
    io.stderr:write(err, "\n")
    os.exit(1)
end
local text = f:read("*a")
f:close()

-- Runtime failures come back as nil, message, code; only programming
-- errors (a wrong option type, say) raise.
local summarizer, code
summarizer, err, code = libsumm.new({ sentences = n, language = "en" })
if not summarizer then
    io.stderr:write(err, " (", code, ")\n")
    os.exit(1)
end

local spans
spans, err, code = summarizer:summarize(text)
if not spans then
    io.stderr:write(path, ": ", err, " (", code, ")\n")
    os.exit(1)
end
for _, sp in ipairs(spans) do
    -- Positions are 1-based and inclusive: text:sub(sp.start, sp.stop) is
    -- the sentence, exactly as it appears in the file.
    print(string.format("[%d] bytes %d-%d, score %.3f", sp.index, sp.start, sp.stop, sp.score))
    print(text:sub(sp.start, sp.stop))
end

-- Frees the C memory now; the garbage collector would otherwise do it.
summarizer:close()

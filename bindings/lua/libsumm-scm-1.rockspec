-- LuaRocks build of the Lua module.
--
--   luarocks --lua-version 5.4 make bindings/lua/libsumm-scm-1.rockspec
--
-- in the root of a clone compiles libsumm's C sources and the binding into
-- one module, `require "libsumm"`, against the installed utf8proc and
-- libstemmer (Debian: libutf8proc-dev libstemmer-dev). Name the Lua version:
-- Debian's LuaRocks builds for Lua 5.1 without --lua-version. The builtin
-- backend writes each object beside its source and libsumm.so in the current
-- directory; .gitignore lists them. The meson build is the reference;
-- bindings/lua/tests/test_consistency.lua checks that this file lists the
-- same sources, and bindings/lua/rock/check_rock.sh runs this build offline.
rockspec_format = "3.0"
package = "libsumm"
version = "scm-1"

-- `luarocks make` builds the checkout it runs in and never fetches this.
source = {
   url = "git+file://.",
}

description = {
   summary = "Extractive text summarization",
   detailed = [[
libsumm picks the most informative sentences of a UTF-8 text and returns
them with their byte positions. No models, no downloads.]],
   license = "MIT",
}

dependencies = {
   "lua >= 5.1",
}

external_dependencies = {
   UTF8PROC = { header = "utf8proc.h", library = "utf8proc" },
   STEMMER = { header = "libstemmer.h", library = "stemmer" },
}

build = {
   type = "builtin",
   modules = {
      libsumm = {
         sources = {
            "libsumm/abbreviations.c",
            "libsumm/alloc.c",
            "libsumm/error.c",
            "libsumm/graph.c",
            "libsumm/greedy.c",
            "libsumm/index_heap.c",
            "libsumm/keyphrase.c",
            "libsumm/keyphrase_edges.c",
            "libsumm/keyphrase_result.c",
            "libsumm/keyword_rank.c",
            "libsumm/lang.c",
            "libsumm/langid.c",
            "libsumm/lexicon.c",
            "libsumm/mmr.c",
            "libsumm/model.c",
            "libsumm/number_text.c",
            "libsumm/option_set.c",
            "libsumm/option_table.c",
            "libsumm/options.c",
            "libsumm/position.c",
            "libsumm/postings.c",
            "libsumm/result.c",
            "libsumm/rouge.c",
            "libsumm/rouge_metric.c",
            "libsumm/rouge_tokenizer.c",
            "libsumm/scorer_adaptive.c",
            "libsumm/scorer_centroid.c",
            "libsumm/scorer_degree.c",
            "libsumm/scorer_edmundson.c",
            "libsumm/scorer_klsum.c",
            "libsumm/scorer_lead.c",
            "libsumm/scorer_lexrank.c",
            "libsumm/scorer_lsa.c",
            "libsumm/scorer_luhn.c",
            "libsumm/scorer_pacsum.c",
            "libsumm/scorer_sumbasic.c",
            "libsumm/scorer_textrank.c",
            "libsumm/scorer_textrank_bm25.c",
            "libsumm/scorer_tfidf.c",
            "libsumm/scorers.c",
            "libsumm/script.c",
            "libsumm/select.c",
            "libsumm/similarity.c",
            "libsumm/splitter.c",
            "libsumm/stem_english.c",
            "libsumm/strmap.c",
            "libsumm/summarizer.c",
            "libsumm/tokenizer.c",
            "libsumm/utf8.c",
            "libsumm/version.c",
            "bindings/lua/lsumm.c",
         },
         -- bindings/lua/rock holds a copy of the version.h meson generates.
         incdirs = { "include", "bindings/lua/rock", "libsumm",
                     "$(UTF8PROC_INCDIR)", "$(STEMMER_INCDIR)" },
         libdirs = { "$(UTF8PROC_LIBDIR)", "$(STEMMER_LIBDIR)" },
         libraries = { "utf8proc", "stemmer", "m" },
         defines = { "SUMM_STATIC" },
      },
   },
}

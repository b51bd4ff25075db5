#!/usr/bin/env python3
"""Summarize a text file with libsumm and print the chosen sentences with
their position in the file and their score.

Usage: summarize_file.py [-n SENTENCES] [-a ALGORITHM] [-l LANGUAGE] FILE
"""
import argparse
import sys

import libsumm


def main():
    ap = argparse.ArgumentParser(description="Summarize a UTF-8 text file with libsumm.")
    ap.add_argument("file")
    ap.add_argument("-n", "--sentences", type=int, default=3)
    ap.add_argument("-a", "--algorithm", default="default", choices=libsumm.algorithms() + ["default"])
    ap.add_argument("-l", "--language", default="en")
    args = ap.parse_args()

    # Bytes in, bytes offsets out: the offsets point into the file as stored.
    with open(args.file, "rb") as f:
        data = f.read()
    try:
        summarizer = libsumm.Summarizer(args.language, args.algorithm)
        sentences = summarizer.summarize(data, sentences=args.sentences)
    except libsumm.InvalidUTF8Error as e:
        sys.exit("%s: not UTF-8 (byte %d)" % (args.file, e.start))
    except (LookupError, ValueError) as e:
        sys.exit("%s: %s" % (args.file, e))

    for s in sentences:
        text = s.text.decode("utf-8").replace("\r\n", " ").replace("\n", " ")
        print("[%d, bytes %d-%d, score %.3f] %s" % (s.index, s.start, s.end, s.score, text))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes tests/data/tokenizer_reference.json: token ids for a broad set of texts, computed
by an independent Python implementation of GPT-2's tokenizer (OpenAI's encoder.py logic:
the `regex` module with GPT-2's pattern, bytes_to_unicode, rank-ordered BPE). tst_tokenizer
checks the C++ tokenizer against it.

Run inside the build environment:  ./inkling.sh exec python3 tools/make_tokenizer_reference.py
"""

import json
import pathlib
import random

import regex

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODEL_DIR = ROOT / "resources" / "models" / "inkling-tiny"
OUTPUT = ROOT / "tests" / "data" / "tokenizer_reference.json"

PATTERN = regex.compile(
    r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")


def byte_alphabet():
    """byte -> printable character, as in GPT-2: printable Latin-1 bytes map to themselves,
    the rest to U+0100, U+0101, ... in byte order."""
    printable = (list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAC + 1))
                 + list(range(0xAE, 0xFF + 1)))
    table = {b: chr(b) for b in printable}
    extra = 0
    for b in range(256):
        if b not in table:
            table[b] = chr(256 + extra)
            extra += 1
    return table


class Gpt2Bpe:
    def __init__(self, vocab_path, merges_path):
        self.token_to_id = json.loads(vocab_path.read_text(encoding="utf-8"))
        lines = merges_path.read_text(encoding="utf-8").split("\n")
        pairs = [tuple(line.split(" ")) for line in lines[1:] if line]
        self.rank = {pair: i for i, pair in enumerate(pairs)}
        self.alphabet = byte_alphabet()

    def bpe(self, word):
        """word: a pre-token in alphabet characters -> list of token strings."""
        parts = list(word)
        while len(parts) > 1:
            adjacent = {(parts[i], parts[i + 1]) for i in range(len(parts) - 1)}
            best = min(adjacent, key=lambda p: self.rank.get(p, float("inf")))
            if best not in self.rank:
                break
            # Merge every occurrence of the best pair, left to right, without overlap.
            merged, i = [], 0
            while i < len(parts):
                if i + 1 < len(parts) and (parts[i], parts[i + 1]) == best:
                    merged.append(parts[i] + parts[i + 1])
                    i += 2
                else:
                    merged.append(parts[i])
                    i += 1
            parts = merged
        return parts

    def encode(self, text):
        ids = []
        for piece in PATTERN.findall(text):
            word = "".join(self.alphabet[b] for b in piece.encode("utf-8"))
            ids.extend(self.token_to_id[t] for t in self.bpe(word))
        return ids

    def decode(self, ids):
        to_byte = {c: b for b, c in self.alphabet.items()}
        id_to_token = {i: t for t, i in self.token_to_id.items()}
        return bytes(to_byte[c] for i in ids for c in id_to_token[i]).decode("utf-8")


PROSE = (
    "It was the best of times, it was the worst of times, it was the age of wisdom, it was "
    "the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it "
    "was the season of Light, it was the season of Darkness, it was the spring of hope, it was "
    "the winter of despair, we had everything before us, we had nothing before us, we were all "
    "going direct to Heaven, we were all going direct the other way -- in short, the period was "
    "so far like the present period, that some of its noisiest authorities insisted on its "
    "being received, for good or for evil, in the superlative degree of comparison only.\n\n"
    "There were a king with a large jaw and a queen with a plain face, on the throne of "
    "England; there were a king with a large jaw and a queen with a fair face, on the throne "
    "of France. In both countries it was clearer than crystal to the lords of the State "
    "preserves of loaves and fishes, that things in general were settled for ever.\n")

PYTHON_CODE = '''import os


class Greeter:
    """Says hello."""

    def __init__(self, name: str) -> None:
        self.name = name

    def greet(self, times=3):
        for i in range(times):
            if i % 2 == 0:
                print(f"Hello, {self.name}! #{i}")
            else:
                print('bye' * i, end="\\n")
        return {"ok": True, 'n': [1, 2.5, -3e10]}
'''

CPP_CODE = '''#include <vector>

// Sums the values.
template<typename T>
T sum(const std::vector<T> &values)
{
    T total{};
    for (const auto &v : values) {
        total += v; /* accumulate */
    }
    return total;
}

int main(int argc, char **argv)
{
\tstd::vector<int> xs = {1, 2, 3};
\treturn sum(xs) != 6 && argc > 1 ? -1 : 0;
}
'''


def fixed_cases():
    return [
        ("empty", ""),
        ("hello_world", "Hello world"),
        ("sentence", "The quick brown fox jumps over the lazy dog."),
        ("sentence_questions", "Where are you going? I don't know!"),
        ("uppercase", "THE QUICK BROWN FOX, SHOUTING."),
        ("camel_and_snake", "parseHTTPResponse snake_case_name kebab-case-name"),
        ("punctuation_runs", "Wait... what?!? (yes) [no] {maybe} <tag/> \"quoted\" --- ***"),
        ("contractions_lower", "it's don't we're they've I'm you'll he'd"),
        ("contractions_upper", "IT'S DON'T WE'RE THEY'VE I'M YOU'LL HE'D"),
        ("contraction_S_not", "JOHN'S car and John'S book"),
        ("contraction_prefixes", "'sand 'tis 'return 'velvet 'mall 'llama 'dog"),
        ("apostrophes_alone", "' '' ''' 's's 'x '"),
        ("quotes_around_contraction", "\"'s\" ('ll) 've. 're?"),
        ("curly_apostrophe", "it\u2019s don\u2019t \u2018quoted\u2019"),
        ("numbers", "1 12 123 1234 12345 123456789 3.14159 -42 1,000,000 0x1F"),
        ("numbers_mixed", "abc123def 4th 21st 1990s v2.0.1 2024-01-31 12:30:45"),
        ("unicode_numbers", "\u00bd \u00b2 \u2163 \u0663\u0664 \u4e09 \u2460\u2461"),
        ("space_before_word", " hello"),
        ("two_spaces_before_word", "  hello"),
        ("many_spaces_before_word", "          hello"),
        ("trailing_space", "hello "),
        ("trailing_spaces", "hello     "),
        ("only_space", " "),
        ("only_spaces", "        "),
        ("spaces_between", "a  b   c    d"),
        ("space_before_punct", "a , b  . c   !"),
        ("space_before_number", "a 1  2   3"),
        ("tab", "\t"),
        ("tabs_and_words", "a\tb\t\tc\t \td"),
        ("newline", "\n"),
        ("newlines", "line one\nline two\n\nline four\n\n\n"),
        ("crlf", "first\r\nsecond\r\n\r\nthird"),
        ("newline_then_spaces", "end\n    indented\n\tdone\n "),
        ("space_newline_mix", "a \n b \n\n c  \n  d"),
        ("python_code", PYTHON_CODE),
        ("cpp_code", CPP_CODE),
        ("json_snippet", '{"key": [1, 2, {"nested": null}], "x": "y\\n"}'),
        ("url_and_email", "See https://example.com/path?q=1&r=two#frag or mail me@example.org."),
        ("accents_precomposed",
         "caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00c5ngstr\u00f6m Stra\u00dfe"),
        ("accents_combining", "cafe\u0301 nai\u0308ve re\u0301sume\u0301 A\u030angstro\u0308m"),
        ("combining_alone", "\u0301\u0301 x\u0308 \u0308"),
        ("greek_cyrillic", "\u0391\u03b8\u03ae\u03bd\u03b1 \u041c\u043e\u0441\u043a\u0432\u0430, "
                           "\u043f\u0440\u0438\u0432\u0435\u0442!"),
        ("cjk_chinese", "\u6211\u7231\u81ea\u7136\u8bed\u8a00\u5904\u7406\u3002"),
        ("cjk_japanese", "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3001"
                         "\u30ab\u30bf\u30ab\u30ca\u3068\u3072\u3089\u304c\u306a\u3002"),
        ("korean", "\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8\uc785\ub2c8\ub2e4."),
        ("emoji", "I love \U0001F600\U0001F680 and \U0001F355!"),
        ("emoji_zwj_family", "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 family"),
        ("emoji_skin_tones",
         "\U0001F44D\U0001F3FB \U0001F44D\U0001F3FF \U0001F9D1\U0001F3FD\u200d\U0001F4BB"),
        ("emoji_flags_keycap",
         "\U0001F1EB\U0001F1F7 \U0001F1EF\U0001F1F5 1\ufe0f\u20e3 #\ufe0f\u20e3"),
        ("arabic", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645"),
        ("hebrew", "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"),
        ("rtl_mixed", "Hello \u05e9\u05dc\u05d5\u05dd 123 \u0645\u0631\u062d\u0628\u0627!"),
        ("devanagari_thai",
         "\u0928\u092e\u0938\u094d\u0924\u0947 \u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35"),
        ("repeat_letters", "a" * 300),
        ("repeat_space_letters", " ab" * 200),
        ("repeat_equals", "=" * 500),
        ("repeat_dashes_words", "-" * 80 + "\n" + "word " * 100),
        ("repeat_emoji", "\U0001F600" * 50),
        ("repeat_digits", "1234567890" * 30),
        ("endoftext_inside", "before<|endoftext|>after"),
        ("endoftext_alone", "<|endoftext|>"),
        ("endoftext_spaced", "The end. <|endoftext|> The beginning"),
        ("nbsp", "a\u00a0b \u00a0c\u00a0 d\u00a0\u00a0"),
        ("ideographic_space", "\u65e5\u3000\u672c \u3000x\u3000"),
        ("unicode_spaces", "a\u2002b\u2003c\u2009d\u200ae\u202ff\u205fg\u1680h"),
        ("line_paragraph_separators", "one\u2028two\u2029three\x85four"),
        ("zero_width", "zero\u200bwidth\u200c\u200djoin\ufeffbom"),
        ("control_characters", "a\x00b\x01c\x07d\x1be\x7ff\x1c\x1d\x1e\x1fg"),
        ("vertical_tab_formfeed", "a\x0bb\x0cc \x0b d"),
        ("math_symbols",
         "\u2200x \u2208 \u211d: x\u00b2 \u2265 0 \u2227 \u221a4 = 2 \u00b1 \u221e"),
        ("currency", "$5 \u20ac10 \u00a320.50 \u00a51000 \u20b9"),
        ("private_use_and_astral", "\ue000\U000F0000 \U0001D400\U0001D7CE \U00020000"),
        ("prose_paragraph", PROSE),
    ]


def random_cases(count, seed=20240501):
    """Random mixes of the characters where the pattern's alternatives meet, so that
    every boundary rule is exercised in combinations nobody thought to write down."""
    pool = (list("aZq9 '  ''\t\n\r.,!-_") + ["s", "t", "re", "ll", "ve", "d", "m", "S"]
            + ["\u00a0", "\u3000", "\u2028", "\u00e9", "e\u0301", "\u4e2d", "\u0663", "\u00bd",
               "\U0001F600", "\u200d", "\x00", "\x1f", "<|endoftext|>", "  ", "\n\n", " \n"])
    rng = random.Random(seed)
    return [(f"random_{i:02d}", "".join(rng.choice(pool) for _ in range(rng.randint(1, 60))))
            for i in range(count)]


def model_prompt_cases():
    reference = json.loads((MODEL_DIR / "reference.json").read_text(encoding="utf-8"))
    return [(f"model_prompt_{i}", s["prompt"], s["ids"])
            for i, s in enumerate(reference["samples"])]


def main():
    bpe = Gpt2Bpe(MODEL_DIR / "vocab.json", MODEL_DIR / "merges.txt")

    # Two independently known answers check the reference itself before it checks C++.
    assert bpe.encode("Hello world") == [15496, 995]
    for name, text, ids in model_prompt_cases():
        assert bpe.encode(text) == ids, name

    cases = []
    for name, text in fixed_cases() + random_cases(30):
        ids = bpe.encode(text)
        assert bpe.decode(ids) == text, name
        cases.append({"name": name, "text": text, "ids": ids})
    cases += [{"name": name, "text": text, "ids": ids} for name, text, ids in model_prompt_cases()]
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"

    # One case per line keeps diffs of the generated file readable.
    body = ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases)
    OUTPUT.write_text("[\n" + body + "\n]\n", encoding="utf-8")
    print(f"wrote {len(cases)} cases to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

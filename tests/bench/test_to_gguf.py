#!/usr/bin/env python3
"""bench/to_gguf.py's files read back with gguf's own reader (an independent parser):
GPT-2 metadata, the tokenizer, every tensor's name, shape and type, and its values
against the safetensors source. Runs in the benchmark's Debian unstable root, which has
python3-gguf (not in Debian 13): ./inkling.sh test --llama, never the default suite.
"""
import json
import os
import sys
import tempfile
import unittest

import numpy as np
import gguf

SRC = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SRC, "bench"))
import to_gguf  # noqa: E402

MODEL = os.path.join(SRC, "resources", "models", "inkling-tiny")


def text_of(name):
    with open(os.path.join(MODEL, name), encoding="utf-8") as f:
        return f.read()


class ToGgufTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.cfg = json.loads(text_of("config.json"))
        cls.source = to_gguf.read_safetensors(os.path.join(MODEL, "model.safetensors"))
        cls.readers = {}
        for t in to_gguf.TYPES:
            path = os.path.join(cls.tmp.name, t + ".gguf")
            to_gguf.convert(MODEL, path, t)
            cls.readers[t] = gguf.GGUFReader(path)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def field(self, reader, name):
        self.assertIn(name, reader.fields)
        return reader.fields[name].contents()

    def test_metadata(self):
        c = self.cfg
        for t, r in self.readers.items():
            with self.subTest(type=t):
                self.assertEqual(self.field(r, "general.architecture"), "gpt2")
                self.assertEqual(self.field(r, "gpt2.block_count"), c["n_layer"])
                self.assertEqual(self.field(r, "gpt2.embedding_length"), c["n_embd"])
                self.assertEqual(self.field(r, "gpt2.feed_forward_length"), 4 * c["n_embd"])
                self.assertEqual(self.field(r, "gpt2.attention.head_count"), c["n_head"])
                self.assertEqual(self.field(r, "gpt2.context_length"), c["n_positions"])
                self.assertAlmostEqual(self.field(r, "gpt2.attention.layer_norm_epsilon"), 1e-5)
                self.assertEqual(self.field(r, "general.file_type"), int(to_gguf.TYPES[t][1]))

    def test_tokenizer(self):
        vocab = json.loads(text_of("vocab.json"))
        merges = text_of("merges.txt").splitlines()[1:]  # after "#version: 0.2"
        r = self.readers["q8_0"]
        tokens = self.field(r, "tokenizer.ggml.tokens")
        self.assertEqual(len(tokens), 50257)
        self.assertTrue(all(tokens[i] == text for text, i in vocab.items()))
        self.assertEqual(tokens[50256], "<|endoftext|>")
        types = self.field(r, "tokenizer.ggml.token_type")
        self.assertEqual(types[50256], int(gguf.TokenType.CONTROL))
        self.assertEqual(types[0], int(gguf.TokenType.NORMAL))
        self.assertEqual(self.field(r, "tokenizer.ggml.merges"), [m for m in merges if m])
        self.assertEqual(self.field(r, "tokenizer.ggml.model"), "gpt2")
        self.assertEqual(self.field(r, "tokenizer.ggml.pre"), "gpt-2")
        self.assertEqual(self.field(r, "tokenizer.ggml.eos_token_id"), 50256)
        self.assertFalse(self.field(r, "tokenizer.ggml.add_bos_token"))

    def test_tensors(self):
        C, L, V = self.cfg["n_embd"], self.cfg["n_layer"], self.cfg["vocab_size"]
        # GGUF shapes list the row length first (ggml's ne[0]).
        expected = {"token_embd.weight": [C, V], "position_embd.weight": [C, 1024],
                    "output_norm.weight": [C], "output_norm.bias": [C]}
        for l in range(L):
            b = f"blk.{l}."
            expected.update({b + "attn_norm.weight": [C], b + "attn_norm.bias": [C],
                             b + "ffn_norm.weight": [C], b + "ffn_norm.bias": [C],
                             b + "attn_qkv.weight": [C, 3 * C], b + "attn_qkv.bias": [3 * C],
                             b + "attn_output.weight": [C, C], b + "attn_output.bias": [C],
                             b + "ffn_up.weight": [C, 4 * C], b + "ffn_up.bias": [4 * C],
                             b + "ffn_down.weight": [4 * C, C], b + "ffn_down.bias": [C]})
        for t, r in self.readers.items():
            with self.subTest(type=t):
                got = {x.name: x for x in r.tensors}
                self.assertEqual(set(got), set(expected))  # tied head: no output.weight
                for name, shape in expected.items():
                    x = got[name]
                    self.assertEqual([int(n) for n in x.shape], shape, name)
                    matrix = len(shape) == 2 and name != "position_embd.weight"
                    want = to_gguf.TYPES[t][0] if matrix else gguf.GGMLQuantizationType.F32
                    self.assertEqual(x.tensor_type, want, name)

    def test_values(self):
        # f32 is the source exactly (a Conv1D weight transposed); bf16 rounds to 8
        # significant bits (relative error <= 2^-8); q8_0 to 1/127 of each block of 32's
        # largest magnitude, half of that at most after rounding, plus the f16 scale's
        # rounding (2^-11 relative): bound 0.6 / 127 of the block maximum.
        w = self.source
        pairs = [("blk.1.attn_qkv.weight", w["h.1.attn.c_attn.weight"].T),
                 ("blk.7.ffn_down.weight", w["h.7.mlp.c_proj.weight"].T),
                 ("token_embd.weight", w["wte.weight"]),
                 ("blk.3.ffn_up.bias", w["h.3.mlp.c_fc.bias"])]
        for t, r in self.readers.items():
            got = {x.name: x for x in r.tensors}
            for name, src in pairs:
                with self.subTest(type=t, tensor=name):
                    x = got[name]
                    v = gguf.quants.dequantize(x.data, x.tensor_type).reshape(src.shape)
                    if t == "f32" or src.ndim == 1:
                        np.testing.assert_array_equal(v, src)
                    elif t == "bf16":
                        np.testing.assert_array_less(np.abs(v - src), np.abs(src) * 2.0**-8 + 1e-30)
                    else:
                        blocks = np.abs(src).reshape(src.shape[0], -1, 32).max(axis=2)
                        bound = np.repeat(blocks, 32, axis=1) * 0.6 / 127
                        np.testing.assert_array_less(np.abs(v - src), bound + 1e-30)


if __name__ == "__main__":
    unittest.main()

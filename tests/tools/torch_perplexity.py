#!/usr/bin/env python3
"""Perplexity of a text file under a Hugging Face GPT-2 directory, computed with PyTorch.

An independent oracle for `inkling-cli perplexity`: its own GPT-2 byte-level BPE (with
the `regex` module), its own safetensors reader, and the PyTorch GPT-2 forward pass of
make_tiny_gpt2.py, in float32. The text is preceded by <|endoftext|> and scored with
the same sliding window as the CLI: windows of `window` tokens (default: the model's
context), each after the first starting `window - stride` tokens before the previous
one ended, every token scored once.

Usage: torch_perplexity.py MODEL_DIR FILE [WINDOW [STRIDE]]
Prints: tokens N / mean_nll X / perplexity Y
"""
import json
import math
import os
import struct
import sys

import numpy as np
import regex
import torch

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_tiny_gpt2 import gpt2_logits  # noqa: E402

PATTERN = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")
END_OF_TEXT = 50256


def byte_alphabet():
    """GPT-2's reversible map from bytes to printable characters."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAC + 1)) + list(range(0xAE, 0xFF + 1))
    table, extra = {}, 0
    for b in range(256):
        if b in printable:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return table


class Bpe:
    def __init__(self, model_dir):
        with open(os.path.join(model_dir, "vocab.json"), encoding="utf-8") as f:
            self.vocab = json.load(f)
        with open(os.path.join(model_dir, "merges.txt"), encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#version")]
        self.ranks = {tuple(l.split(" ")): i for i, l in enumerate(lines)}
        self.alphabet = byte_alphabet()

    def word(self, piece):
        parts = [self.alphabet[b] for b in piece.encode("utf-8")]
        while len(parts) > 1:
            pairs = [(self.ranks.get((a, b), math.inf), i) for i, (a, b) in enumerate(zip(parts, parts[1:]))]
            rank, _ = min(pairs)
            if rank == math.inf:
                break
            first, second = next((parts[i], parts[i + 1]) for r, i in pairs if r == rank)
            merged, i = [], 0
            while i < len(parts):
                if i + 1 < len(parts) and parts[i] == first and parts[i + 1] == second:
                    merged.append(first + second)
                    i += 2
                else:
                    merged.append(parts[i])
                    i += 1
            parts = merged
        return [self.vocab[p] for p in parts]

    def encode(self, text):
        return [t for piece in PATTERN.findall(text) for t in self.word(piece)]


def load_safetensors(path):
    dtypes = {"F32": np.float32, "F16": np.float16}
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        a, b = t["data_offsets"]
        arr = np.frombuffer(data[a:b], dtype=dtypes[t["dtype"]]).reshape(t["shape"])
        out[name] = torch.from_numpy(arr.astype(np.float32))
    return out


def main():
    model_dir, path = sys.argv[1], sys.argv[2]
    window = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    stride = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    torch.set_num_threads(1)
    with open(os.path.join(model_dir, "config.json")) as f:
        cfg = json.load(f)
    weights = load_safetensors(os.path.join(model_dir, "model.safetensors"))
    prefix = "transformer." if "transformer.wte.weight" in weights else ""
    untied = "lm_head.weight" in weights
    with open(path, encoding="utf-8") as f:
        text = f.read()
    ids = [END_OF_TEXT] + Bpe(model_dir).encode(text)

    n_ctx = cfg["n_positions"]
    window = min(window, n_ctx) if window > 1 else n_ctx
    stride = min(stride, window - 1) if stride > 0 else max(1, window // 2)
    total, count, scored, begin = 0.0, 0, 1, 0
    with torch.no_grad():
        while scored < len(ids):
            end = min(begin + window, len(ids))
            logits = gpt2_logits(weights, cfg, ids[begin:end], prefix, untied).double()
            logp = torch.log_softmax(logits, dim=-1)
            for target in range(max(scored, begin + 1), end):
                total -= logp[target - begin - 1, ids[target]].item()
                count += 1
            scored = end
            if end == len(ids):
                break
            begin = end - (window - stride)
    mean = total / count
    print(f"tokens {count}\nmean_nll {mean:.6f}\nperplexity {math.exp(mean):.4f}")


if __name__ == "__main__":
    main()

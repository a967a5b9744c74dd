#!/usr/bin/env python3
"""Writes a Hugging Face GPT-2 directory (config.json, model.safetensors, vocab.json,
merges.txt) as a GGUF file that llama.cpp runs, for the benchmark's llama.cpp baseline.

Types: f32 (every tensor F32), bf16 and q8_0 (the matrices and the token embedding in
that type; LayerNorm gains, biases and the position embedding stay F32, as llama.cpp's
own converter leaves one-dimensional tensors, so each file compares with Inkling's
f32, bf16 and s8 on the same weights). Runs in the benchmark's Debian unstable root,
which has python3-gguf (see env/bench-packages.txt).

    python3 bench/to_gguf.py MODEL_DIR OUT.gguf --type q8_0
"""
import argparse
import json
import os
import struct

import numpy as np
import gguf

TYPES = {
    "f32": (gguf.GGMLQuantizationType.F32, gguf.LlamaFileType.ALL_F32),
    "bf16": (gguf.GGMLQuantizationType.BF16, gguf.LlamaFileType.MOSTLY_BF16),
    "q8_0": (gguf.GGMLQuantizationType.Q8_0, gguf.LlamaFileType.MOSTLY_Q8_0),
}


def read_safetensors(path):
    """{name without 'transformer.': float32 array}; F16 and BF16 widened exactly."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + n)
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        raw = np.asarray(data[a:b])
        if info["dtype"] == "BF16":
            arr = (raw.view(np.uint16).astype(np.uint32) << 16).view(np.float32)
        elif info["dtype"] in ("F16", "F32"):
            arr = raw.view(np.float16 if info["dtype"] == "F16" else np.float32).astype(np.float32)
        else:
            raise SystemExit(f"{path}: tensor {name} has unsupported type {info['dtype']}")
        out[name.removeprefix("transformer.")] = arr.reshape(info["shape"])
    return out


def gguf_tensors(w, n_layer):
    """(GGUF name, array, is a matrix) in llama.cpp's GPT-2 layout. Hugging Face's Conv1D
    stores a linear layer as [in, out]; GGUF's row-major [out, in] is its transpose."""
    yield "token_embd.weight", w["wte.weight"], True
    yield "position_embd.weight", w["wpe.weight"], False
    for l in range(n_layer):
        p, b = f"h.{l}.", f"blk.{l}."
        for hf, ours, matrix in [("ln_1", "attn_norm", False), ("ln_2", "ffn_norm", False),
                                 ("attn.c_attn", "attn_qkv", True),
                                 ("attn.c_proj", "attn_output", True),
                                 ("mlp.c_fc", "ffn_up", True), ("mlp.c_proj", "ffn_down", True)]:
            weight = w[p + hf + ".weight"]
            yield b + ours + ".weight", weight.T if matrix else weight, matrix
            yield b + ours + ".bias", w[p + hf + ".bias"], False
    yield "output_norm.weight", w["ln_f.weight"], False
    yield "output_norm.bias", w["ln_f.bias"], False
    # A tied head (GPT-2's) is left out: llama.cpp then uses token_embd for the logits.
    if "lm_head.weight" in w and not np.array_equal(w["lm_head.weight"], w["wte.weight"]):
        yield "output.weight", w["lm_head.weight"], True


def add_tokenizer(writer, model_dir, eos):
    """GPT-2's byte-level BPE: the vocabulary in id order and the merges by rank."""
    with open(os.path.join(model_dir, "vocab.json"), encoding="utf-8") as f:
        vocab = json.load(f)
    tokens = [None] * len(vocab)
    for text, i in vocab.items():
        tokens[i] = text
    if any(t is None for t in tokens):
        raise SystemExit(f"{model_dir}/vocab.json: token ids are not 0..{len(vocab) - 1}")
    with open(os.path.join(model_dir, "merges.txt"), encoding="utf-8") as f:
        merges = [line.rstrip("\n") for line in f
                  if line.strip() and not line.startswith("#version")]
    types = [gguf.TokenType.CONTROL if t == "<|endoftext|>" else gguf.TokenType.NORMAL
             for t in tokens]
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("gpt-2")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(merges)
    writer.add_bos_token_id(eos)
    writer.add_eos_token_id(eos)
    # GPT-2 starts a text with its first token, not <|endoftext|>; Inkling does the same.
    writer.add_add_bos_token(False)
    return len(tokens)


def convert(model_dir, out_path, type_name):
    qtype, file_type = TYPES[type_name]
    with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    n_embd, n_layer = cfg["n_embd"], cfg["n_layer"]
    w = read_safetensors(os.path.join(model_dir, "model.safetensors"))

    tmp = out_path + ".partial"
    writer = gguf.GGUFWriter(tmp, "gpt2")
    writer.add_name(os.path.basename(os.path.normpath(model_dir)))
    writer.add_context_length(cfg["n_positions"])
    writer.add_embedding_length(n_embd)
    writer.add_feed_forward_length(cfg.get("n_inner") or 4 * n_embd)
    writer.add_block_count(n_layer)
    writer.add_head_count(cfg["n_head"])
    writer.add_layer_norm_eps(cfg.get("layer_norm_epsilon", 1e-5))
    writer.add_file_type(file_type)
    n_vocab = add_tokenizer(writer, model_dir, cfg.get("eos_token_id", 50256))
    if n_vocab != cfg["vocab_size"]:
        raise SystemExit(f"{model_dir}: vocab.json has {n_vocab} tokens, config.json {cfg['vocab_size']}")

    for name, arr, matrix in gguf_tensors(w, n_layer):
        arr = np.ascontiguousarray(arr, dtype=np.float32)
        if matrix and qtype != gguf.GGMLQuantizationType.F32:
            writer.add_tensor(name, gguf.quants.quantize(arr, qtype), raw_dtype=qtype)
        else:
            writer.add_tensor(name, arr)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    os.replace(tmp, out_path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model_dir")
    ap.add_argument("out")
    ap.add_argument("--type", choices=sorted(TYPES), default="f32")
    args = ap.parse_args()
    convert(args.model_dir, args.out, args.type)


if __name__ == "__main__":
    main()

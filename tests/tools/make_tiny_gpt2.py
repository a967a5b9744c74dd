#!/usr/bin/env python3
"""Writes tiny random GPT-2 checkpoints and their PyTorch reference logits.

For each case: OUT/<name>/{config.json, model.safetensors} in the Hugging Face layout,
plus tokens.json (a random token sequence) and logits.f32 (float32 [T, V], the logits
after every position), computed by the independent PyTorch GPT-2 below in float32 from
exactly the weights stored in the file (F16/BF16 weights are rounded first).
tst_gpt2_torch compares Inkling's forward pass against these.
"""
import json
import math
import os
import struct
import sys
import zlib

import torch

CASES = [
    # name, n_layer, n_embd, n_head, n_vocab, n_ctx, dtype, prefixed, untied head, tokens
    ("f32-2x32", 2, 32, 4, 300, 128, torch.float32, True, False, 100),
    ("f16-3x48", 3, 48, 3, 257, 96, torch.float16, False, False, 90),
    ("bf16-1x64", 1, 64, 8, 500, 80, torch.bfloat16, True, False, 75),
    ("f32-untied-2x16", 2, 16, 2, 100, 70, torch.float32, False, True, 70),
]

ST_DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16"}


def write_safetensors(path, tensors):
    """Safetensors by hand (header length, JSON header, raw little-endian data)."""
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        raw = t.contiguous().view(torch.uint8).numpy().tobytes() if t.dtype == torch.bfloat16 \
            else t.contiguous().numpy().tobytes()
        header[name] = {"dtype": ST_DTYPES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def gelu_tanh(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


def gpt2_logits(w, cfg, ids, prefix, untied):
    """GPT-2 forward pass (nanoGPT-style) over HF Conv1D weights [in, out]."""
    p = lambda name: w[prefix + name].float()
    C, H = cfg["n_embd"], cfg["n_head"]
    T = len(ids)
    x = p("wte.weight")[ids] + p("wpe.weight")[:T]
    mask = torch.tril(torch.ones(T, T, dtype=torch.bool))
    for l in range(cfg["n_layer"]):
        h = f"h.{l}."
        a = torch.nn.functional.layer_norm(x, (C,), p(h + "ln_1.weight"), p(h + "ln_1.bias"), 1e-5)
        qkv = a @ p(h + "attn.c_attn.weight") + p(h + "attn.c_attn.bias")
        q, k, v = qkv.split(C, dim=1)
        q, k, v = (t.view(T, H, C // H).transpose(0, 1) for t in (q, k, v))
        att = (q @ k.transpose(1, 2)) / math.sqrt(C // H)
        att = att.masked_fill(~mask, float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(0, 1).reshape(T, C)
        x = x + y @ p(h + "attn.c_proj.weight") + p(h + "attn.c_proj.bias")
        m = torch.nn.functional.layer_norm(x, (C,), p(h + "ln_2.weight"), p(h + "ln_2.bias"), 1e-5)
        m = gelu_tanh(m @ p(h + "mlp.c_fc.weight") + p(h + "mlp.c_fc.bias"))
        x = x + m @ p(h + "mlp.c_proj.weight") + p(h + "mlp.c_proj.bias")
    x = torch.nn.functional.layer_norm(x, (C,), p("ln_f.weight"), p("ln_f.bias"), 1e-5)
    head = w["lm_head.weight"].float() if untied else p("wte.weight")
    return x @ head.T


def make_case(out, name, n_layer, n_embd, n_head, n_vocab, n_ctx, dtype, prefixed, untied, n_tokens):
    g = torch.Generator().manual_seed(zlib.crc32(name.encode()))
    rnd = lambda *shape, scale=0.2: (torch.randn(*shape, generator=g) * scale).to(dtype)
    prefix = "transformer." if prefixed else ""
    C, F = n_embd, 4 * n_embd
    w = {prefix + "wte.weight": rnd(n_vocab, C, scale=0.5), prefix + "wpe.weight": rnd(n_ctx, C)}
    for l in range(n_layer):
        h = f"{prefix}h.{l}."
        w[h + "ln_1.weight"] = (1 + rnd(C, scale=0.1).float()).to(dtype)
        w[h + "ln_1.bias"] = rnd(C, scale=0.1)
        w[h + "attn.c_attn.weight"] = rnd(C, 3 * C)
        w[h + "attn.c_attn.bias"] = rnd(3 * C, scale=0.05)
        w[h + "attn.c_proj.weight"] = rnd(C, C)
        w[h + "attn.c_proj.bias"] = rnd(C, scale=0.05)
        w[h + "ln_2.weight"] = (1 + rnd(C, scale=0.1).float()).to(dtype)
        w[h + "ln_2.bias"] = rnd(C, scale=0.1)
        w[h + "mlp.c_fc.weight"] = rnd(C, F)
        w[h + "mlp.c_fc.bias"] = rnd(F, scale=0.05)
        w[h + "mlp.c_proj.weight"] = rnd(F, C, scale=0.1)
        w[h + "mlp.c_proj.bias"] = rnd(C, scale=0.05)
        # The causal-mask buffer transformers stores; the loader must ignore it.
        w[h + "attn.bias"] = torch.tril(torch.ones(n_ctx, n_ctx)).view(1, 1, n_ctx, n_ctx).to(dtype)
    w[prefix + "ln_f.weight"] = (1 + rnd(C, scale=0.1).float()).to(dtype)
    w[prefix + "ln_f.bias"] = rnd(C, scale=0.1)
    if untied:
        w["lm_head.weight"] = rnd(n_vocab, C, scale=0.5)
    cfg = {"model_type": "gpt2", "architectures": ["GPT2LMHeadModel"], "vocab_size": n_vocab,
           "n_positions": n_ctx, "n_ctx": n_ctx, "n_embd": C, "n_layer": n_layer, "n_head": n_head,
           "n_inner": None, "activation_function": "gelu_new", "layer_norm_epsilon": 1e-5,
           "tie_word_embeddings": not untied}
    ids = torch.randint(0, n_vocab, (n_tokens,), generator=g).tolist()
    with torch.no_grad():
        logits = gpt2_logits(w, cfg, ids, prefix, untied)
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    write_safetensors(os.path.join(d, "model.safetensors"), w)
    with open(os.path.join(d, "config.json"), "w") as f:
        json.dump(cfg, f, indent=1)
    with open(os.path.join(d, "tokens.json"), "w") as f:
        json.dump(ids, f)
    logits.contiguous().numpy().astype("<f4").tofile(os.path.join(d, "logits.f32"))
    # Mean negative log-likelihood of tokens[1:] given their prefixes, as PyTorch computes it.
    nll = torch.nn.functional.cross_entropy(logits[:-1].double(), torch.tensor(ids[1:])).item()
    with open(os.path.join(d, "nll.json"), "w") as f:
        json.dump({"mean_nll": nll}, f)


def main():
    out = sys.argv[1]
    torch.set_num_threads(1)
    for case in CASES:
        make_case(out, *case)
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump([c[0] for c in CASES], f)


if __name__ == "__main__":
    main()

// A tiny GPT-2 model directory for tests that need a second, different model: 1 layer,
// 8 wide, GPT-2's own vocabulary (the embedded model's tokenizer files) and
// pseudo-random F32 weights, about 1.6 MB. Its suggestions are arbitrary token
// sequences, which is exactly what robustness tests want.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cstring>

namespace tiny_model {

inline QJsonObject config(int nEmbd = 8, int nLayer = 1, int nPositions = 64, int nVocab = 50257)
{
    return {{"model_type", "gpt2"},
            {"vocab_size", nVocab},
            {"n_positions", nPositions},
            {"n_embd", nEmbd},
            {"n_head", 2},
            {"n_layer", nLayer},
            {"activation_function", "gelu_new"},
            {"layer_norm_epsilon", 1e-5}};
}

// safetensors bytes for the config's shapes (F32, "transformer." prefix, tied head).
// Embedding rows from GPT-2's 50,257 tokens on (a padded vocabulary) are scaled by
// paddedScale, so that their logits dominate and a sampler that does not skip them
// would pick them.
inline QByteArray safetensors(int nEmbd = 8, int nLayer = 1, int nPositions = 64,
                              int nVocab = 50257, float paddedScale = 1.0f)
{
    const qint64 C = nEmbd, V = nVocab, P = nPositions;
    QList<std::pair<QString, QList<qint64>>> tensors = {{"wte.weight", {V, C}},
                                                        {"wpe.weight", {P, C}}};
    for (int l = 0; l < nLayer; ++l) {
        const QString h = QStringLiteral("h.%1.").arg(l);
        tensors += {{h + "ln_1.weight", {C}},
                    {h + "ln_1.bias", {C}},
                    {h + "attn.c_attn.weight", {C, 3 * C}},
                    {h + "attn.c_attn.bias", {3 * C}},
                    {h + "attn.c_proj.weight", {C, C}},
                    {h + "attn.c_proj.bias", {C}},
                    {h + "ln_2.weight", {C}},
                    {h + "ln_2.bias", {C}},
                    {h + "mlp.c_fc.weight", {C, 4 * C}},
                    {h + "mlp.c_fc.bias", {4 * C}},
                    {h + "mlp.c_proj.weight", {4 * C, C}},
                    {h + "mlp.c_proj.bias", {C}}};
    }
    tensors += {{"ln_f.weight", {C}}, {"ln_f.bias", {C}}};
    QJsonObject header;
    qint64 offset = 0;
    for (const auto &[name, shape] : tensors) {
        qint64 n = 4;
        QJsonArray jsonShape;
        for (qint64 d : shape) {
            n *= d;
            jsonShape << double(d);
        }
        header["transformer." + name] =
            QJsonObject{{"dtype", "F32"},
                        {"shape", jsonShape},
                        {"data_offsets", QJsonArray{double(offset), double(offset + n)}}};
        offset += n;
    }
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QByteArray out(8, 0);
    for (int i = 0; i < 8; ++i)
        out[i] = char((quint64(json.size()) >> (8 * i)) & 0xFF);
    out += json;
    QByteArray data(offset, 0);
    quint32 state = 12345;
    for (qint64 i = 0; i < offset / 4; ++i) {
        state = state * 1664525u + 1013904223u; // LCG: reproducible, no <random> needed
        float v = 0.5f * (float(state >> 8) / float(1 << 24) - 0.5f);
        if (i >= 50257 * C && i < V * C) // wte comes first: the padded rows
            v *= paddedScale;
        std::memcpy(data.data() + 4 * i, &v, 4);
    }
    return out + data;
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Writes the model into dir (which must exist); false on an I/O failure.
inline bool write(const QString &dir, const QString &embeddedModelDir)
{
    return writeFile(dir + "/config.json", QJsonDocument(config()).toJson()) &&
           writeFile(dir + "/model.safetensors", safetensors()) &&
           QFile::copy(embeddedModelDir + "/vocab.json", dir + "/vocab.json") &&
           QFile::copy(embeddedModelDir + "/merges.txt", dir + "/merges.txt");
}

} // namespace tiny_model

// Corrupt and inconsistent model directories: each gives a ModelError naming the file
// (and tensor) with the expected reason, never a crash. The baseline row proves that
// the unmutated directory loads, so every failure comes from its mutation.
#include "engine/model/language_model.h"
#include "engine/model/model_error.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace inkling;

namespace {

const QString kEmbedded = QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");

struct Tensor
{
    QString name;
    QString dtype = "F32";
    QList<qint64> shape;
};

// The tensors of a 1-layer, 8-wide GPT-2 with GPT-2's vocabulary (so the real
// tokenizer files fit it).
QList<Tensor> tinyTensors(const QString &prefix)
{
    const qint64 C = 8, V = 50257, P = 16;
    QList<Tensor> t = {{prefix + "wte.weight", "F32", {V, C}},
                       {prefix + "wpe.weight", "F32", {P, C}}};
    const QString h = prefix + "h.0.";
    t << Tensor{h + "ln_1.weight", "F32", {C}} << Tensor{h + "ln_1.bias", "F32", {C}}
      << Tensor{h + "attn.c_attn.weight", "F32", {C, 3 * C}}
      << Tensor{h + "attn.c_attn.bias", "F32", {3 * C}}
      << Tensor{h + "attn.c_proj.weight", "F32", {C, C}}
      << Tensor{h + "attn.c_proj.bias", "F32", {C}} << Tensor{h + "ln_2.weight", "F32", {C}}
      << Tensor{h + "ln_2.bias", "F32", {C}} << Tensor{h + "mlp.c_fc.weight", "F32", {C, 4 * C}}
      << Tensor{h + "mlp.c_fc.bias", "F32", {4 * C}}
      << Tensor{h + "mlp.c_proj.weight", "F32", {4 * C, C}}
      << Tensor{h + "mlp.c_proj.bias", "F32", {C}} << Tensor{prefix + "ln_f.weight", "F32", {C}}
      << Tensor{prefix + "ln_f.bias", "F32", {C}};
    return t;
}

qint64 elementSize(const QString &dtype)
{
    return dtype == "F16" || dtype == "BF16" ? 2 : dtype == "F64" ? 8 : 4;
}

QByteArray safetensors(const QList<Tensor> &tensors, const QString &mutation)
{
    QJsonObject header;
    qint64 offset = 0;
    for (const Tensor &t : tensors) {
        qint64 n = elementSize(t.dtype);
        QJsonArray shape;
        for (qint64 d : t.shape) {
            n *= d;
            shape << double(d);
        }
        qint64 begin = offset;
        if (mutation == "overlap" && t.name.endsWith("ln_1.bias"))
            begin -= 4; // starts inside ln_1.weight
        header[t.name] =
            QJsonObject{{"dtype", t.dtype},
                        {"shape", shape},
                        {"data_offsets", QJsonArray{double(begin), double(begin + n)}}};
        offset = begin + n;
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    if (mutation == "bad header json")
        json[0] = 'x';
    quint64 len = quint64(json.size());
    if (mutation == "header length too large")
        len = 1ull << 40;
    QByteArray out(8, 0);
    for (int i = 0; i < 8; ++i)
        out[i] = char((len >> (8 * i)) & 0xFF);
    out += json;
    QByteArray data(offset, 0);
    for (qint64 i = 0; i < offset / 4; ++i) {
        const float v = 0.01f * float(i % 17);
        memcpy(data.data() + 4 * i, &v, 4);
    }
    out += data;
    if (mutation == "truncated")
        out.chop(1); // the last tensor (ln_f.bias) loses its last byte
    if (mutation == "tiny file")
        out = out.left(5);
    return out;
}

QJsonObject tinyConfig()
{
    return {{"model_type", "gpt2"},
            {"vocab_size", 50257},
            {"n_positions", 16},
            {"n_embd", 8},
            {"n_head", 2},
            {"n_layer", 1},
            {"activation_function", "gelu_new"},
            {"layer_norm_epsilon", 1e-5}};
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestModelErrors : public QObject
{
    Q_OBJECT

private slots:
    void corrupt_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("file");   // the file the error must name ("" = loads)
        QTest::addColumn<QString>("tensor"); // the tensor it must name, if any
        QTest::addColumn<QString>("reason"); // a phrase of the message
        QTest::addRow("baseline") << "" << "" << "" << "";
        QTest::addRow("baseline without prefix") << "no prefix" << "" << "" << "";
        QTest::addRow("truncated file")
            << "truncated" << "model.safetensors" << "transformer.ln_f.bias" << "outside";
        QTest::addRow("file shorter than its header")
            << "tiny file" << "model.safetensors" << "" << "too short";
        QTest::addRow("header length beyond the file")
            << "header length too large" << "model.safetensors" << "" << "does not fit";
        QTest::addRow("header not JSON")
            << "bad header json" << "model.safetensors" << "" << "bad header";
        QTest::addRow("overlapping offsets")
            << "overlap" << "model.safetensors" << "transformer.h.0.ln_1.bias" << "overlaps";
        QTest::addRow("wrong shape")
            << "wrong shape" << "model.safetensors" << "transformer.h.0.attn.c_attn.weight"
            << "does not match config.json";
        QTest::addRow("wrong dtype")
            << "wrong dtype" << "model.safetensors" << "transformer.wpe.weight" << "not supported";
        QTest::addRow("missing tensor")
            << "missing tensor" << "model.safetensors" << "transformer.ln_f.bias" << "missing";
        QTest::addRow("unexpected tensor") << "unexpected tensor" << "model.safetensors"
                                           << "transformer.h.0.extra" << "unexpected";
        QTest::addRow("n_head does not divide n_embd")
            << "n_head 3" << "config.json" << "" << "n_head must divide n_embd";
        QTest::addRow("absurd n_layer")
            << "n_layer 100000" << "config.json" << "" << "n_layer out of range";
        QTest::addRow("negative vocab_size")
            << "vocab_size -1" << "config.json" << "" << "not a sensible integer";
        QTest::addRow("huge n_embd")
            << "n_embd 1e12" << "config.json" << "" << "not a sensible integer";
        QTest::addRow("missing n_embd") << "no n_embd" << "config.json" << "" << "missing key";
        QTest::addRow("not GPT-2") << "llama" << "config.json" << "" << "only GPT-2";
        QTest::addRow("config not JSON") << "config garbage" << "config.json" << "" << "JSON error";
        QTest::addRow("vocab smaller than the tokenizer")
            << "vocab_size 1000" << "model.safetensors" << "transformer.wte.weight"
            << "does not match";
        QTest::addRow("missing vocab.json") << "no vocab" << "vocab.json" << "" << "missing";
        QTest::addRow("missing merges.txt") << "no merges" << "merges.txt" << "" << "missing";
        QTest::addRow("broken vocab.json") << "vocab garbage" << "vocab.json" << "" << "vocab.json";
        QTest::addRow("not a directory")
            << "no directory" << "nonexistent" << "" << "does not exist";
    }

    void corrupt()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, file);
        QFETCH(QString, tensor);
        QFETCH(QString, reason);

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.path();
        QList<Tensor> tensors = tinyTensors(mutation == "no prefix" ? "" : "transformer.");
        if (mutation == "wrong shape")
            tensors[4].shape = {8, 16};
        if (mutation == "wrong dtype")
            tensors[1].dtype = "I32";
        if (mutation == "missing tensor")
            tensors.removeLast();
        if (mutation == "unexpected tensor")
            tensors << Tensor{"transformer.h.0.extra", "F32", {2}};
        write(dir + "/model.safetensors", safetensors(tensors, mutation));

        QJsonObject config = tinyConfig();
        if (mutation == "n_head 3")
            config["n_head"] = 3;
        if (mutation == "n_layer 100000")
            config["n_layer"] = 100000;
        if (mutation == "vocab_size -1")
            config["vocab_size"] = -1;
        if (mutation == "vocab_size 1000")
            config["vocab_size"] = 50300;
        if (mutation == "n_embd 1e12")
            config["n_embd"] = 1e12;
        if (mutation == "no n_embd")
            config.remove("n_embd");
        if (mutation == "llama")
            config["model_type"] = "llama";
        write(dir + "/config.json", mutation == "config garbage" ? QByteArray("{\"n_embd\": 8,")
                                                                 : QJsonDocument(config).toJson());
        if (mutation != "no vocab")
            QVERIFY(QFile::copy(kEmbedded + "/vocab.json", dir + "/vocab.json"));
        if (mutation == "vocab garbage")
            write(dir + "/vocab.json", "{\"a\": 0, ");
        if (mutation != "no merges")
            QVERIFY(QFile::copy(kEmbedded + "/merges.txt", dir + "/merges.txt"));

        const std::string path =
            mutation == "no directory" ? (dir + "/nonexistent").toStdString() : dir.toStdString();
        if (file.isEmpty()) {
            const auto model = LanguageModel::load(path);
            QCOMPARE(model->config().nEmbd, 8);
            QCOMPARE(model->fileDType(), std::string("F32"));
            return;
        }
        try {
            LanguageModel::load(path);
            QFAIL("the corrupt model loaded");
        } catch (const ModelError &e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(QString::fromStdString(e.file()).endsWith(file), qPrintable(what));
            QCOMPARE(QString::fromStdString(e.tensor()), tensor);
            QVERIFY2(what.contains(reason), qPrintable(what));
        }
    }
};

QTEST_APPLESS_MAIN(TestModelErrors)
#include "tst_model_errors.moc"

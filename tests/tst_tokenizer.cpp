// Checks the GPT-2 tokenizer against token ids from an independent Python reference
// (tools/make_tokenizer_reference.py), plus byte round trips, Utf8Stream and load errors.
#include "engine/text/tokenizer.h"
#include "engine/text/utf8_stream.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>
#include <random>

using inkling::Tokenizer;
using inkling::TokenizerError;
using inkling::Utf8Stream;

namespace {

const QString kModelDir = QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

// Ids as text, so that a failing QCOMPARE shows both sequences.
QByteArray idsToString(const std::vector<int> &ids)
{
    QByteArray s;
    for (const int id : ids)
        s += QByteArray::number(id) + ' ';
    return s;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(contents) == contents.size();
}

// The 256 single-byte tokens of GPT-2 (ids 0..255 in its vocab.json) as JSON members, the
// base every hand-made test vocabulary needs.
QJsonObject byteTokens()
{
    QFile f(kModelDir + "/vocab.json");
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject vocab = QJsonDocument::fromJson(f.readAll()).object();
    QJsonObject bytes;
    for (auto it = vocab.begin(); it != vocab.end(); ++it) {
        if (it.value().toInt() < 256)
            bytes.insert(it.key(), it.value());
    }
    return bytes;
}

QByteArray vocabJson(const QStringList &extraTokens)
{
    QJsonObject vocab = byteTokens();
    for (const QString &token : extraTokens)
        vocab.insert(token, int(vocab.size()));
    return QJsonDocument(vocab).toJson(QJsonDocument::Compact);
}

} // namespace

class TestTokenizer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void encode_data();
    void encode();
    void vocabulary();

    void invalidUtf8RoundTrip_data();
    void invalidUtf8RoundTrip();
    void randomBytesRoundTrip();

    void utf8Stream_data();
    void utf8Stream();
    void utf8StreamOverTokens_data();
    void utf8StreamOverTokens();

    void handMadeMerges();
    void loadErrors_data();
    void loadErrors();

private:
    std::optional<Tokenizer> m_tokenizer;
};

void TestTokenizer::initTestCase()
{
    m_tokenizer = Tokenizer::load((kModelDir + "/vocab.json").toStdString(),
                                  (kModelDir + "/merges.txt").toStdString());
}

void TestTokenizer::encode_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("ids");

    QFile f(QStringLiteral(INKLING_TEST_DATA_DIR "/tokenizer_reference.json"));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    QJsonParseError error;
    const QJsonArray cases = QJsonDocument::fromJson(f.readAll(), &error).array();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(cases.size() >= 60);
    for (const QJsonValue &c : cases) {
        QList<int> ids;
        for (const QJsonValue &id : c["ids"].toArray())
            ids.append(id.toInt());
        QTest::addRow("%s", qPrintable(c["name"].toString()))
            << c["text"].toString().toUtf8() << ids;
    }
}

void TestTokenizer::encode()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<int>, ids);
    const std::vector<int> expected(ids.begin(), ids.end());

    // Exact equality: the reference is deterministic, there is no tolerance to allow.
    const std::vector<int> got = m_tokenizer->encode(view(text));
    QCOMPARE(idsToString(got), idsToString(expected));
    QCOMPARE(QByteArray::fromStdString(m_tokenizer->decode(expected)), text);
    // Second call: answers now come from the word cache and must not change.
    QCOMPARE(idsToString(m_tokenizer->encode(view(text))), idsToString(expected));
}

void TestTokenizer::vocabulary()
{
    QCOMPARE(m_tokenizer->vocabSize(), 50257);
    QCOMPARE(m_tokenizer->tokenBytes(Tokenizer::kEndOfText), std::string("<|endoftext|>"));
    QCOMPARE(m_tokenizer->tokenBytes(198), std::string("\n"));
    QCOMPARE(m_tokenizer->tokenBytes(220), std::string(" "));
    QVERIFY_THROWS_EXCEPTION(TokenizerError, m_tokenizer->tokenBytes(-1));
    QVERIFY_THROWS_EXCEPTION(TokenizerError, m_tokenizer->tokenBytes(50257));
    const int bad[] = {15496, 50257};
    QVERIFY_THROWS_EXCEPTION(TokenizerError, m_tokenizer->decode(bad));
}

void TestTokenizer::invalidUtf8RoundTrip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("lone continuation") << QByteArray("\x80");
    QTest::addRow("0xFF") << QByteArray("\xff");
    QTest::addRow("overlong slash") << QByteArray("a\xc0\xaf b");
    QTest::addRow("surrogate") << QByteArray("x\xed\xa0\x80y");
    QTest::addRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80");
    QTest::addRow("truncated at end") << QByteArray("word \xe4\xb8");
    QTest::addRow("truncated mid-text") << QByteArray("\xe4\xb8 next \xf0\x9f\x98");
    QTest::addRow("between spaces") << QByteArray("a \xff  \xfe\xfd   b");
    QTest::addRow("after letters") << QByteArray("hello\xffworld's\x80");
    QTest::addRow("before apostrophe") << QByteArray("\xff's \xc3't");
    QTest::addRow("valid after invalid") << QByteArray("\xc3\xc3\xa9t\xc3\xa9");
    QTest::addRow("only whitespace and bad") << QByteArray(" \n\xa0 \xc2");
}

void TestTokenizer::invalidUtf8RoundTrip()
{
    QFETCH(QByteArray, bytes);
    const std::vector<int> ids = m_tokenizer->encode(view(bytes));
    QCOMPARE(QByteArray::fromStdString(m_tokenizer->decode(ids)), bytes);
}

void TestTokenizer::randomBytesRoundTrip()
{
    // Biased towards bytes that start or continue UTF-8 sequences and towards the
    // separators the pattern cares about, to hit every half-valid combination.
    const char pool[] =
        " '\n\tsaZ9.\x80\x8f\x9f\xa0\xbf\xc2\xc3\xdf\xe0\xe4\xed\xef\xf0\xf4\xf5\xff";
    std::mt19937 rng(12345);
    std::uniform_int_distribution<int> pick(0, int(sizeof(pool)) - 2);
    std::uniform_int_distribution<int> length(1, 40);
    for (int i = 0; i < 2000; ++i) {
        QByteArray bytes;
        for (int n = length(rng); n > 0; --n)
            bytes += pool[pick(rng)];
        const std::vector<int> ids = m_tokenizer->encode(view(bytes));
        QCOMPARE(QByteArray::fromStdString(m_tokenizer->decode(ids)), bytes);
    }
}

void TestTokenizer::utf8Stream_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QByteArrayList>("outputs"); // one per push, then one for flush()

    const QByteArray fffd = "\xef\xbf\xbd";
    QTest::addRow("ascii") << QByteArrayList{"ab", "c"} << QByteArrayList{"ab", "c", ""};
    QTest::addRow("emoji byte by byte") << QByteArrayList{"\xf0", "\x9f", "\x98", "\x80"}
                                        << QByteArrayList{"", "", "", "\xf0\x9f\x98\x80", ""};
    QTest::addRow("cjk split across pushes")
        << QByteArrayList{"a\xe4", "\xb8\xad\xe6", "\x96\x87!"}
        << QByteArrayList{"a", "\xe4\xb8\xad", "\xe6\x96\x87!", ""};
    QTest::addRow("invalid byte at once")
        << QByteArrayList{"a\xffz"} << QByteArrayList{"a" + fffd + "z", ""};
    QTest::addRow("lone continuation") << QByteArrayList{"\x80"} << QByteArrayList{fffd, ""};
    QTest::addRow("broken by ascii")
        << QByteArrayList{"\xe4\xb8", "A"} << QByteArrayList{"", fffd + "A", ""};
    QTest::addRow("broken by a new lead byte")
        << QByteArrayList{"\xe4", "\xc3\xa9"} << QByteArrayList{"", fffd + "\xc3\xa9", ""};
    QTest::addRow("unfinished at flush")
        << QByteArrayList{"ok\xf0\x9f"} << QByteArrayList{"ok", fffd};
    // As in Python's errors="replace": ED A0 is no prefix of any character, so each
    // of the three bytes of an encoded surrogate is its own U+FFFD.
    QTest::addRow("surrogate") << QByteArrayList{"\xed\xa0\x80"}
                               << QByteArrayList{fffd + fffd + fffd, ""};
    QTest::addRow("overlong") << QByteArrayList{"\xc0\xaf"} << QByteArrayList{fffd + fffd, ""};
    QTest::addRow("above U+10FFFF")
        << QByteArrayList{"\xf4\x90"} << QByteArrayList{fffd + fffd, ""};
}

void TestTokenizer::utf8Stream()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QByteArrayList, outputs);
    Utf8Stream stream;
    for (qsizetype i = 0; i < chunks.size(); ++i)
        QCOMPARE(QByteArray::fromStdString(stream.push(view(chunks[i]))), outputs[i]);
    QCOMPARE(QByteArray::fromStdString(stream.flush()), outputs.last());
    QCOMPARE(QByteArray::fromStdString(stream.flush()), QByteArray()); // flush resets
}

void TestTokenizer::utf8StreamOverTokens_data()
{
    // Each text has a character that GPT-2 splits across tokens.
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("emoji") << QByteArray("\xf0\x9f\x98\x80 smile \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd");
    QTest::addRow("cjk") << QByteArray("\xe8\xaf\xad\xe8\xa8\x80\xe5\xa4\x84\xe7\x90\x86");
    QTest::addRow("combining mark") << QByteArray("na\xc3\xafve cafe\xcc\x81");
}

// Feeds a text's tokens one by one, as generation does: every push must yield only
// complete characters, and together they must give back the text.
void TestTokenizer::utf8StreamOverTokens()
{
    QFETCH(QByteArray, text);
    const std::vector<int> ids = m_tokenizer->encode(view(text));
    Utf8Stream stream;
    QByteArray all;
    qsizetype pushed = 0;
    bool heldBack = false; // did any push end inside a character?
    for (const int id : ids) {
        const std::string &bytes = m_tokenizer->tokenBytes(id);
        const QByteArray out = QByteArray::fromStdString(stream.push(bytes));
        QVERIFY(QString::fromUtf8(out).toUtf8() == out); // well-formed, nothing replaced
        all += out;
        pushed += qsizetype(bytes.size());
        heldBack = heldBack || all.size() < pushed;
    }
    all += QByteArray::fromStdString(stream.flush());
    QCOMPARE(all, text);
    QVERIFY2(heldBack, "no token split a character, so nothing was tested");
}

void TestTokenizer::handMadeMerges()
{
    // "ab a" outranks "a b" although it can only apply after it. OpenAI's BPE merges every
    // occurrence of "a b" before it looks at ranks again, so "abab" is [ab, ab]; merging
    // one occurrence at a time would give [aba, b].
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString vocab = dir.filePath("vocab.json"), merges = dir.filePath("merges.txt");
    QVERIFY(writeFile(vocab, vocabJson({"ab", "aba"})));
    QVERIFY(writeFile(merges, "#version: 0.2\nab a\na b\n"));
    const Tokenizer t = Tokenizer::load(vocab.toStdString(), merges.toStdString());
    QCOMPARE(t.vocabSize(), 258);
    const int ab = 256, aba = 257, a = t.encode("a")[0], b = t.encode("b")[0];
    QCOMPARE(t.encode("abab"), (std::vector<int>{ab, ab}));
    QCOMPARE(t.encode("aba"), (std::vector<int>{aba}));
    QCOMPARE(t.encode("aaab"), (std::vector<int>{a, a, ab}));
    QCOMPARE(t.encode("ba"), (std::vector<int>{b, a}));
}

void TestTokenizer::loadErrors_data()
{
    QTest::addColumn<QByteArray>("vocab");  // empty: no file at all
    QTest::addColumn<QByteArray>("merges"); // empty: no file at all
    QTest::addColumn<QString>("badFile");
    QTest::addColumn<QString>("message");

    const QByteArray okVocab = vocabJson({"ab"});
    const QByteArray okMerges = "#version: 0.2\na b\n";
    QTest::addRow("missing vocab") << QByteArray() << okMerges << "vocab.json"
                                   << "cannot open";
    QTest::addRow("missing merges") << okVocab << QByteArray() << "merges.txt"
                                    << "cannot open";
    QTest::addRow("broken vocab json") << QByteArray("{\"a\": 0,") << okMerges << "vocab.json"
                                       << "JSON error";
    QTest::addRow("vocab not an object") << QByteArray("[1, 2]") << okMerges << "vocab.json"
                                         << "JSON object";
    QTest::addRow("id out of range")
        << QByteArray("{\"a\": 0, \"b\": 5}") << okMerges << "vocab.json"
        << "out of range";
    QTest::addRow("duplicate id") << QByteArray("{\"a\": 0, \"b\": 0}") << okMerges << "vocab.json"
                                  << "duplicate id";
    QTest::addRow("non-integer id") << QByteArray("{\"a\": 0.5}") << okMerges << "vocab.json"
                                    << "not an integer";
    QTest::addRow("token outside the byte alphabet")
        << QByteArray("{\"a b\": 0}") << okMerges << "vocab.json"
        << "byte characters";
    QTest::addRow("byte token missing")
        << QByteArray("{\"a\": 0, \"b\": 1}") << okMerges << "vocab.json"
        << "no token for byte";
    QTest::addRow("merge result missing")
        << okVocab << QByteArray("#version: 0.2\na b\nc d\n") << "merges.txt"
        << "line 3 \"c d\": the merge result is not in the vocabulary";
    QTest::addRow("merge part missing") << okVocab << QByteArray("a b\nabc d\n") << "merges.txt"
                                        << "not in the vocabulary";
    QTest::addRow("merge line malformed") << okVocab << QByteArray("a b c\n") << "merges.txt"
                                          << "one space";
    QTest::addRow("duplicate merge") << okVocab << QByteArray("a b\na b\n") << "merges.txt"
                                     << "duplicate merge";
}

void TestTokenizer::loadErrors()
{
    QFETCH(QByteArray, vocab);
    QFETCH(QByteArray, merges);
    QFETCH(QString, badFile);
    QFETCH(QString, message);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString vocabPath = dir.filePath("vocab.json"), mergesPath = dir.filePath("merges.txt");
    if (!vocab.isEmpty())
        QVERIFY(writeFile(vocabPath, vocab));
    if (!merges.isEmpty())
        QVERIFY(writeFile(mergesPath, merges));
    try {
        Tokenizer::load(vocabPath.toStdString(), mergesPath.toStdString());
        QFAIL("load() accepted bad tokenizer files");
    } catch (const TokenizerError &e) {
        const QString what = QString::fromUtf8(e.what());
        QVERIFY2(what.contains(dir.filePath(badFile)), qPrintable(what));
        QVERIFY2(what.contains(message), qPrintable(what));
    }
}

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"

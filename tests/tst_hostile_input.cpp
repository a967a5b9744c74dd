// Hostile or absurd input: a config.json asking for more memory than the machine has,
// unreadable model directories, documents that are too large, binary, truncated or not
// UTF-8, very long lines, and a switch to a broken model while a document is open. Each
// gets a clear message; the editor stays usable and nothing already open is lost.
#include "as_ordinary_user.h"
#include "engine/generation/generator.h"
#include "engine/model/gpt2_session.h"
#include "engine/model/language_model.h"
#include "engine/model/model_error.h"
#include "service/engine_thread.h"
#include "tiny_model.h"
#include "ui/editor/editor.h"
#include "ui/suggestions/suggestion_controller.h"
#include "ui/suggestions/suggestion_status.h"
#include "ui/window/main_window.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <sys/resource.h>
#include <unistd.h>

using namespace inkling;

namespace {

const QString kEmbedded = QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

QString loadError(const QString &dir)
{
    try {
        LanguageModel::load(dir.toStdString());
    } catch (const ModelError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

// The window with the embedded model loaded and a document typed in.
struct OpenDocument
{
    MainWindow window;
    const QString text = QStringLiteral("Dear Sir, thank you for your letter of the 3rd");

    bool setUp()
    {
        QSignalSpy loaded(window.engine(), &EngineThread::modelLoaded);
        SuggestionSettings s;
        s.debounceMs = 20;
        s.threads = 1;
        s.sampling.greedy = true;
        window.applySettings(s);
        window.show();
        if (!window.engine()->isModelLoaded() && !loaded.wait(60000))
            return false;
        window.editor()->setFocus();
        QTest::keyClicks(window.editor(), text);
        return window.editor()->toPlainText() == text;
    }
};

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Configs inside the config limits with a 1.6 MB file, refused by the memory estimate
    // before the tokenizer or any weight is read: every buffer that grows with the config
    // is counted before anything is allocated.
    void absurdConfigIsRefusedBeforeAllocation_data()
    {
        QTest::addColumn<QJsonObject>("config");
        // Weights of 16384 × 256 layers.
        QTest::addRow("n_embd 16384, 256 layers") << tiny_model::config(16384, 256, 65536);
        // Weights and KV cache fit in a few GB, but attention's score buffer (64 rows ×
        // heads × positions floats) would be 69 GB.
        QJsonObject manyHeads = tiny_model::config(4096, 1, 65536);
        manyHeads["n_head"] = 4096;
        QTest::addRow("n_embd = n_head = 4096, 65536 positions") << manyHeads;
    }

    void absurdConfigIsRefusedBeforeAllocation()
    {
        QFETCH(QJsonObject, config);
        QTemporaryDir tmp;
        QVERIFY(tiny_model::write(tmp.path(), kEmbedded));
        QVERIFY(tiny_model::writeFile(tmp.filePath("config.json"), QJsonDocument(config).toJson()));
        const long peakBefore = peakRssMiB();
        const QString error = loadError(tmp.path());
        QVERIFY2(error.contains("config.json") && error.contains("memory"), qPrintable(error));
        QVERIFY2(peakRssMiB() - peakBefore < 64,
                 qPrintable(QString::number(peakRssMiB() - peakBefore)));
    }

    // nanoGPT exports pad vocab_size to 50304: the 47 ids past the tokenizer's 50,257
    // have logits (here made to dominate) but no token. They are never generated, with
    // token healing or without, and the end of text is the vocabulary's own id.
    void paddedVocabularyGenerates()
    {
        QTemporaryDir tmp;
        QVERIFY(tiny_model::write(tmp.path(), kEmbedded));
        QVERIFY(tiny_model::writeFile(tmp.filePath("config.json"),
                                      QJsonDocument(tiny_model::config(8, 1, 64, 50304)).toJson()));
        QVERIFY(tiny_model::writeFile(tmp.filePath("model.safetensors"),
                                      tiny_model::safetensors(8, 1, 64, 50304, 1000.0f)));
        const auto model = LanguageModel::load(tmp.path().toStdString());
        QCOMPARE(model->config().nVocab, 50304);
        QCOMPARE(model->tokenizer().vocabSize(), 50257);
        QCOMPARE(model->tokenizer().endOfText(), 50256);
        for (const bool healing : {false, true}) {
            Gpt2Session session(model->model());
            GenerationRequest request;
            request.prompt = "The old man looked out of the wi";
            request.maxTokens = 12;
            request.sampling.greedy = true;
            request.tokenHealing = healing;
            request.mode = CompletionMode::Raw;
            GenerationResult result;
            try {
                result = generate(session, model->tokenizer(), request, {});
            } catch (const std::exception &e) {
                QFAIL(e.what());
            }
            QVERIFY(!result.tokens.empty());
            for (int id : result.tokens)
                QVERIFY2(id < 50257, qPrintable(QString::number(id)));
        }
    }

    // A model directory's small files are read whole: a link to /dev/zero or a FIFO would
    // never end, and a huge file would be read into memory. Each is refused at once,
    // naming the file.
    void modelFilesThatAreNotFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        for (const char *file : {"config.json", "vocab.json", "merges.txt"}) {
            QTest::addRow("%s -> /dev/zero", file) << file << "zero" << "not a regular file";
            QTest::addRow("%s as a FIFO", file) << file << "fifo" << "not a regular file";
            QTest::addRow("%s of 65 MiB", file) << file << "huge" << "too large";
        }
    }

    void modelFilesThatAreNotFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QTemporaryDir tmp;
        QVERIFY(tiny_model::write(tmp.path(), kEmbedded));
        const QString path = tmp.filePath(file);
        QVERIFY(QFile::remove(path));
        if (kind == "zero") {
            QVERIFY(QFile::link("/dev/zero", path));
        } else if (kind == "fifo") {
            QVERIFY(::mkfifo(path.toLocal8Bit().constData(), 0600) == 0);
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(qint64(65) << 20));
        }
        const QString error = loadError(tmp.path());
        QVERIFY2(error.contains(file) && error.contains(reason), qPrintable(error));
    }

    // Permissions: as root they do not stop reads, so the loader then runs as the
    // unprivileged user "nobody" (setpriv) through inkling-cli.
    void unreadableModel_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addRow("directory") << "directory";
        QTest::addRow("config.json") << "config.json";
        QTest::addRow("model.safetensors") << "model.safetensors";
        QTest::addRow("vocab.json") << "vocab.json";
    }

    void unreadableModel()
    {
        QFETCH(QString, what);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath("model");
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(tiny_model::write(dir, kEmbedded));
        QVERIFY(QFile::setPermissions(tmp.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                      QFile::ExeOwner | QFile::ReadOther |
                                                      QFile::ExeOther));
        const QString target = what == "directory" ? dir : dir + "/" + what;
        QVERIFY(QFile::setPermissions(target, QFile::Permissions()));

        if (geteuid() != 0) {
            const QString error = loadError(dir);
            QVERIFY2(error.contains("ermission denied"), qPrintable(error));
            return;
        }
        // The CLI copied where "nobody" can run it: the build may be in root's home.
        as_ordinary_user::Handout handout;
        const QString cli = handout.copy(QStringLiteral(INKLING_CLI_PATH));
        QString err;
        const int code =
            as_ordinary_user::run(cli, {"complete", "--model", dir, "Hello"}, handout, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains("ermission denied") && err.count('\n') == 1, qPrintable(err));
        QVERIFY2(err.contains(what == "directory" ? "config.json" : what), qPrintable(err));
    }

    void refusedDocumentsLeaveTheOpenOneAlone_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<qint64>("sparseSize"); // > 0: a sparse file of this size instead
        QTest::addColumn<QString>("reason");
        QTest::addRow("invalid UTF-8")
            << QByteArray("caf\xe9 au lait") << qint64(0) << "not a UTF-8";
        QTest::addRow("truncated in a character")
            << QByteArray("ends in \xe2\x82") << qint64(0) << "not a UTF-8";
        QTest::addRow("binary (PNG)")
            << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << qint64(0) << "binary";
        QTest::addRow("UTF-16 without BOM") << QByteArray("H\0i\0", 4) << qint64(0) << "binary";
        QTest::addRow("UTF-16 cut in half")
            << QByteArray("\xff\xfeH\0i", 5) << qint64(0) << "UTF-16";
        QTest::addRow("65 MiB") << QByteArray() << qint64(65) * 1024 * 1024 << "too large";
        QTest::addRow("1 GiB") << QByteArray() << (qint64(1) << 30) << "too large";
        QTest::addRow("a directory") << QByteArray() << qint64(-1) << "is a folder";
        QTest::addRow("missing") << QByteArray() << qint64(-2) << "Cannot open";
        // Size 0 and endless: read to the end, it never ends.
        QTest::addRow("/dev/zero") << QByteArray() << qint64(-3) << "not a regular file";
        // Opening one waits for a writer that never comes.
        QTest::addRow("a FIFO") << QByteArray() << qint64(-4) << "not a regular file";
    }

    void refusedDocumentsLeaveTheOpenOneAlone()
    {
        QFETCH(QByteArray, contents);
        QFETCH(qint64, sparseSize);
        QFETCH(QString, reason);
        QTemporaryDir tmp;
        const QString original = tmp.filePath("original.md");
        QVERIFY(tiny_model::writeFile(original, "# Notes\n"));
        MainWindow window;
        QString error;
        QVERIFY(window.loadFile(original, &error));
        QTest::keyClicks(window.editor(), "unsaved words ");
        const QString before = window.editor()->toPlainText();

        QString path = tmp.filePath("hostile.txt");
        if (sparseSize > 0) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(sparseSize));
        } else if (sparseSize == -1) {
            path = tmp.path();
        } else if (sparseSize == -3) {
            path = QStringLiteral("/dev/zero");
        } else if (sparseSize == -4) {
            QVERIFY(::mkfifo(path.toLocal8Bit().constData(), 0600) == 0);
        } else if (sparseSize == 0) {
            QVERIFY(tiny_model::writeFile(path, contents));
        }
        QVERIFY(!window.loadFile(path, &error));
        QVERIFY2(error.contains(reason) && error.contains(QFileInfo(path).fileName()),
                 qPrintable(error));
        QCOMPARE(window.editor()->toPlainText(), before);
        QCOMPARE(window.filePath(), original);
        QVERIFY(window.editor()->document()->isModified());
        const int cursor = window.editor()->textCursor().position();
        QTest::keyClicks(window.editor(), "still typing");
        QCOMPARE(window.editor()->toPlainText(), QString(before).insert(cursor, "still typing"));
    }

    // A 4 MB document on one line: opens, and typing and a suggestion at its end work.
    void veryLongLine()
    {
#if defined(__SANITIZE_THREAD__)
        // Not a threading question, and under TSan the suggestion for a 4 MB line does
        // not arrive within the minute allowed (plain and ASan runs cover it).
        QSKIP("too slow under ThreadSanitizer");
#endif
        QTemporaryDir tmp;
        QByteArray line;
        const QByteArray words[] = {"the ", "old ", "man ", "looked ", "out ", "of ", "window "};
        for (int i = 0; line.size() < 4 * 1024 * 1024; ++i)
            line += words[(i * 7 + i / 3) % 7];
        QVERIFY(tiny_model::writeFile(tmp.filePath("long.txt"), line));
        OpenDocument doc;
        QVERIFY(doc.setUp());
        QString error;
        QVERIFY2(doc.window.loadFile(tmp.filePath("long.txt"), &error), qPrintable(error));
        QCOMPARE(doc.window.editor()->toPlainText().size(), line.size());
        doc.window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(doc.window.editor(), "and");
        QSignalSpy finished(doc.window.suggestions(), &SuggestionController::finished);
        QVERIFY(doc.window.suggestions()->requestNow());
        QVERIFY(finished.wait(60000));
        QVERIFY(doc.window.editor()->toPlainText().endsWith("and"));
    }

    // Switching to a broken model with a document open: suggestions go off with the
    // reason in the status bar, the text stays, typing works; a good model brings them back.
    void switchToBrokenModelWhileEditing_data()
    {
        QTest::addColumn<QString>("breakage");
        QTest::addColumn<QString>("reason");
        QTest::addRow("missing directory") << "missing" << "does not exist";
        QTest::addRow("truncated weights") << "truncated" << "model.safetensors";
        QTest::addRow("absurd config") << "absurd" << "memory";
        QTest::addRow("garbage vocab") << "vocab" << "vocab.json";
    }

    void switchToBrokenModelWhileEditing()
    {
        QFETCH(QString, breakage);
        QFETCH(QString, reason);
        QTemporaryDir tmp;
        QString dir = tmp.path();
        QVERIFY(tiny_model::write(dir, kEmbedded));
        if (breakage == "missing")
            dir += "/nonexistent";
        if (breakage == "truncated")
            QVERIFY(tiny_model::writeFile(dir + "/model.safetensors",
                                          tiny_model::safetensors().left(100000)));
        if (breakage == "absurd")
            QVERIFY(tiny_model::writeFile(
                dir + "/config.json",
                QJsonDocument(tiny_model::config(16384, 256, 65536)).toJson()));
        if (breakage == "vocab")
            QVERIFY(tiny_model::writeFile(dir + "/vocab.json", "\x00\xff{"));

        OpenDocument doc;
        QVERIFY(doc.setUp());
        QSignalSpy failed(doc.window.engine(), &EngineThread::modelFailed);
        doc.window.engine()->loadModel(dir);
        QVERIFY(failed.wait(60000));
        const QString message = failed.first().at(1).toString();
        QVERIFY2(message.contains(reason), qPrintable(message));
        QVERIFY(!doc.window.suggestions()->isEnabled());
        QCOMPARE(doc.window.suggestionStatus()->modelText(),
                 QStringLiteral("No model: suggestions off"));
        QVERIFY2(doc.window.statusBar()->currentMessage().contains(message),
                 qPrintable(doc.window.statusBar()->currentMessage()));
        QCOMPARE(doc.window.editor()->toPlainText(), doc.text);
        QVERIFY(!doc.window.suggestions()->requestNow());
        QTest::keyClicks(doc.window.editor(), " and more");
        QCOMPARE(doc.window.editor()->toPlainText(), doc.text + " and more");
        QTest::qWait(100); // past the debounce: still no suggestion
        QVERIFY(!doc.window.suggestions()->hasSuggestion());

        QSignalSpy loaded(doc.window.engine(), &EngineThread::modelLoaded);
        doc.window.engine()->loadModel(kEmbedded);
        QVERIFY(loaded.wait(60000));
        QVERIFY(doc.window.suggestions()->isEnabled());
        QSignalSpy finished(doc.window.suggestions(), &SuggestionController::finished);
        QVERIFY(doc.window.suggestions()->requestNow());
        QVERIFY(finished.wait(60000));
    }
};

QTEST_MAIN(TestHostileInput)
#include "tst_hostile_input.moc"

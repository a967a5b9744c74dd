// The model loader without a window: it loads a model exactly when the directory, the
// precision or drafting asked for differs from the last one asked for, says when suggestions may
// run, and reports a loaded model's size and a failed load. The expected loads and states in each
// row are written out by hand from that rule, and the details text by hand from the model's
// numbers.
#include "completion_listener.h"
#include "service/completion_service.h"
#include "service/engine_thread.h"
#include "tiny_model.h"
#include "ui/models/model_loader.h"
#include "ui/suggestions/suggestion_status.h"

#include <QApplication>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <atomic>

using namespace inkling;

namespace {

const QString kEmbedded = QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");

// Everything the engine thread was asked before now is done, and its signals are delivered.
void drainEngine(EngineThread &engine)
{
    std::atomic<bool> done = false;
    engine.runInEngineThread([&done] { done = true; });
    QTRY_VERIFY(done);
    QCoreApplication::processEvents();
}

} // namespace

class TestModelLoader : public QObject
{
    Q_OBJECT

private slots:
    void details_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("draft");
        QTest::addColumn<QString>("expected");
        QTest::addRow("English") << "" << ""
                                 << "/models/gpt2\n124.4 M parameters, 12 layers × 768, context "
                                    "1024 tokens, F32 weights, bf16 (brgemm:avx512_core_bf16)";
        QTest::addRow("German") << "de" << ""
                                << "/models/gpt2\n124,4 Mio. Parameter, 12 Schichten × 768, "
                                   "Kontext 1024 Tokens, F32-Gewichte, bf16 "
                                   "(brgemm:avx512_core_bf16)";
        QTest::addRow("English, drafted for")
            << "" << "inkling-tiny"
            << "/models/gpt2\n124.4 M parameters, 12 layers × 768, context 1024 tokens, F32 "
               "weights, bf16 (brgemm:avx512_core_bf16)\ninkling-tiny drafts for it "
               "(speculative decoding)";
        QTest::addRow("German, drafted for")
            << "de" << "inkling-tiny"
            << "/models/gpt2\n124,4 Mio. Parameter, 12 Schichten × 768, Kontext 1024 Tokens, "
               "F32-Gewichte, bf16 (brgemm:avx512_core_bf16)\nEntwürfe von inkling-tiny "
               "(spekulatives Dekodieren)";
    }

    void details()
    {
        QFETCH(QString, language);
        QFETCH(QString, draft);
        QFETCH(QString, expected);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QLocale(language), QStringLiteral("inkling"),
                                    QStringLiteral("_"), QStringLiteral(":/i18n")));
            QVERIFY(QCoreApplication::installTranslator(&translator));
        }
        QLocale::setDefault(language.isEmpty() ? QLocale::c() : QLocale(language));
        LoadedModelInfo loaded; // GPT-2 small's numbers
        loaded.info.name = "gpt2";
        loaded.info.directory = "/models/gpt2";
        loaded.info.parameters = 124439808;
        loaded.info.dtype = "F32";
        loaded.info.contextLength = 1024;
        loaded.info.layers = 12;
        loaded.info.width = 768;
        loaded.implementation = QStringLiteral("brgemm:avx512_core_bf16");
        loaded.precision = QStringLiteral("bf16");
        loaded.draft = draft;
        const QString details = ModelLoader::details(loaded);
        QLocale::setDefault(QLocale::c());
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(details, expected);
    }

    // Each step applies settings naming a model: "default" (no directory: the embedded
    // model), "embedded" (its directory by name), "other" (another valid model),
    // "missing" (no such directory); "+f32" asks for f32 weights instead of Auto,
    // "+nodraft" for no draft model.
    void loadsOnlyWhatChanged_data()
    {
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QList<bool>>("loads"); // per step: did the engine start a load?
        QTest::addColumn<QList<bool>>("ready"); // per step: may suggestions run afterwards?
        QTest::addRow("first settings load")
            << QStringList{"default"} << QList<bool>{true} << QList<bool>{true};
        QTest::addRow("same settings again")
            << QStringList{"embedded", "embedded", "embedded"} << QList<bool>{true, false, false}
            << QList<bool>{true, true, true};
        QTest::addRow("another directory")
            << QStringList{"embedded", "other", "embedded"} << QList<bool>{true, true, true}
            << QList<bool>{true, true, true};
        QTest::addRow("another precision")
            << QStringList{"embedded", "embedded+f32", "embedded+f32", "embedded"}
            << QList<bool>{true, true, false, true} << QList<bool>{true, true, true, true};
        QTest::addRow("drafting switched")
            << QStringList{"embedded", "embedded+nodraft", "embedded+nodraft", "embedded"}
            << QList<bool>{true, true, false, true} << QList<bool>{true, true, true, true};
        QTest::addRow("failed load") << QStringList{"embedded", "missing"}
                                     << QList<bool>{true, true} << QList<bool>{true, false};
        // A failed directory is not retried until something else was asked for.
        QTest::addRow("failed directory again")
            << QStringList{"missing", "missing", "embedded", "missing"}
            << QList<bool>{true, false, true, true} << QList<bool>{false, false, true, false};
    }

    void loadsOnlyWhatChanged()
    {
        QFETCH(QStringList, steps);
        QFETCH(QList<bool>, loads);
        QFETCH(QList<bool>, ready);
        QTemporaryDir other;
        QVERIFY(tiny_model::write(other.path(), kEmbedded));
        const QMap<QString, QString> directories{{"default", QString()},
                                                 {"embedded", kEmbedded},
                                                 {"other", other.path()},
                                                 {"missing", other.filePath("missing")}};

        EngineThread engine;
        SuggestionStatus status;
        ModelLoader loader(&engine, &status);
        QVERIFY(!loader.isReady()); // nothing asked for yet
        QSignalSpy loading(&engine, &EngineThread::modelLoading);
        QSignalSpy loaded(&engine, &EngineThread::modelLoaded);
        QSignalSpy modelFailed(&engine, &EngineThread::modelFailed);
        QSignalSpy readyChanged(&loader, &ModelLoader::readyChanged);
        QSignalSpy failed(&loader, &ModelLoader::failed);
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const QString step = steps.at(i);
            SuggestionSettings settings;
            settings.threads = 1;
            settings.modelDirectory = directories.value(step.section('+', 0, 0));
            settings.precision = step.endsWith("+f32") ? Precision::F32 : Precision::Auto;
            settings.drafting = !step.endsWith("+nodraft");
            const bool wasReady = loader.isReady();
            const qsizetype loadingBefore = loading.size();
            const qsizetype endsBefore = loaded.size() + modelFailed.size();
            const qsizetype failedBefore = failed.size();
            loader.apply(settings);
            if (loads.at(i)) {
                QVERIFY(!loader.isReady()); // not until the new model is there
                QTRY_COMPARE_WITH_TIMEOUT(loaded.size() + modelFailed.size(), endsBefore + 1,
                                          60000);
            }
            drainEngine(engine);
            QCOMPARE(loading.size() - loadingBefore, loads.at(i) ? 1 : 0);
            QCOMPARE(loader.isReady(), ready.at(i));
            if (!readyChanged.isEmpty())
                QCOMPARE(readyChanged.last().at(0).toBool(), loader.isReady());
            if (!loads.at(i))
                QCOMPARE(loader.isReady(), wasReady);
            // A failed load is reported once, in the status bar's model label and by failed().
            const bool loadFailed = loads.at(i) && !ready.at(i);
            QCOMPARE(failed.size() - failedBefore, loadFailed ? 1 : 0);
            if (loadFailed) {
                QVERIFY(failed.last().at(0).toString().startsWith(
                    QStringLiteral("The language model could not be loaded: ")));
                QCOMPARE(status.modelText(), QStringLiteral("No model: suggestions off"));
            } else if (ready.at(i)) {
                QCOMPARE(status.modelText(), QString::fromStdString(engine.modelInfo().info.name));
            }
        }
    }

    // The engine the app runs, with a draft model where the rule lets it draft (here the
    // 1-layer random model beside the embedded one at f32): the model details name it, and
    // every greedy suggestion is the same as without it.
    void draftingKeepsTheSuggestions_data()
    {
        QTest::addColumn<int>("precision");
        QTest::addColumn<bool>("drafting");
        QTest::addRow("f32, drafting") << int(Precision::F32) << true;
        QTest::addRow("automatic precision, drafting") << int(Precision::Auto) << true;
        QTest::addRow("f32, drafting off") << int(Precision::F32) << false;
    }
    void draftingKeepsTheSuggestions()
    {
        QFETCH(int, precision);
        QFETCH(bool, drafting);
        QTemporaryDir random;
        QVERIFY(tiny_model::write(random.path(), kEmbedded));
        EngineThread plain, drafted;
        for (EngineThread *engine : {&plain, &drafted}) {
            engine->setThreads(1);
            engine->setPrecision(Precision(precision));
        }
        plain.setDrafting(false);
        drafted.setDrafting(drafting, random.path());
        plain.loadModel(kEmbedded);
        drafted.loadModel(kEmbedded);
        QTRY_VERIFY_WITH_TIMEOUT(plain.isModelLoaded() && drafted.isModelLoaded(), 60000);
        // Only at f32 (where Auto is f32 on this CPU, it drafts too).
        const bool f32 = drafted.modelInfo().precision == QLatin1String("f32");
        QCOMPARE(drafted.modelInfo().draft,
                 drafting && f32 ? QFileInfo(random.path()).fileName() : QString());
        QVERIFY(plain.modelInfo().draft.isEmpty());
        for (const QString &prompt :
             {QStringLiteral("It was a bright cold day in April, and the clocks were"),
              QStringLiteral("Dear Sir,\n\nI write to you concerning the house on the hill,"),
              QStringLiteral("def fibonacci(n):\n    if n < 2:\n        return n\n    return")}) {
            QString texts[2];
            for (int i = 0; i < 2; ++i) {
                EngineThread &engine = i ? drafted : plain;
                const CompletionRequest r =
                    testing::greedyRequest(prompt, CompletionMode::Paragraph, 40);
                testing::Heard heard;
                testing::listen(&engine, r.id, &heard);
                engine.request(r);
                QTRY_VERIFY_WITH_TIMEOUT(heard.ended(), 60000);
                QVERIFY2(heard.failure.isEmpty(), qPrintable(heard.failure));
                texts[i] = heard.text;
            }
            QVERIFY(!texts[0].isEmpty());
            QCOMPARE(texts[1], texts[0]);
        }
    }
};

QTEST_MAIN(TestModelLoader)
#include "tst_model_loader.moc"

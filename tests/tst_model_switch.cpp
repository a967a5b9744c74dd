// Switching models in the engine service: all or nothing (the model in use keeps
// working when the new one fails or is abandoned), and a load that is no longer wanted
// stops at its next tensor instead of holding up a newer load or the application's exit.
#include "service/completion_service.h"
#include "tiny_model.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inkling;

namespace {

const QString kEmbedded = QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");

// Asks the service for a short greedy suggestion; its text, or "<failed: …>".
QString complete(CompletionService &service, const QString &prompt)
{
    CompletionRequest request;
    request.id = newRequestId();
    request.textBefore = prompt;
    request.generation.sampling.greedy = true;
    request.generation.maxTokens = 6;
    request.generation.tokenHealing = false;
    service.supersede(request.id);
    QSignalSpy finished(&service, &CompletionService::finished);
    QSignalSpy failed(&service, &CompletionService::failed);
    service.complete(request);
    if (!failed.isEmpty())
        return QStringLiteral("<failed: %1>").arg(failed.first().at(1).toString());
    return finished.isEmpty() ? QStringLiteral("<nothing>") : finished.first().at(1).toString();
}

} // namespace

class TestModelSwitch : public QObject
{
    Q_OBJECT

private slots:
    void failedSwitchKeepsTheModelInUse_data()
    {
        QTest::addColumn<QString>("broken");
        QTest::addRow("missing directory") << "missing";
        QTest::addRow("truncated weights") << "truncated";
        QTest::addRow("config beyond memory") << "huge";
    }

    void failedSwitchKeepsTheModelInUse()
    {
        QFETCH(QString, broken);
        CompletionService service;
        QSignalSpy loaded(&service, &CompletionService::modelLoaded);
        QSignalSpy failedLoad(&service, &CompletionService::modelFailed);
        service.loadModel(kEmbedded);
        QCOMPARE(loaded.size(), 1);
        const QString before = complete(service, "The old man looked out of the window and");
        QVERIFY2(!before.startsWith('<') && !before.isEmpty(), qPrintable(before));

        QTemporaryDir tmp;
        QString dir = tmp.filePath("missing");
        if (broken != "missing") {
            dir = tmp.path();
            QVERIFY(tiny_model::write(dir, kEmbedded));
            if (broken == "truncated") {
                QFile f(dir + "/model.safetensors");
                QVERIFY(f.open(QIODevice::ReadWrite) && f.resize(f.size() / 2));
            } else {
                QVERIFY(tiny_model::writeFile(
                    dir + "/config.json",
                    QJsonDocument(tiny_model::config(16384, 256, 65536)).toJson()));
            }
        }
        service.loadModel(dir);
        QCOMPARE(failedLoad.size(), 1);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(complete(service, "The old man looked out of the window and"), before);
    }

    // Cancelled from inside the load (the first progress report, on the loading thread):
    // no further report, no model switch, and the old model still answers.
    void unwantedLoadStopsAtTheNextTensor()
    {
        CompletionService service;
        service.loadModel(kEmbedded);
        const QString before = complete(service, "Dear Sir,");
        QVERIFY2(!before.startsWith('<'), qPrintable(before));

        QTemporaryDir tmp;
        QVERIFY(tiny_model::write(tmp.path(), kEmbedded));
        int reportsAfterCancel = 0;
        bool cancelled = false;
        const QMetaObject::Connection cancelAtFirstReport = connect(
            &service, &CompletionService::modelLoadProgress, this,
            [&](double) {
                if (cancelled)
                    ++reportsAfterCancel;
                service.supersedeLoad(CompletionService::kNoLoad);
                cancelled = true;
            },
            Qt::DirectConnection);
        QSignalSpy loaded(&service, &CompletionService::modelLoaded);
        QSignalSpy failed(&service, &CompletionService::modelFailed);
        service.supersedeLoad(7);
        service.loadModel(tmp.path(), 7);
        disconnect(cancelAtFirstReport);
        QVERIFY(cancelled);
        QCOMPARE(reportsAfterCancel, 0);
        QCOMPARE(loaded.size(), 0);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(complete(service, "Dear Sir,"), before);
        // A load superseded before it started does not start.
        QSignalSpy loading(&service, &CompletionService::modelLoading);
        service.supersedeLoad(9);
        service.loadModel(tmp.path(), 8);
        QCOMPARE(loading.size(), 0);
        service.loadModel(tmp.path(), 9);
        QCOMPARE(loaded.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestModelSwitch)
#include "tst_model_switch.moc"

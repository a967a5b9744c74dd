// Model discovery and inspection: a fake Hugging Face cache in a temporary directory
// (the real layout: refs/main, snapshots/<rev>/ of symlinks into blobs/), hostile model
// directories, Inkling's download folder; load progress; the Model Manager dialog.
#include "engine/model/gpt2_config.h"
#include "engine/model/language_model.h"
#include "engine/model/model_inspection.h"
#include "service/completion_service.h"
#include "tiny_model.h"
#include "ui/models/model_catalog.h"
#include "ui/models/model_manager_dialog.h"
#include "ui/suggestions/suggestion_status.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace inkling;

namespace {

const QString kEmbedded = QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");

// Parameter count straight from a safetensors header (Qt's JSON parser, not the
// engine's): every tensor except transformers' attention-mask buffers and a tied head.
qint64 parametersFromHeader(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray lengthBytes = f.read(8);
    quint64 length = 0;
    for (int i = 7; i >= 0; --i)
        length = (length << 8) | quint8(lengthBytes[i]);
    const QJsonObject header = QJsonDocument::fromJson(f.read(qint64(length))).object();
    qint64 total = 0;
    for (auto it = header.begin(); it != header.end(); ++it) {
        const QString name = it.key();
        if (name == "__metadata__" || name.endsWith(".attn.bias") ||
            name.endsWith(".attn.masked_bias") || name == "lm_head.weight")
            continue;
        qint64 n = 1;
        for (const auto d : it.value().toObject().value("shape").toArray())
            n *= d.toInteger();
        total += n;
    }
    return total;
}

// A snapshot as huggingface_hub writes it: files in blobs/, symlinks in snapshots/<rev>/.
bool writeSnapshot(const QString &repoDir, const QString &revision,
                   const QHash<QString, QByteArray> &files, bool setMain)
{
    QDir repo(repoDir);
    if (!repo.mkpath("blobs") || !repo.mkpath("snapshots/" + revision) || !repo.mkpath("refs"))
        return false;
    for (auto it = files.begin(); it != files.end(); ++it) {
        const QString blob = repo.filePath("blobs/" + revision + "-" + it.key());
        if (!tiny_model::writeFile(blob, it.value()) ||
            !QFile::link(blob, repo.filePath("snapshots/" + revision + "/" + it.key())))
            return false;
    }
    return !setMain ||
           tiny_model::writeFile(repo.filePath("refs/main"), revision.toLatin1() + "\n");
}

QHash<QString, QByteArray> tinyModelFiles()
{
    const auto read = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    return {{"config.json", QJsonDocument(tiny_model::config()).toJson()},
            {"model.safetensors", tiny_model::safetensors()},
            {"vocab.json", read(kEmbedded + "/vocab.json")},
            {"merges.txt", read(kEmbedded + "/merges.txt")}};
}

const CatalogModel *findModel(const QList<CatalogModel> &models, const QString &name)
{
    for (const CatalogModel &m : models) {
        if (m.name() == name)
            return &m;
    }
    return nullptr;
}

} // namespace

class TestModelManager : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QCoreApplication::setOrganizationName("InklingTest");
        QCoreApplication::setApplicationName("tst_model_manager");
        // Settings and the download folder live in the temporary directory.
        qputenv("XDG_CONFIG_HOME", m_root.filePath("config").toUtf8());
        qputenv("XDG_DATA_HOME", m_root.filePath("data").toUtf8());
        qputenv("INKLING_MODEL_DIR", kEmbedded.toUtf8());
        qputenv("HF_HUB_CACHE", m_root.filePath("hub").toUtf8());
        QSettings().clear();

        const QString hub = m_root.filePath("hub");
        const auto files = tinyModelFiles();
        // refs/main picks one of two snapshots.
        QVERIFY(writeSnapshot(hub + "/models--openai-community--gpt2", "aaaa000", files, false));
        QVERIFY(writeSnapshot(hub + "/models--openai-community--gpt2", "bbbb111", files, true));
        // Old-style name, two snapshots and no refs: both listed, with their revision.
        QVERIFY(writeSnapshot(hub + "/models--gpt2-medium", "cccc222", files, false));
        QVERIFY(writeSnapshot(hub + "/models--gpt2-medium", "dddd333", files, false));
        // Only a pickle: listed, not loadable.
        auto pickle = files;
        pickle.remove("model.safetensors");
        pickle.insert("pytorch_model.bin", "not a pickle really");
        QVERIFY(writeSnapshot(hub + "/models--distilbert--distilgpt2", "eeee444", pickle, true));
        // Truncated weights.
        auto truncated = files;
        truncated["model.safetensors"].truncate(4000);
        QVERIFY(writeSnapshot(hub + "/models--someone--gpt2-broken", "ffff555", truncated, true));
        // Not GPT-2 by name: never listed.
        QVERIFY(writeSnapshot(hub + "/models--bert-base-uncased", "9999999", files, true));

        // Inkling's own downloads: one model, and a hidden download in progress.
        const QString downloads = ModelCatalog::downloadDirectory();
        QVERIFY(downloads.startsWith(m_root.path()));
        QVERIFY(QDir().mkpath(downloads + "/gpt2-large"));
        QVERIFY(tiny_model::write(downloads + "/gpt2-large", kEmbedded));
        QVERIFY(QDir().mkpath(downloads + "/.gpt2-xl.download"));
    }

    void cacheDirectory_data()
    {
        QTest::addColumn<QStringList>("environment"); // NAME=value pairs
        QTest::addColumn<QString>("expected");
        QTest::newRow("HF_HUB_CACHE wins")
            << QStringList{"HF_HUB_CACHE=/a/hub", "HF_HOME=/b"} << "/a/hub";
        QTest::newRow("legacy HUGGINGFACE_HUB_CACHE")
            << QStringList{"HUGGINGFACE_HUB_CACHE=/c"} << "/c";
        QTest::newRow("HF_HOME") << QStringList{"HF_HOME=/b", "XDG_CACHE_HOME=/x"} << "/b/hub";
        QTest::newRow("XDG_CACHE_HOME") << QStringList{"XDG_CACHE_HOME=/x"} << "/x/huggingface/hub";
        QTest::newRow("default") << QStringList{} << QDir::homePath() + "/.cache/huggingface/hub";
    }

    void cacheDirectory()
    {
        QFETCH(QStringList, environment);
        QFETCH(QString, expected);
        const QList<QByteArray> names = {"HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_HOME",
                                         "XDG_CACHE_HOME"};
        QHash<QByteArray, QByteArray> saved;
        for (const QByteArray &n : names) {
            saved.insert(n, qgetenv(n));
            qunsetenv(n);
        }
        for (const QString &pair : environment)
            qputenv(pair.section('=', 0, 0).toLatin1(), pair.section('=', 1).toUtf8());
        const QString actual = ModelCatalog::huggingFaceCacheDirectory();
        for (const QByteArray &n : names) {
            if (saved.value(n).isEmpty())
                qunsetenv(n);
            else
                qputenv(n, saved.value(n));
        }
        QCOMPARE(actual, expected);
    }

    void endpoint_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unset") << QByteArray() << "https://huggingface.co";
        QTest::newRow("mirror") << QByteArray("http://127.0.0.1:8080/") << "http://127.0.0.1:8080";
    }

    void endpoint()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        if (value.isEmpty())
            qunsetenv("HF_ENDPOINT");
        else
            qputenv("HF_ENDPOINT", value);
        QCOMPARE(ModelCatalog::huggingFaceEndpoint(), expected);
        qunsetenv("HF_ENDPOINT");
    }

    void discover_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("source");
        QTest::addColumn<bool>("loadable");
        QTest::addColumn<QString>("problemContains");

        const int embedded = int(CatalogModel::Source::Embedded);
        const int cache = int(CatalogModel::Source::HuggingFaceCache);
        const int downloaded = int(CatalogModel::Source::Downloaded);
        const int user = int(CatalogModel::Source::UserDirectory);
        QTest::newRow("embedded") << "inkling-tiny" << embedded << true << "";
        QTest::newRow("cache, refs/main") << "openai-community/gpt2" << cache << true << "";
        QTest::newRow("cache, old name, revision 1")
            << "gpt2-medium@cccc222" << cache << true << "";
        QTest::newRow("cache, old name, revision 2")
            << "gpt2-medium@dddd333" << cache << true << "";
        QTest::newRow("cache, pickle only")
            << "distilbert/distilgpt2" << cache << false << "pytorch_model.bin";
        QTest::newRow("cache, truncated")
            << "someone/gpt2-broken" << cache << false << "model.safetensors";
        QTest::newRow("downloaded") << "gpt2-large" << downloaded << true << "";
        QTest::newRow("user directory, gone") << "gone" << user << false << "does not exist";
    }

    void discover()
    {
        QFETCH(QString, name);
        QFETCH(int, source);
        QFETCH(bool, loadable);
        QFETCH(QString, problemContains);

        const QList<CatalogModel> models =
            ModelCatalog::discover({m_root.filePath("gone"), kEmbedded});
        QCOMPARE(models.first().source, CatalogModel::Source::Embedded); // listed once, first
        QCOMPARE(std::count_if(models.begin(), models.end(),
                               [](const CatalogModel &m) {
                                   const bool embeddedAgain =
                                       m.directory() == QFileInfo(kEmbedded).canonicalFilePath() &&
                                       m.source != CatalogModel::Source::Embedded;
                                   return m.name() == "bert-base-uncased" ||
                                          m.name().contains("aaaa000") ||
                                          m.name().contains("gpt2-xl") || embeddedAgain;
                               }),
                 0);
        const CatalogModel *m = findModel(models, name);
        QVERIFY2(m, qPrintable(name));
        QCOMPARE(int(m->source), source);
        QCOMPARE(m->loadable, loadable);
        QVERIFY2(m->problem.contains(problemContains), qPrintable(m->problem));
        if (loadable) {
            QCOMPARE(m->info.parameters,
                     parametersFromHeader(m->directory() + "/model.safetensors"));
            QCOMPARE(m->info.fileBytes, QFileInfo(m->directory() + "/model.safetensors").size());
            QVERIFY(!m->info.dtype.empty());
            QVERIFY(m->info.contextLength > 0);
        } else {
            QVERIFY(!m->problem.isEmpty());
        }
        if (name == "openai-community/gpt2")
            QVERIFY(m->directory().endsWith("snapshots/bbbb111"));
    }

    // Inspection predicts LanguageModel::load: same verdict, same message, for every
    // kind of broken directory.
    void inspectionAgreesWithLoad_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("intact") << "";
        QTest::newRow("no config") << "rm config.json";
        QTest::newRow("no merges") << "rm merges.txt";
        QTest::newRow("bad config json") << "config {";
        QTest::newRow("not gpt2") << "config bert";
        QTest::newRow("shape mismatch") << "config wider";
        QTest::newRow("truncated weights") << "truncate";
        QTest::newRow("pickle only") << "pickle";
        QTest::newRow("absurd size") << "config huge";
    }

    void inspectionAgreesWithLoad()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        QVERIFY(tiny_model::write(dir.path(), kEmbedded));
        if (damage.startsWith("rm "))
            QVERIFY(QFile::remove(dir.filePath(damage.mid(3))));
        QJsonObject config = tiny_model::config();
        if (damage == "config {")
            QVERIFY(tiny_model::writeFile(dir.filePath("config.json"), "{"));
        if (damage == "config bert")
            config["model_type"] = "bert";
        if (damage == "config wider")
            config["n_embd"] = 16;
        if (damage == "config huge") {
            config["n_embd"] = 16384;
            config["n_layer"] = 256;
            config["n_head"] = 16;
        }
        if (damage.startsWith("config ") && damage != "config {")
            QVERIFY(
                tiny_model::writeFile(dir.filePath("config.json"), QJsonDocument(config).toJson()));
        if (damage == "truncate")
            QVERIFY(tiny_model::writeFile(dir.filePath("model.safetensors"),
                                          tiny_model::safetensors().left(5000)));
        if (damage == "pickle") {
            QVERIFY(QFile::rename(dir.filePath("model.safetensors"),
                                  dir.filePath("pytorch_model.bin")));
        }
        const ModelSummary s = inspectModelDirectory(dir.path().toStdString());
        std::string loadError;
        try {
            LanguageModel::load(dir.path().toStdString());
        } catch (const std::exception &e) {
            loadError = e.what();
        }
        QCOMPARE(s.loadable, loadError.empty());
        QCOMPARE(QString::fromStdString(s.problem), QString::fromStdString(loadError));
        QCOMPARE(s.loadable, damage.isEmpty());
    }

    // Fractions from 0 to 1, never going back.
    void loadReportsProgress()
    {
        QList<double> fractions;
        const auto model = LanguageModel::load(kEmbedded.toStdString(), Precision::F32,
                                               [&](double f) { fractions << f; });
        QVERIFY(fractions.size() >= 2 + model->config().nLayer);
        QCOMPARE(fractions.first(), 0.0);
        QCOMPARE(fractions.last(), 1.0);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    }

    // The service passes progress on in whole-percent steps, ending at 100 %.
    void serviceReportsLoadProgress()
    {
        CompletionService service;
        QSignalSpy progress(&service, &CompletionService::modelLoadProgress);
        QSignalSpy loaded(&service, &CompletionService::modelLoaded);
        service.loadModel(kEmbedded);
        QCOMPARE(loaded.size(), 1);
        QVERIFY(progress.size() >= 2 && progress.size() <= 101);
        double last = -1;
        for (const auto &args : progress) {
            QVERIFY(args.first().toDouble() > last);
            last = args.first().toDouble();
        }
        QCOMPARE(last, 1.0);
    }

    void statusBarShowsLoadProgress()
    {
        SuggestionStatus status;
        status.setModelLoading(kEmbedded);
        status.setModelLoadProgress(0.426);
        QCOMPARE(status.modelText(), QStringLiteral("Loading model… 43%"));
        status.setModel("inkling-tiny", QString());
        QCOMPARE(status.modelText(), QStringLiteral("inkling-tiny"));
    }

    void dialogMarksActiveAndChooses()
    {
        QSettings().clear();
        ModelManagerDialog dialog{QString()};
        // Discovery runs off the GUI thread: the constructor returned before it finished.
        QSignalSpy refreshed(&dialog, &ModelManagerDialog::refreshed);
        QVERIFY(dialog.models().isEmpty());
        QVERIFY(refreshed.wait(60000));
        QTreeWidget *list = dialog.modelList();
        QCOMPARE(list->topLevelItemCount(), int(dialog.models().size()));
        QVERIFY(list->topLevelItem(0)->text(0).contains("inkling-tiny"));
        QVERIFY(list->topLevelItem(0)->font(0).bold()); // the embedded model is active
        QCOMPARE(list->currentItem(), list->topLevelItem(0));
        // Choose the cached gpt2: the dialog returns its snapshot directory.
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(0) == "openai-community/gpt2")
                list->setCurrentItem(list->topLevelItem(i));
        }
        QVERIFY(list->currentItem()->text(0) == "openai-community/gpt2");
        emit list->itemDoubleClicked(list->currentItem(), 0);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.chosenDirectory().endsWith("snapshots/bbbb111"));

        // Reopened with that choice, it is the one marked active.
        ModelManagerDialog again(dialog.chosenDirectory());
        QSignalSpy againRefreshed(&again, &ModelManagerDialog::refreshed);
        QVERIFY(againRefreshed.wait(60000));
        QCOMPARE(again.modelList()->currentItem()->text(0),
                 QStringLiteral("openai-community/gpt2 (active)"));
    }
};

QTEST_MAIN(TestModelManager)
#include "tst_model_manager.moc"

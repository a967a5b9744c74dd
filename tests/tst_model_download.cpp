// Model downloads against a loopback "Hugging Face Hub" written here (QTcpServer on
// 127.0.0.1, nothing else): it serves the embedded model's files, redirects the weights
// to a "CDN" path with X-Linked-Etag / X-Linked-Size as the Hub does, and can drop the
// connection, ignore Range, stall, lie about the checksum or lack a file.
#include "engine/model/language_model.h"
#include "engine/model/model_inspection.h"
#include "ui/models/model_download.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace inkling;

namespace {

const QString kEmbedded = QStringLiteral(INKLING_SOURCE_DIR "/resources/models/inkling-tiny");
const QByteArray kRepoPath = "/openai-community/gpt2/resolve/main/";
const QByteArray kCdnPath = "/cdn/gpt2/model.safetensors";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class HubServer : public QObject
{
    Q_OBJECT

public:
    QHash<QByteArray, QByteArray> smallFiles; // file name → body
    QByteArray weights;
    QByteArray reportedEtag;       // header value as sent (quoted), empty: no etag at all
    qint64 dropFirstGetAfter = -1; // first weights GET: close after this many body bytes
    qint64 stallAfter = -1;        // every weights GET: send this many bytes, then wait
    bool ignoreRange = false;
    QList<QByteArray> weightRanges; // Range header of each weights GET ("" when absent)

    HubServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString endpoint() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
    }

private:
    void onReadyRead(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.clear();
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.insert(lines[i].left(colon).trimmed().toLower(),
                               lines[i].mid(colon + 1).trimmed());
        }
        respond(s, requestLine.value(0), requestLine.value(1), headers);
    }

    void send(QTcpSocket *s, const QByteArray &status, const QList<QByteArray> &headers,
              const QByteArray &body, qint64 contentLength, bool close = true)
    {
        QByteArray head = "HTTP/1.1 " + status + "\r\nConnection: close\r\n";
        for (const QByteArray &h : headers)
            head += h + "\r\n";
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n\r\n";
        s->write(head + body);
        if (close)
            s->disconnectFromHost(); // after the buffered bytes are written
    }

    void respond(QTcpSocket *s, const QByteArray &method, const QByteArray &path,
                 const QHash<QByteArray, QByteArray> &headers)
    {
        const bool head = method == "HEAD";
        if (path == kRepoPath + "model.safetensors") {
            // The Hub: an absolute redirect to storage, the LFS metadata on this response.
            QList<QByteArray> h = {"Location: " + endpoint().toLatin1() + kCdnPath,
                                   "X-Linked-Size: " + QByteArray::number(weights.size()),
                                   "X-Repo-Commit: 607a30d783dfa663caf39e06633721c8d4cfcd7e"};
            if (!reportedEtag.isEmpty())
                h << "X-Linked-Etag: " + reportedEtag << "ETag: \"not-the-sha\"";
            send(s, "302 Found", h, {}, 0);
        } else if (path == kCdnPath && !head) {
            const QByteArray range = headers.value("range");
            weightRanges << range;
            qint64 from = 0;
            if (range.startsWith("bytes=") && !ignoreRange)
                from = range.mid(6, range.indexOf('-') - 6).toLongLong();
            const QByteArray body = weights.mid(from);
            QList<QByteArray> h;
            if (from > 0)
                h << "Content-Range: bytes " + QByteArray::number(from) + '-' +
                         QByteArray::number(weights.size() - 1) + '/' +
                         QByteArray::number(weights.size());
            const QByteArray status = from > 0 ? "206 Partial Content" : "200 OK";
            if (dropFirstGetAfter >= 0 && weightRanges.size() == 1)
                send(s, status, h, body.left(dropFirstGetAfter), body.size());
            else if (stallAfter >= 0)
                send(s, status, h, body.left(stallAfter), body.size(), false);
            else
                send(s, status, h, body, body.size());
        } else if (path.startsWith(kRepoPath) && smallFiles.contains(path.mid(kRepoPath.size()))) {
            const QByteArray body = smallFiles.value(path.mid(kRepoPath.size()));
            send(s, "200 OK", {"ETag: \"0123abcd\""}, head ? QByteArray() : body, body.size());
        } else {
            send(s, "404 Not Found", {}, head ? QByteArray() : QByteArray("Entry not found"), 15);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

void serveEmbeddedModel(HubServer &hub)
{
    for (const char *name : {"config.json", "vocab.json", "merges.txt"})
        hub.smallFiles.insert(name, readAll(kEmbedded + u'/' + QLatin1String(name)));
    hub.weights = readAll(kEmbedded + QStringLiteral("/model.safetensors"));
    hub.reportedEtag =
        '"' + QCryptographicHash::hash(hub.weights, QCryptographicHash::Sha256).toHex() + '"';
}

bool isFinal(ModelDownload::State s)
{
    return s == ModelDownload::State::Finished || s == ModelDownload::State::Failed ||
           s == ModelDownload::State::Cancelled;
}

const OfficialModel kGpt2{QStringLiteral("gpt2"), QStringLiteral("openai-community/gpt2"),
                          124439808};

} // namespace

class TestModelDownload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kEmbedded + QStringLiteral("/model.safetensors")),
                 "embedded model missing");
    }

    void download_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<QString>("errorContains");
        QTest::addColumn<QStringList>("expectedRanges");

        QTest::newRow("good file") << "" << true << "" << QStringList{""};
        QTest::newRow("dropped mid-transfer, resumed with Range")
            << "drop" << true << "" << QStringList{"", "bytes=1000000-"};
        QTest::newRow("dropped, server ignores Range")
            << "drop+ignore-range" << true << "" << QStringList{"", "bytes=1000000-"};
        QTest::newRow("bad checksum") << "bad-sha" << false << "SHA-256" << QStringList{""};
        QTest::newRow("weak, unquoted etag still verifies")
            << "weak-etag" << true << "" << QStringList{""};
        QTest::newRow("no checksum reported") << "no-etag" << false << "SHA-256" << QStringList{};
        QTest::newRow("HTTP 404 for a file")
            << "missing-merges" << false << "HTTP 404" << QStringList{};
    }

    void download()
    {
        QFETCH(QString, fault);
        QFETCH(bool, succeeds);
        QFETCH(QString, errorContains);
        QFETCH(QStringList, expectedRanges);

        HubServer hub;
        serveEmbeddedModel(hub);
        const QByteArray sha =
            QCryptographicHash::hash(hub.weights, QCryptographicHash::Sha256).toHex();
        if (fault.startsWith("drop"))
            hub.dropFirstGetAfter = 1000000;
        hub.ignoreRange = fault.endsWith("ignore-range");
        if (fault == "bad-sha")
            hub.reportedEtag =
                '"' + QCryptographicHash::hash("other", QCryptographicHash::Sha256).toHex() + '"';
        if (fault == "weak-etag")
            hub.reportedEtag = "W/\"" + sha.toUpper() + '"';
        if (fault == "no-etag")
            hub.reportedEtag.clear();
        if (fault == "missing-merges")
            hub.smallFiles.remove("merges.txt");
        QVERIFY(hub.listen());

        QTemporaryDir models;
        QNetworkAccessManager network;
        ModelDownload download(kGpt2, hub.endpoint() + u'/', models.path(), &network);
        QSignalSpy finished(&download, &ModelDownload::finished);
        QSignalSpy failed(&download, &ModelDownload::failed);
        qint64 lastReceived = -1;
        bool monotonic = true;
        connect(&download, &ModelDownload::progress, this, [&](qint64 received, qint64 total) {
            monotonic = monotonic && total == hub.weights.size() &&
                        (received >= lastReceived || fault.contains("ignore-range"));
            lastReceived = received;
        });
        download.start();
        QTRY_VERIFY_WITH_TIMEOUT(isFinal(download.state()), 120000);

        QCOMPARE(hub.weightRanges, [&] {
            QList<QByteArray> r;
            for (const QString &s : expectedRanges)
                r << s.toLatin1();
            return r;
        }());
        const QString installed = models.filePath("gpt2");
        if (succeeds) {
            QVERIFY2(failed.isEmpty(), qPrintable(download.errorMessage()));
            QCOMPARE(finished.size(), 1);
            QCOMPARE(finished.first().first().toString(), installed);
            QVERIFY(monotonic);
            QCOMPARE(lastReceived, hub.weights.size());
            // Byte-identical to what was served, and a model the engine loads.
            QCOMPARE(QCryptographicHash::hash(readAll(installed + "/model.safetensors"),
                                              QCryptographicHash::Sha256)
                         .toHex(),
                     sha);
            for (const char *name : {"config.json", "vocab.json", "merges.txt"})
                QCOMPARE(readAll(installed + u'/' + QLatin1String(name)),
                         hub.smallFiles.value(name));
            const ModelSummary summary = inspectModelDirectory(installed.toStdString());
            QVERIFY2(summary.loadable, summary.problem.c_str());
            QCOMPARE(LanguageModel::load(installed.toStdString())->config().nLayer, 8);
            QVERIFY(!QFileInfo::exists(download.stagingDirectory()));
        } else {
            QCOMPARE(download.state(), ModelDownload::State::Failed);
            QCOMPARE(failed.size(), 1);
            QVERIFY2(failed.first().first().toString().contains(errorContains),
                     qPrintable(failed.first().first().toString()));
            QVERIFY(finished.isEmpty());
            QVERIFY(!QFileInfo::exists(installed));
            if (fault == "bad-sha")
                QCOMPARE(download.partialBytes(), 0); // a damaged file is not kept for resuming
        }
        // Only the staging folder (hidden) or the installed model, never anything else.
        const QStringList visible =
            QDir(models.path()).entryList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot);
        QCOMPARE(visible, succeeds ? QStringList{"gpt2"} : QStringList{});
    }

    // Cancel mid-transfer leaves no model, keeps the bytes, and a later start resumes
    // from exactly there and verifies.
    void cancelThenResume()
    {
        HubServer hub;
        serveEmbeddedModel(hub);
        hub.stallAfter = 3000000;
        QVERIFY(hub.listen());
        QTemporaryDir models;
        QNetworkAccessManager network;
        ModelDownload download(kGpt2, hub.endpoint(), models.path(), &network);
        connect(&download, &ModelDownload::progress, &download, [&](qint64 received, qint64) {
            if (received > 0 && download.state() == ModelDownload::State::Running)
                download.cancel();
        });
        download.start();
        QTRY_VERIFY_WITH_TIMEOUT(isFinal(download.state()), 120000);
        QCOMPARE(download.state(), ModelDownload::State::Cancelled);
        QVERIFY(!QFileInfo::exists(models.filePath("gpt2")));
        QCOMPARE(QDir(models.path()).entryList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot),
                 QStringList());
        const qint64 kept = download.partialBytes();
        QVERIFY(kept > 0 && kept <= hub.stallAfter);

        download.disconnect(&download); // no more cancelling
        hub.stallAfter = -1;
        QSignalSpy finished(&download, &ModelDownload::finished);
        download.start();
        QTRY_VERIFY_WITH_TIMEOUT(isFinal(download.state()), 120000);
        QVERIFY2(download.state() == ModelDownload::State::Finished,
                 qPrintable(download.errorMessage()));
        QCOMPARE(hub.weightRanges.size(), 2);
        QCOMPARE(hub.weightRanges.last(), "bytes=" + QByteArray::number(kept) + '-');
        QCOMPARE(readAll(models.filePath("gpt2/model.safetensors")), hub.weights);
    }

    // A write that fails (here: the process's file-size limit, the same error path as a
    // full disk) stops the download with the system's reason; nothing is installed and
    // the test process lives on.
    void writeFailureIsAnError()
    {
        HubServer hub;
        serveEmbeddedModel(hub);
        QVERIFY(hub.listen());
        QTemporaryDir models;
        QNetworkAccessManager network;
        ModelDownload download(kGpt2, hub.endpoint(), models.path(), &network);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of death
        rlimit previous{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &previous), 0);
        rlimit limited = previous;
        limited.rlim_cur = 4 << 20; // above vocab.json, far below model.safetensors
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        download.start();
        QTRY_VERIFY_WITH_TIMEOUT(isFinal(download.state()), 120000);
        setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, previousHandler);
        QCOMPARE(download.state(), ModelDownload::State::Failed);
        QVERIFY2(download.errorMessage().startsWith("Cannot write"),
                 qPrintable(download.errorMessage()));
        QVERIFY2(download.errorMessage().contains("too large"),
                 qPrintable(download.errorMessage()));
        QVERIFY(!QFileInfo::exists(models.filePath("gpt2")));
    }

    void discardRemovesPartial()
    {
        QTemporaryDir models;
        QNetworkAccessManager network;
        ModelDownload download(kGpt2, QStringLiteral("http://127.0.0.1:9"), models.path(),
                               &network);
        QVERIFY(QDir().mkpath(download.stagingDirectory()));
        QFile part(download.stagingDirectory() + "/model.safetensors.part");
        QVERIFY(part.open(QIODevice::WriteOnly) && part.write("12345") == 5);
        part.close();
        QCOMPARE(download.partialBytes(), 5);
        download.discardPartial();
        QCOMPARE(download.partialBytes(), 0);
        QVERIFY(!QFileInfo::exists(download.stagingDirectory()));
    }
};

QTEST_GUILESS_MAIN(TestModelDownload)
#include "tst_model_download.moc"

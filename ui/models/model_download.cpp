// One model download as a small state machine driven by QNetworkReply signals:
// small files → HEAD for the weights' SHA-256 and size → GET (with Range when resuming)
// → SHA-256 in a worker thread → structural check → rename into place.
#include "ui/models/model_download.h"

#include "engine/model/gpt2_config.h"
#include "engine/model/gpt2_weights.h"
#include "engine/model/language_model.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStorageInfo>
#include <QThread>

Q_LOGGING_CATEGORY(lcDownload, "inkling.download")

namespace inkling {

namespace {

const QString kWeights = QStringLiteral("model.safetensors");
constexpr int kMaxRedirects = 5;
constexpr int kMaxAutomaticResumes = 3;
constexpr int kTransferTimeoutMs = 60000; // a stalled connection fails instead of hanging

QByteArray userAgent()
{
    return "Inkling/" + QCoreApplication::applicationVersion().toLatin1();
}

// huggingface_hub's rule: the SHA-256 of an LFS file is its X-Linked-Etag (set on the
// Hub's redirect to the CDN), else its ETag; weak prefixes and quotes are not part of it.
QString normalisedEtag(const QNetworkReply *reply)
{
    QByteArray etag = reply->rawHeader("X-Linked-Etag");
    if (etag.isEmpty())
        etag = reply->rawHeader("ETag");
    etag = etag.trimmed();
    if (etag.startsWith("W/"))
        etag = etag.mid(2);
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"'))
        etag = etag.mid(1, etag.size() - 2);
    return QString::fromLatin1(etag).toLower();
}

qint64 headerNumber(const QNetworkReply *reply, const char *name)
{
    bool ok = false;
    const qint64 n = reply->rawHeader(name).trimmed().toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

int httpStatus(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// A short write (the disk filled up part way) is retried, so that the failure is
// reported with the system's reason ("No space left on device") rather than none.
bool writeAll(QFileDevice &file, const QByteArray &data)
{
    qint64 done = 0;
    while (done < data.size()) {
        const qint64 n = file.write(data.constData() + done, data.size() - done);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace

const QStringList &ModelDownload::fileNames()
{
    static const QStringList names = {QStringLiteral("config.json"), QStringLiteral("vocab.json"),
                                      QStringLiteral("merges.txt"), kWeights};
    return names;
}

ModelDownload::ModelDownload(const OfficialModel &model, const QString &endpoint,
                             const QString &modelsDirectory, QNetworkAccessManager *network,
                             QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_endpoint(endpoint)
    , m_modelsDirectory(modelsDirectory)
    , m_network(network)
{
    while (m_endpoint.endsWith(u'/'))
        m_endpoint.chop(1);
}

ModelDownload::~ModelDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    stopVerifier();
}

void ModelDownload::stopVerifier()
{
    if (!m_verifier)
        return;
    m_stopVerifying->store(true);
    m_verifier->wait();
    delete m_verifier;
    m_verifier = nullptr;
    ++m_verification; // its queued result is stale now
}

QString ModelDownload::installedDirectory() const
{
    return m_modelsDirectory + u'/' + m_model.name;
}

QString ModelDownload::stagingDirectory() const
{
    return m_modelsDirectory + QStringLiteral("/.") + m_model.name + QStringLiteral(".download");
}

QString ModelDownload::partPath() const
{
    return stagingDirectory() + u'/' + kWeights + QStringLiteral(".part");
}

qint64 ModelDownload::partialBytes() const
{
    const QFileInfo part(partPath());
    return part.exists() ? part.size() : 0;
}

QUrl ModelDownload::resolveUrl(const QString &file) const
{
    return QUrl(m_endpoint + u'/' + m_model.repository + QStringLiteral("/resolve/main/") + file);
}

void ModelDownload::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ModelDownload::start()
{
    if (m_state == State::Running || m_state == State::Verifying)
        return;
    m_error.clear();
    m_retries = 0;
    stopVerifier(); // of a cancelled earlier attempt
    if (QFileInfo::exists(installedDirectory())) {
        fail(tr("%1 is already installed in %2.").arg(m_model.name, installedDirectory()));
        return;
    }
    if (!QDir().mkpath(stagingDirectory())) {
        fail(tr("Cannot create the folder %1.").arg(stagingDirectory()));
        return;
    }
    setState(State::Running);
    m_nextSmallFile = 0;
    fetchNextSmallFile();
}

void ModelDownload::cancel()
{
    if (m_state != State::Running && m_state != State::Verifying)
        return;
    m_state = State::Cancelled; // first: the aborted reply's finished() sees it
    if (m_reply)
        m_reply->abort();
    if (m_stopVerifying)
        m_stopVerifying->store(true);
    m_part.close(); // what arrived stays, flushed, for a later resume
    emit stateChanged(m_state);
}

void ModelDownload::discardPartial()
{
    if (m_state == State::Running || m_state == State::Verifying)
        return;
    QDir(stagingDirectory()).removeRecursively();
}

void ModelDownload::fail(const QString &message)
{
    qCWarning(lcDownload) << m_model.name << message;
    m_error = message;
    m_state = State::Failed; // first: handlers of the aborted reply ignore it
    if (m_reply)
        m_reply->abort();
    m_part.close();
    emit stateChanged(m_state);
    emit failed(message);
}

QString ModelDownload::httpError(QNetworkReply *reply) const
{
    const QString host = reply->url().host();
    if (const int status = httpStatus(reply); status >= 400) {
        const QString reason = QString::fromUtf8(
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        return tr("%1 answered HTTP %2 %3 for %4.")
            .arg(host)
            .arg(status)
            .arg(reason, reply->url().path());
    }
    return tr("The download from %1 failed: %2").arg(host, reply->errorString());
}

void ModelDownload::fetchNextSmallFile()
{
    // config.json, vocab.json and merges.txt: small, fetched whole, kept across attempts.
    while (m_nextSmallFile < fileNames().size() - 1 &&
           QFileInfo::exists(stagingDirectory() + u'/' + fileNames().at(m_nextSmallFile)))
        ++m_nextSmallFile;
    if (m_nextSmallFile == fileNames().size() - 1) {
        emit fileStarted(kWeights);
        requestWeightsMetadata(resolveUrl(kWeights), 0);
        return;
    }
    const QString file = fileNames().at(m_nextSmallFile);
    emit fileStarted(file);
    QNetworkRequest request(resolveUrl(file));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(kTransferTimeoutMs);
    QNetworkReply *reply = m_reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, file] {
        reply->deleteLater();
        if (m_state != State::Running)
            return;
        if (reply->error() != QNetworkReply::NoError) {
            fail(httpError(reply));
            return;
        }
        QSaveFile out(stagingDirectory() + u'/' + file);
        const QByteArray bytes = reply->readAll();
        if (!out.open(QIODevice::WriteOnly) || !writeAll(out, bytes) || !out.commit()) {
            fail(tr("Cannot write %1: %2").arg(out.fileName(), out.errorString()));
            return;
        }
        ++m_nextSmallFile;
        fetchNextSmallFile();
    });
}

void ModelDownload::requestWeightsMetadata(const QUrl &url, int redirects)
{
    // Like huggingface_hub: HEAD without following the redirect to the CDN, because the
    // Hub's own response carries the SHA-256 (X-Linked-Etag) and size (X-Linked-Size).
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept-Encoding", "identity");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(kTransferTimeoutMs);
    QNetworkReply *reply = m_reply = m_network->head(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, redirects] {
        reply->deleteLater();
        if (m_state == State::Running)
            onMetadata(reply, redirects);
    });
}

void ModelDownload::onMetadata(QNetworkReply *reply, int redirects)
{
    const int status = httpStatus(reply);
    if (status >= 300 && status < 400) {
        const QUrl location = QUrl(QString::fromUtf8(reply->rawHeader("Location")));
        if (location.isEmpty()) {
            fail(tr("%1 redirected without a location.").arg(reply->url().host()));
            return;
        }
        // A relative redirect is the Hub renaming a repository: ask again there. An
        // absolute one goes to the file's storage and this response has the metadata.
        if (location.isRelative() && normalisedEtag(reply).isEmpty()) {
            if (redirects >= kMaxRedirects) {
                fail(tr("%1 redirected too often.").arg(reply->url().host()));
                return;
            }
            requestWeightsMetadata(reply->url().resolved(location), redirects + 1);
            return;
        }
        m_weightsUrl = reply->url().resolved(location);
        m_expectedSize = headerNumber(reply, "X-Linked-Size");
    } else if (status == 200) {
        m_weightsUrl = reply->url();
        m_expectedSize = headerNumber(reply, "X-Linked-Size");
        if (m_expectedSize < 0)
            m_expectedSize = headerNumber(reply, "Content-Length");
    } else {
        fail(httpError(reply));
        return;
    }
    m_expectedSha256 = normalisedEtag(reply);
    static const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
    if (!sha256.match(m_expectedSha256).hasMatch()) {
        fail(tr("%1 did not report a SHA-256 checksum for %2, so the download cannot be verified.")
                 .arg(reply->url().host(), kWeights));
        return;
    }
    requestWeights();
}

void ModelDownload::requestWeights()
{
    m_part.close();
    m_part.setFileName(partPath());
    if (!m_part.open(QIODevice::WriteOnly | QIODevice::Append)) {
        fail(tr("Cannot write %1: %2").arg(partPath(), m_part.errorString()));
        return;
    }
    m_received = m_part.size();
    if (m_expectedSize >= 0 && m_received > m_expectedSize) { // left by another version
        m_part.resize(0);
        m_received = 0;
    }
    if (m_expectedSize >= 0) {
        const QStorageInfo disk(stagingDirectory());
        const qint64 needed = m_expectedSize - m_received;
        if (disk.isValid() && disk.bytesAvailable() >= 0 && disk.bytesAvailable() < needed) {
            fail(tr("Not enough disk space for %1: it needs %2 more, but only %3 are free in %4.")
                     .arg(m_model.name, sizeText(needed), sizeText(disk.bytesAvailable()),
                          disk.rootPath()));
            return;
        }
        emit progress(m_received, m_expectedSize);
        if (m_received == m_expectedSize) {
            verifyWeights();
            return;
        }
    }
    QNetworkRequest request(m_weightsUrl);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept-Encoding", "identity"); // byte offsets must be the file's
    request.setTransferTimeout(kTransferTimeoutMs);
    if (m_received > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_received) + '-');
    m_receivedAtRequest = m_received;
    m_headersSeen = false;
    QNetworkReply *reply = m_reply = m_network->get(request);
    connect(reply, &QNetworkReply::readyRead, this, &ModelDownload::onWeightsData);
    connect(reply, &QNetworkReply::finished, this, &ModelDownload::onWeightsFinished);
}

void ModelDownload::onWeightsHeaders()
{
    m_headersSeen = true;
    const int status = httpStatus(m_reply);
    if (status == 200 && m_received > 0) {
        // The server ignored Range and sends the whole file: start the .part afresh.
        qCInfo(lcDownload) << m_model.name << "server ignored Range; restarting";
        m_part.resize(0);
        m_part.seek(0);
        m_received = 0;
        m_receivedAtRequest = 0;
    } else if (status == 206) {
        // "Content-Range: bytes <first>-<last>/<size>" must continue where the file ends.
        const QByteArray range = m_reply->rawHeader("Content-Range");
        static const QRegularExpression first(QStringLiteral("^bytes (\\d+)-"));
        const auto match = first.match(QString::fromLatin1(range));
        if (!match.hasMatch() || match.captured(1).toLongLong() != m_received) {
            m_part.resize(0); // the next start() begins from zero
            fail(tr("%1 resumed the download at the wrong place (%2); start it again.")
                     .arg(m_reply->url().host(), QString::fromLatin1(range)));
        }
    }
}

void ModelDownload::onWeightsData()
{
    if (m_state != State::Running || !m_reply)
        return;
    if (httpStatus(m_reply) != 200 && httpStatus(m_reply) != 206)
        return; // an error page: finished() reports it
    if (!m_headersSeen) {
        onWeightsHeaders();
        if (m_state != State::Running)
            return;
    }
    const QByteArray data = m_reply->readAll();
    if (!writeAll(m_part, data)) {
        fail(tr("Cannot write %1: %2").arg(m_part.fileName(), m_part.errorString()));
        return;
    }
    m_received += data.size();
    emit progress(m_received, m_expectedSize);
}

void ModelDownload::onWeightsFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    if (m_state != State::Running)
        return;      // cancelled or failed: already reported
    onWeightsData(); // whatever is still buffered
    if (m_state != State::Running)
        return;
    if (!m_part.flush()) {
        fail(tr("Cannot write %1: %2").arg(m_part.fileName(), m_part.errorString()));
        return;
    }
    const int status = httpStatus(reply);
    if (status == 416 && m_retries < kMaxAutomaticResumes) {
        // Range not satisfiable: the .part does not belong to this file. Start over.
        ++m_retries;
        m_part.resize(0);
        requestWeights();
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        // A dropped connection that brought new bytes is resumed right away.
        const bool transportError = status == 0 || (status == 200 || status == 206);
        if (transportError && m_received > m_receivedAtRequest &&
            m_retries < kMaxAutomaticResumes) {
            ++m_retries;
            qCInfo(lcDownload) << m_model.name << "connection lost at" << m_received
                               << "; resuming";
            requestWeights();
            return;
        }
        fail(httpError(reply));
        return;
    }
    if (m_expectedSize >= 0 && m_received != m_expectedSize) {
        fail(tr("The download of %1 ended after %2 of %3.")
                 .arg(kWeights, sizeText(m_received), sizeText(m_expectedSize)));
        return;
    }
    verifyWeights();
}

void ModelDownload::verifyWeights()
{
    m_part.close();
    setState(State::Verifying);
    // Hashing gigabytes takes seconds: off the GUI thread, stoppable by cancel().
    auto stop = m_stopVerifying = std::make_shared<std::atomic<bool>>(false);
    const QString path = partPath();
    const int verification = ++m_verification;
    m_verifier = QThread::create([this, stop, path, verification] {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QFile file(path);
        QString error;
        if (!file.open(QIODevice::ReadOnly)) {
            error = file.errorString();
        } else {
            QByteArray buffer(1 << 20, Qt::Uninitialized);
            while (!stop->load()) {
                const qint64 n = file.read(buffer.data(), buffer.size());
                if (n < 0)
                    error = file.errorString();
                if (n <= 0)
                    break;
                hash.addData(QByteArrayView(buffer.constData(), n));
            }
        }
        const QByteArray hex = hash.result().toHex();
        QMetaObject::invokeMethod(
            this,
            [this, verification, hex, error] {
                if (verification == m_verification)
                    onVerified(hex, error);
            },
            Qt::QueuedConnection);
    });
    m_verifier->start();
}

void ModelDownload::onVerified(const QByteArray &actualHex, const QString &readError)
{
    m_verifier->wait();
    delete m_verifier;
    m_verifier = nullptr;
    if (m_state != State::Verifying)
        return; // cancelled
    if (!readError.isEmpty()) {
        fail(tr("Cannot read %1 to verify it: %2").arg(partPath(), readError));
        return;
    }
    if (QString::fromLatin1(actualHex) != m_expectedSha256) {
        QFile::remove(partPath()); // damaged: a resume would keep the damage
        fail(tr("%1 of %2 failed its SHA-256 check (expected %3, got %4); the damaged file was "
                "deleted. Try the download again.")
                 .arg(kWeights, m_model.name, m_expectedSha256, QString::fromLatin1(actualHex)));
        return;
    }
    const QString weights = stagingDirectory() + u'/' + kWeights;
    QFile::remove(weights);
    if (!QFile::rename(partPath(), weights)) {
        fail(tr("Cannot rename %1 to %2.").arg(partPath(), weights));
        return;
    }
    install();
}

void ModelDownload::install()
{
    const QString staging = stagingDirectory();
    try {
        // The checks LanguageModel::load makes on structure, without reading the weights.
        // (Whether the model fits this computer's memory is the model list's business.)
        checkModelFiles(staging.toStdString());
        const Gpt2Config config =
            Gpt2Config::fromJsonFile((staging + QStringLiteral("/config.json")).toStdString());
        Gpt2Weights::check((staging + u'/' + kWeights).toStdString(), config);
    } catch (const std::exception &e) {
        QDir(staging).removeRecursively();
        fail(tr("The downloaded files are not a usable GPT-2 model: %1")
                 .arg(QString::fromStdString(e.what())));
        return;
    }
    // A rename within one folder is atomic: the model appears complete or not at all.
    if (!QDir().rename(staging, installedDirectory())) {
        fail(tr("Cannot move the download into place at %1.").arg(installedDirectory()));
        return;
    }
    setState(State::Finished);
    emit finished(installedDirectory());
}

} // namespace inkling

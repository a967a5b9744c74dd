// Downloads one of the official GPT-2 checkpoints from the Hugging Face Hub into
// Inkling's model directory: resumable (a .part file and an HTTP Range request),
// cancellable, verified against the SHA-256 the Hub reports, installed atomically.
#pragma once

#include "ui/models/model_catalog.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <atomic>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QThread;

namespace inkling {

class ModelDownload : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Running, Verifying, Finished, Failed, Cancelled };
    Q_ENUM(State)

    // Files of a model, model.safetensors last; nothing else is ever fetched (never a
    // pickled pytorch_model.bin).
    static const QStringList &fileNames();

    // Downloads `model` from `endpoint` (ModelCatalog::huggingFaceEndpoint()) into
    // `modelsDirectory`/<name> (ModelCatalog::downloadDirectory()). The network manager
    // is the caller's and must outlive this object.
    ModelDownload(const OfficialModel &model, const QString &endpoint,
                  const QString &modelsDirectory, QNetworkAccessManager *network,
                  QObject *parent = nullptr);
    ~ModelDownload() override;

    const OfficialModel &model() const { return m_model; }
    State state() const { return m_state; }
    QString errorMessage() const { return m_error; }
    QString installedDirectory() const;
    // Hidden beside the installed directory, so model discovery never lists it.
    QString stagingDirectory() const;
    // Bytes of model.safetensors kept from an interrupted download (resumed by start()).
    qint64 partialBytes() const;

    // Starts or resumes; does nothing while running. The only place Inkling touches
    // the network.
    void start();
    // Stops the transfer and keeps what arrived for a later start(); nothing is installed.
    void cancel();
    // Removes whatever an interrupted download left (not while running).
    void discardPartial();

signals:
    void stateChanged(inkling::ModelDownload::State state);
    // Bytes of model.safetensors so far (including a resumed prefix) and its size
    // (-1 until known).
    void progress(qint64 received, qint64 total);
    // Which file is being fetched, for the status line.
    void fileStarted(const QString &fileName);
    void finished(const QString &directory);
    void failed(const QString &message);

private:
    QUrl resolveUrl(const QString &file) const;
    void fetchNextSmallFile();
    void requestWeightsMetadata(const QUrl &url, int redirects);
    void onMetadata(QNetworkReply *reply, int redirects);
    void requestWeights();
    void onWeightsHeaders();
    void onWeightsData();
    void onWeightsFinished();
    void verifyWeights();
    void stopVerifier();
    void onVerified(const QByteArray &actualHex, const QString &readError);
    void install();
    void fail(const QString &message);
    void setState(State state);
    QString partPath() const;
    QString httpError(QNetworkReply *reply) const;

    OfficialModel m_model;
    QString m_endpoint;
    QString m_modelsDirectory;
    QNetworkAccessManager *m_network;
    State m_state = State::Idle;
    QString m_error;

    int m_nextSmallFile = 0;
    QPointer<QNetworkReply> m_reply;
    QUrl m_weightsUrl;        // where the bytes are (the Hub redirects LFS files to a CDN)
    QString m_expectedSha256; // lower-case hex, from X-Linked-Etag / ETag
    qint64 m_expectedSize = -1;
    QFile m_part;
    qint64 m_received = 0; // bytes in the .part file
    qint64 m_receivedAtRequest = 0;
    int m_retries = 0; // automatic resumes after a dropped connection
    bool m_headersSeen = false;
    QThread *m_verifier = nullptr;
    int m_verification = 0; // numbers verifier runs, so a stopped one's result is ignored
    std::shared_ptr<std::atomic<bool>> m_stopVerifying;
};

} // namespace inkling

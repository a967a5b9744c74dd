// Thread wiring for the CompletionService.
#include "ui/engine_thread.h"

namespace inkling {

EngineThread::EngineThread(QObject *parent)
    : CompletionSource(parent)
    , m_service(new CompletionService)
{
    m_thread.setObjectName(QStringLiteral("inkling-engine"));
    m_service->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_service, &QObject::deleteLater);
    connect(m_service, &CompletionService::confidence, this, &CompletionSource::confidence);
    connect(m_service, &CompletionService::partial, this, &CompletionSource::partial);
    connect(m_service, &CompletionService::finished, this, &CompletionSource::finished);
    connect(m_service, &CompletionService::failed, this, &CompletionSource::failed);
    connect(m_service, &CompletionService::modelLoading, this, &EngineThread::modelLoading);
    connect(m_service, &CompletionService::modelLoaded, this, [this](const ModelInfo &info) {
        m_modelLoaded = true;
        m_info = info;
        emit modelLoaded(info);
    });
    connect(m_service, &CompletionService::modelFailed, this, &EngineThread::modelFailed);
    m_thread.start();
}

EngineThread::~EngineThread()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

void EngineThread::request(const CompletionRequest &request)
{
    m_service->supersede(request.id);
    QMetaObject::invokeMethod(
        m_service, [service = m_service, request] { service->complete(request); },
        Qt::QueuedConnection);
}

void EngineThread::cancel()
{
    // Ids count up from 1; the top of the range is never a real request.
    m_service->supersede(~quint64(0) - ++m_cancelId);
}

void EngineThread::loadModel(const QString &directory)
{
    QMetaObject::invokeMethod(
        m_service, [service = m_service, directory] { service->loadModel(directory); },
        Qt::QueuedConnection);
}

void EngineThread::setThreads(int threads)
{
    QMetaObject::invokeMethod(
        m_service, [service = m_service, threads] { service->setThreads(threads); },
        Qt::QueuedConnection);
}

} // namespace inkling

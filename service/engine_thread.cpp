// Thread wiring for the CompletionService.
#include "service/engine_thread.h"

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void *address);
extern "C" void __tsan_release(void *address);
#endif

namespace inkling {

namespace {

// Shutdown is ordered by QThread::quit() and wait(), i.e. by QtCore's futex-based
// mutexes, which ThreadSanitizer cannot see in a Qt built without it. These mark the same
// order for TSan, so it still checks everything else; they compile to nothing otherwise.
void tsanRelease([[maybe_unused]] void *address)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_release(address);
#endif
}
void tsanAcquire([[maybe_unused]] void *address)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(address);
#endif
}

} // namespace

EngineThread::EngineThread(QObject *parent)
    : CompletionSource(parent)
    , m_service(new CompletionService)
{
    m_thread.setObjectName(QStringLiteral("inkling-engine"));
    m_service->moveToThread(&m_thread);
    // In the engine thread as it ends: everything the GUI thread did before quit(), then
    // the service's deletion, before everything it does after wait().
    connect(
        &m_thread, &QThread::finished, m_service, [this] { tsanAcquire(this); },
        Qt::DirectConnection);
    connect(&m_thread, &QThread::finished, m_service, &QObject::deleteLater);
    connect(
        m_service, &QObject::destroyed, &m_thread, [this] { tsanRelease(&m_thread); },
        Qt::DirectConnection);
    connect(m_service, &CompletionService::confidence, this, &CompletionSource::confidence);
    connect(m_service, &CompletionService::partial, this, &CompletionSource::partial);
    connect(m_service, &CompletionService::finished, this, &CompletionSource::finished);
    connect(m_service, &CompletionService::failed, this, &CompletionSource::failed);
    connect(m_service, &CompletionService::modelLoading, this, &EngineThread::modelLoading);
    connect(m_service, &CompletionService::modelLoadProgress, this,
            &EngineThread::modelLoadProgress);
    connect(m_service, &CompletionService::modelLoaded, this, [this](const LoadedModelInfo &info) {
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
    cancelCommand();
    m_service->supersedeLoad(CompletionService::kNoLoad); // quitting never waits for a load
    tsanRelease(this);
    m_thread.quit();
    m_thread.wait();
    tsanAcquire(&m_thread);
}

void EngineThread::request(const CompletionRequest &request)
{
    // Marked wanted before it is queued: the service relies on that order (a suggestion
    // that sees a command wanted goes behind the command's queued call).
    if (request.kind == RequestKind::Command)
        m_service->supersedeCommand(request.id);
    else
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

void EngineThread::cancelCommand()
{
    m_service->cancelCommand();
}

void EngineThread::loadModel(const QString &directory)
{
    // Wanted before it is queued, so a load still running stops for it.
    const quint64 id = ++m_loadCount;
    m_service->supersedeLoad(id);
    QMetaObject::invokeMethod(
        m_service, [service = m_service, directory, id] { service->loadModel(directory, id); },
        Qt::QueuedConnection);
}

void EngineThread::runInEngineThread(std::function<void()> fn)
{
    QMetaObject::invokeMethod(m_service, std::move(fn), Qt::QueuedConnection);
}

void EngineThread::setPrecision(Precision precision)
{
    QMetaObject::invokeMethod(
        m_service, [service = m_service, precision] { service->setPrecision(precision); },
        Qt::QueuedConnection);
}

void EngineThread::setDrafting(bool drafting, const QString &draftDirectory)
{
    QMetaObject::invokeMethod(
        m_service,
        [service = m_service, drafting, draftDirectory] {
            service->setDrafting(drafting, draftDirectory);
        },
        Qt::QueuedConnection);
}

void EngineThread::setThreads(int threads)
{
    QMetaObject::invokeMethod(
        m_service, [service = m_service, threads] { service->setThreads(threads); },
        Qt::QueuedConnection);
}

} // namespace inkling

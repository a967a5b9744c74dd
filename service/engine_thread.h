// The CompletionService in its own QThread, seen from the GUI thread: every call is
// queued to the engine thread, every answer comes back as a queued signal, and the GUI
// never waits for the engine.
#pragma once

#include "service/completion_source.h"

#include <QThread>

#include <functional>

namespace inkling {

class EngineThread : public CompletionSource
{
    Q_OBJECT

public:
    explicit EngineThread(QObject *parent = nullptr);
    ~EngineThread() override; // stops generation and joins the thread

    void request(const CompletionRequest &request) override;
    void cancel() override;
    void cancelCommand() override;

    void loadModel(const QString &directory);
    void setThreads(int threads);
    // For models loaded from now on.
    void setPrecision(inkling::Precision precision);
    // For models loaded from now on (see CompletionService::setDrafting).
    void setDrafting(bool drafting, const QString &draftDirectory = {});

    // Runs fn in the engine thread after everything queued before it. Tests hold the
    // engine with it, so that the requests they make queue up in a known order.
    void runInEngineThread(std::function<void()> fn);

    bool isModelLoaded() const { return m_modelLoaded; }
    const LoadedModelInfo &modelInfo() const { return m_info; }

signals:
    void modelLoading(const QString &directory);
    void modelLoadProgress(double fraction);
    void modelLoaded(const inkling::LoadedModelInfo &info);
    void modelFailed(const QString &directory, const QString &message);

private:
    QThread m_thread;
    CompletionService *m_service; // lives in m_thread
    quint64 m_cancelId = 0;
    quint64 m_loadCount = 0; // ids of the loads asked for, newest last
    bool m_modelLoaded = false;
    LoadedModelInfo m_info;
};

} // namespace inkling

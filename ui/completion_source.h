// Where suggestions come from, as the controller sees it: requests go in stamped with
// an id, streamed text comes back tagged with it. The real source is EngineThread; tests
// use a scripted one.
#pragma once

#include "engine/completion_service.h"

#include <QObject>

namespace inkling {

class CompletionSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts a request (its id is set by the caller) and supersedes all earlier ones.
    virtual void request(const CompletionRequest &request) = 0;
    // Stops whatever is running; no further signals for earlier ids are wanted.
    virtual void cancel() = 0;

signals:
    void confidence(quint64 id, double firstWordConfidence);
    void partial(quint64 id, const QString &text);
    void finished(quint64 id, const QString &text, const inkling::CompletionStats &stats);
    void failed(quint64 id, const QString &message);
};

} // namespace inkling

// Where suggestions come from, as the controller sees it: requests go in stamped with
// an id, streamed text comes back tagged with it. The real source is EngineThread; tests
// use a scripted one.
#pragma once

#include "service/completion_service.h"

#include <QObject>

namespace inkling {

class CompletionSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts a request (its id is set by the caller, see newRequestId()) and supersedes
    // all earlier ones of its kind. A command outranks suggestions: they wait for it.
    virtual void request(const CompletionRequest &request) = 0;
    // Stops the running suggestion; no further signals for earlier suggestion ids are
    // wanted. A running command goes on: typing never cancels what the user asked for.
    virtual void cancel() = 0;
    // Stops the running command; no further signals for its id are wanted.
    virtual void cancelCommand() = 0;

signals:
    void confidence(quint64 id, double firstWordConfidence);
    void partial(quint64 id, const QString &text);
    void finished(quint64 id, const QString &text, const inkling::CompletionStats &stats);
    void failed(quint64 id, const QString &message);
};

} // namespace inkling

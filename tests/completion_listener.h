// What a CompletionSource said about one request, recorded from its signals: shared by
// the tests that drive a source directly (the scripted and the real llama-server).
#pragma once

#include "service/completion_source.h"

#include <QList>
#include <QObject>
#include <QString>

namespace inkling::testing {

struct Heard
{
    QList<double> confidences;
    QString streamed; // the partials, in order
    int partials = 0;
    bool partialBeforeConfidence = false;
    bool finished = false;
    QString text;
    CompletionStats stats;
    QString failure; // "?" for a failure without a message
    bool ended() const { return finished || !failure.isEmpty(); }
};

// Records request `id`'s replies from `source` into `heard` (which outlives the source).
inline void listen(CompletionSource *source, quint64 id, Heard *heard)
{
    QObject::connect(source, &CompletionSource::confidence, source, [=](quint64 i, double p) {
        if (i == id)
            heard->confidences.append(p);
    });
    QObject::connect(source, &CompletionSource::partial, source, [=](quint64 i, const QString &t) {
        if (i != id)
            return;
        heard->partialBeforeConfidence |= heard->confidences.isEmpty();
        heard->streamed += t;
        ++heard->partials;
    });
    QObject::connect(source, &CompletionSource::finished, source,
                     [=](quint64 i, const QString &t, const CompletionStats &s) {
                         if (i != id)
                             return;
                         heard->finished = true;
                         heard->text = t;
                         heard->stats = s;
                     });
    QObject::connect(source, &CompletionSource::failed, source, [=](quint64 i, const QString &m) {
        if (i == id)
            heard->failure = m.isEmpty() ? QStringLiteral("?") : m;
    });
}

// A greedy request for what follows textBefore, as a suggestion in `mode`.
inline CompletionRequest greedyRequest(const QString &textBefore, CompletionMode mode,
                                       int maxTokens)
{
    CompletionRequest r;
    r.id = newRequestId();
    r.textBefore = textBefore;
    r.generation.mode = mode;
    r.generation.maxTokens = maxTokens;
    r.generation.sampling.greedy = true;
    return r;
}

} // namespace inkling::testing

#include "bench/typing_latency.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace inkling::bench {

double quantile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = size_t(std::ceil(q * double(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

TypingFigures replayTyping(CompletionService &service, const QString &text,
                           const SuggestionPolicy &policy, CompletionMode mode)
{
    TypingFigures f;
    QElapsedTimer clock;
    bool seenFirst = false;
    bool confident = true; // the shown suggestion passed the policy's confidence threshold
    QString shown;         // the suggestion still ahead of the cursor
    qint64 promptTokens = 0, reusedTokens = 0;
    // Direct connections: complete() runs in this thread and returns after finished().
    const auto partial = QObject::connect(
        &service, &CompletionService::partial, &service, [&](quint64, const QString &piece) {
            if (!seenFirst && !piece.isEmpty()) {
                seenFirst = true;
                f.firstMs.push_back(double(clock.nsecsElapsed()) / 1e6);
            }
            if (confident)
                shown += piece;
        });
    const auto confidence =
        QObject::connect(&service, &CompletionService::confidence, &service,
                         [&](quint64, double p) { confident = policy.isConfident(p); });
    const auto finished =
        QObject::connect(&service, &CompletionService::finished, &service,
                         [&](quint64, const QString &, const CompletionStats &s) {
                             f.completeMs.push_back(double(clock.nsecsElapsed()) / 1e6);
                             promptTokens += s.promptTokens;
                             reusedTokens += s.reusedTokens;
                         });

    quint64 id = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        ++f.keystrokes;
        const QChar typed = text.at(i);
        if (!shown.isEmpty() && shown.front() == typed) {
            shown.remove(0, 1); // typed through: the rest of the ghost text stays
            if (!shown.isEmpty())
                continue;
        }
        // A surrogate pair is one keystroke: ask once both halves are in.
        if (typed.isHighSurrogate())
            continue;
        shown.clear();
        const QString before = text.left(i + 1), after = text.mid(i + 1, 1000);
        if (!policy.shouldRequest(before.toStdString(), after.toStdString()))
            continue;
        CompletionRequest r = completionRequest(policy.request(std::string(), mode));
        r.id = ++id;
        r.textBefore = before;
        r.textAfter = after;
        if (policy.documentCache)
            r.document = before.left(before.lastIndexOf(QLatin1Char('\n')) + 1);
        seenFirst = false;
        confident = true;
        ++f.requests;
        service.supersede(r.id);
        clock.start();
        service.complete(r);
    }
    QObject::disconnect(partial);
    QObject::disconnect(finished);
    QObject::disconnect(confidence);
    f.reusedFraction = promptTokens > 0 ? double(reusedTokens) / double(promptTokens) : 0;
    return f;
}

} // namespace inkling::bench

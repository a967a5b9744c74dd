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
                           const CompletionRequest &prototype)
{
    TypingFigures f;
    QElapsedTimer clock;
    bool seenFirst = false;
    QString shown; // the suggestion still ahead of the cursor
    qint64 promptTokens = 0, reusedTokens = 0;
    // Direct connections: complete() runs in this thread and returns after finished().
    const auto partial = QObject::connect(&service, &CompletionService::partial, &service,
                                          [&](quint64, const QString &piece) {
        if (!seenFirst && !piece.isEmpty()) {
            seenFirst = true;
            f.firstMs.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
        shown += piece;
    });
    const auto finished = QObject::connect(&service, &CompletionService::finished, &service,
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
        CompletionRequest r = prototype;
        r.id = ++id;
        r.textBefore = text.left(i + 1);
        r.textAfter = text.mid(i + 1, 1000);
        shown.clear();
        seenFirst = false;
        ++f.requests;
        service.supersede(r.id);
        clock.start();
        service.complete(r);
    }
    QObject::disconnect(partial);
    QObject::disconnect(finished);
    f.reusedFraction = promptTokens > 0 ? double(reusedTokens) / double(promptTokens) : 0;
    return f;
}

} // namespace inkling::bench

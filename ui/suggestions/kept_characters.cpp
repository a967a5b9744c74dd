// Watching accepted suggestion text until the writer has pressed 20 more keys.
#include "ui/suggestions/kept_characters.h"

#include "ui/editor/plain_text.h"

#include <QTextDocument>

#include <algorithm>

namespace inkling {

int keptLength(QStringView accepted, QStringView now)
{
    // Two rows of the usual dynamic programme: row[j] = the longest common subsequence of
    // the accepted prefix so far and now[0, j).
    std::vector<int> previous(size_t(now.size()) + 1, 0), row(previous.size(), 0);
    for (QChar a : accepted) {
        for (qsizetype j = 0; j < now.size(); ++j)
            row[size_t(j) + 1] = a == now[j] ? previous[size_t(j)] + 1
                                             : std::max(previous[size_t(j) + 1], row[size_t(j)]);
        std::swap(previous, row);
    }
    return previous.back();
}

void KeptCharacters::accepted(int position, const QString &text)
{
    if (text.isEmpty())
        return;
    Watch w;
    w.begin = QTextCursor(m_document);
    w.begin.setPosition(position);
    w.end = QTextCursor(m_document);
    w.end.setPosition(position + int(text.size()));
    w.end.setKeepPositionOnInsert(true);
    w.text = text;
    m_watches.push_back(std::move(w));
}

KeptCharacters::Tally KeptCharacters::settle(const Watch &watch)
{
    // The range is capped: a writer who typed a page inside it kept at most the piece.
    QTextCursor range = watch.begin;
    range.setPosition(qMax(watch.begin.position(), watch.end.position()), QTextCursor::KeepAnchor);
    const QString now = plainSelection(range.selectedText()).left(2 * watch.text.size() + 256);
    return {watch.text.size(), keptLength(watch.text, now)};
}

KeptCharacters::Tally KeptCharacters::keyPressed()
{
    Tally t;
    for (Watch &w : m_watches)
        if (--w.keysLeft == 0)
            t += settle(w);
    std::erase_if(m_watches, [](const Watch &w) { return w.keysLeft <= 0; });
    return t;
}

KeptCharacters::Tally KeptCharacters::settleAll()
{
    Tally t;
    for (const Watch &w : m_watches)
        t += settle(w);
    m_watches.clear();
    return t;
}

} // namespace inkling

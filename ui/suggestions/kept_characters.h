// How much of the text accepted from suggestions the writer keeps: each accepted piece is
// watched for the writer's next 20 keystrokes, then compared with what stands there now.
// Assistants report this beside acceptance, since an accepted suggestion that the writer
// deletes again saved nothing; `eval keystrokes` cannot measure it (its writer never
// deletes), so the app measures it for the status bar's session figures.
#pragma once

#include <QString>
#include <QTextCursor>

#include <vector>

class QTextDocument;

namespace inkling {

// The characters of `accepted` that `now` still holds, in order: their longest common
// subsequence. Deleted characters are gone; characters typed in between do not count.
int keptLength(QStringView accepted, QStringView now);

class KeptCharacters
{
public:
    static constexpr int kKeys = 20;

    struct Tally
    {
        qint64 accepted = 0; // characters accepted from suggestions ...
        qint64 kept = 0;     // ... of which still there kKeys keystrokes later
        Tally &operator+=(const Tally &o)
        {
            accepted += o.accepted;
            kept += o.kept;
            return *this;
        }
    };

    explicit KeptCharacters(QTextDocument *document)
        : m_document(document)
    {}

    // `text` has just been inserted at `position` by an accept key.
    void accepted(int position, const QString &text);
    // A keystroke in the editor: the pieces it is the kKeys-th keystroke after are settled.
    Tally keyPressed();
    // Settles every piece now (the document is closing).
    Tally settleAll();
    int watching() const { return int(m_watches.size()); }

private:
    struct Watch
    {
        // Span the piece: edits before it move both, deletions in it shrink it, typing
        // inside widens it; typing right before or right after it stays outside.
        QTextCursor begin, end;
        QString text;
        int keysLeft = kKeys;
    };
    static Tally settle(const Watch &watch);

    QTextDocument *m_document;
    std::vector<Watch> m_watches;
};

} // namespace inkling

// Ghost text: a suggestion drawn inline at a document position without being part of
// the document. It uses the input-method pre-edit area of the position's block layout
// (as IME composition does), so the rest of the line moves right, multi-line text
// pushes the following lines down, word wrap applies, and the document, its undo stack,
// toPlainText(), copy, find and saved files never contain it.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTextBlock>
#include <QTextCharFormat>

class QPlainTextEdit;

namespace inkling {

class GhostText : public QObject
{
    Q_OBJECT

public:
    explicit GhostText(QPlainTextEdit *editor);

    // Shows text at a document position, replacing any ghost shown before.
    void show(int position, const QString &text);
    void clear();

    bool isVisible() const { return !m_text.isEmpty(); }
    QString text() const { return m_text; }
    int position() const { return m_position; }

    // How the suggestion looks: italic, and unless the format sets a colour, halfway
    // between the editor's text and background colours. Applied on the next show().
    void setFormat(const QTextCharFormat &format) { m_format = format; }
    // How strongly the default colour shows, 0..1: 1 is halfway between text and
    // background, lower is closer to the background (for less likely suggestions).
    // Applied on the next show(); ignored when the format sets a colour.
    void setOpacity(double opacity) { m_opacity = qBound(0.0, opacity, 1.0); }
    double opacity() const { return m_opacity; }
    QTextCharFormat format() const { return m_format; }

    // True while the ghost re-lays out its block: the document then reports a change
    // of its contents that is no edit, which listeners must ignore.
    bool isUpdating() const { return m_updating; }

private:
    void setPreedit(const QTextBlock &block, int inBlock, const QString &text);
    void clearPreedit();

    QPlainTextEdit *m_editor;
    QTextCharFormat m_format;
    double m_opacity = 1.0;
    QString m_text;
    // The block whose layout holds the pre-edit area. Edits may move the ghost's position
    // into another block (a line break typed before it), but the pre-edit stays in this
    // layout: clearing by position would leave it behind, stale and past the block's end.
    QTextBlock m_preeditBlock;
    int m_position = -1;
    bool m_updating = false;
};

} // namespace inkling

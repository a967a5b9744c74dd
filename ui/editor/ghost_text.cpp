// Pre-edit based ghost text. Line breaks become U+2028 LINE SEPARATOR, which the block
// layout breaks lines at without the document gaining blocks.
#include "ui/editor/ghost_text.h"

#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>

namespace inkling {

GhostText::GhostText(QPlainTextEdit *editor)
    : QObject(editor)
    , m_editor(editor)
{
    m_format.setFontItalic(true); // the colour follows the editor's palette, see setPreedit()
}

void GhostText::show(int position, const QString &text)
{
    if (text.isEmpty()) {
        clear();
        return;
    }
    clearPreedit();
    m_position = position;
    m_text = text;
    QTextDocument *doc = m_editor->document();
    if (position < 0 || position >= doc->characterCount())
        return;
    const QTextBlock block = doc->findBlock(position);
    setPreedit(block, position - block.position(), text);
    m_preeditBlock = block;
}

void GhostText::clear()
{
    clearPreedit();
    m_position = -1;
    m_text.clear();
}

void GhostText::clearPreedit()
{
    // A removed block takes its layout (and pre-edit) with it.
    if (m_preeditBlock.isValid() && m_preeditBlock.layout())
        setPreedit(m_preeditBlock, -1, QString());
    m_preeditBlock = QTextBlock();
}

void GhostText::setPreedit(const QTextBlock &block, int inBlock, const QString &text)
{
    QTextDocument *doc = m_editor->document();
    QTextLayout *layout = block.layout();
    if (!layout)
        return;
    QString shown = text;
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);

    // Keep the highlighter's formats (colours, spelling underlines); drop our previous
    // ghost range. The layout counts the pre-edit text as characters, so the formats
    // move out of the ghost's way and back, and one that the ghost would fall inside is
    // split: the ghost never takes on a word's format, nor is the rest of the line
    // drawn with its neighbour's.
    QList<QTextLayout::FormatRange> formats = layout->formats();
    const int oldStart = layout->preeditAreaPosition();
    const int oldLength = oldStart < 0 ? 0 : int(layout->preeditAreaText().size());
    if (oldLength > 0) {
        formats.removeIf([&](const QTextLayout::FormatRange &r) {
            return r.start >= oldStart && r.start + r.length <= oldStart + oldLength;
        });
        for (QTextLayout::FormatRange &r : formats) {
            if (r.start >= oldStart + oldLength)
                r.start -= oldLength;
            else if (r.start + r.length > oldStart) // stretched over it by QSyntaxHighlighter
                r.length = std::max(oldStart - r.start, r.length - oldLength);
        }
    }
    if (!shown.isEmpty()) {
        const int length = int(shown.size());
        QList<QTextLayout::FormatRange> moved;
        for (QTextLayout::FormatRange r : std::as_const(formats)) {
            if (r.start >= inBlock) {
                r.start += length;
            } else if (r.start + r.length > inBlock) {
                QTextLayout::FormatRange after = r;
                after.start = inBlock + length;
                after.length = r.start + r.length - inBlock;
                r.length = inBlock - r.start;
                moved.append(after);
            }
            moved.append(r);
        }
        formats = moved;
    }
    layout->setPreeditArea(shown.isEmpty() ? -1 : inBlock, shown);
    if (!shown.isEmpty()) {
        QTextCharFormat format = m_format;
        if (!format.hasProperty(QTextFormat::ForegroundBrush)) {
            // Halfway between the theme's text and background: readable, clearly not text
            // (fainter with a lower opacity).
            const QPalette p = m_editor->palette();
            const QColor text = p.color(QPalette::Text), base = p.color(QPalette::Base);
            const double w = 0.5 * m_opacity;
            const auto mix = [w](int t, int b) {
                return qRound(w * t + (1 - w) * b);
            };
            format.setForeground(QColor(mix(text.red(), base.red()),
                                        mix(text.green(), base.green()),
                                        mix(text.blue(), base.blue())));
        }
        formats.append({inBlock, int(shown.size()), format});
    }
    layout->setFormats(formats);

    // Re-lay out the block (its height changes with multi-line ghosts) and repaint.
    QScopedValueRollback<bool> updating(m_updating, true);
    doc->markContentsDirty(block.position(), block.length());
    m_editor->viewport()->update();
}

} // namespace inkling

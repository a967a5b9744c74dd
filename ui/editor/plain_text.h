// The text of an editor's document as it is saved: exactly what the user typed.
#pragma once

#include <QString>
#include <QTextDocument>

namespace inkling {

// QTextDocument::toPlainText() turns non-breaking spaces into ordinary ones, so a file
// saved from it would lose them. The raw text keeps every character; only the block
// separators become the '\n' the file had (U+2028 stays: it is a character of the line).
inline QString savedText(const QTextDocument *document)
{
    QString text = document->toRawText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text;
}

// Text a QTextCursor selected (selectedText()) as plain text for a prompt: block and line
// separators become '\n'.
inline QString plainSelection(QString text)
{
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    text.replace(QChar::LineSeparator, QLatin1Char('\n'));
    return text;
}

} // namespace inkling

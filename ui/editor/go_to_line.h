// Go to Line (Ctrl+G): "line" or "line:column", both counted from 1 as the gutter shows
// lines. A line past the end goes to the last line, a column past the end of its line to
// the line's end, as Kate and Qt Creator do.
#pragma once

#include <QStringView>

#include <optional>

class QPlainTextEdit;

namespace inkling {

struct LineColumn
{
    int line = 1;
    int column = 1;
};

// "12", "12:5", " 12 : 5 ", "12:" (column 1); nullopt for anything else, or a zero.
std::optional<LineColumn> parseLineColumn(QStringView text);

// Moves the cursor there (clamped to the document) and scrolls it into view.
void goToLine(QPlainTextEdit *editor, LineColumn where);

// Asks for line[:column] (a small dialog showing the current line, accepting only that
// form) and goes there; Cancel leaves the cursor where it was.
void askAndGoToLine(QPlainTextEdit *editor);

} // namespace inkling

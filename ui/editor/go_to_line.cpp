#include "ui/editor/go_to_line.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QTextBlock>

namespace inkling {

namespace {

// Digits, optionally ":" and more digits; spaces around either part.
const QRegularExpression &lineColumnPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*(\d{1,9})\s*(?::\s*(\d{0,9})\s*)?$)"));
    return pattern;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("inkling::GoToLine", text);
}

} // namespace

std::optional<LineColumn> parseLineColumn(QStringView text)
{
    const QRegularExpressionMatch match = lineColumnPattern().matchView(text);
    if (!match.hasMatch())
        return std::nullopt;
    LineColumn where;
    where.line = match.capturedView(1).toInt();
    if (!match.capturedView(2).isEmpty())
        where.column = match.capturedView(2).toInt();
    if (where.line < 1 || where.column < 1)
        return std::nullopt;
    return where;
}

void goToLine(QPlainTextEdit *editor, LineColumn where)
{
    QTextDocument *document = editor->document();
    const int line = std::min(where.line, document->blockCount());
    const QTextBlock block = document->findBlockByNumber(line - 1);
    // Columns count characters of the line as the editor stores them (UTF-16 units).
    const int column = std::min(where.column - 1, block.length() - 1);
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + column);
    editor->setTextCursor(cursor);
    editor->centerCursor();
}

void askAndGoToLine(QPlainTextEdit *editor)
{
    QInputDialog dialog(editor);
    dialog.setWindowTitle(tr("Go to Line"));
    dialog.setLabelText(
        tr("Line (1–%1), optionally followed by :column:").arg(editor->document()->blockCount()));
    const QTextCursor cursor = editor->textCursor();
    dialog.setTextValue(QString::number(cursor.blockNumber() + 1));
    if (auto *field = dialog.findChild<QLineEdit *>()) {
        field->setValidator(new QRegularExpressionValidator(lineColumnPattern(), field));
        field->selectAll();
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto where = parseLineColumn(dialog.textValue()))
        goToLine(editor, *where);
}

} // namespace inkling

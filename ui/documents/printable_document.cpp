// The editor's document on paper: a highlighted copy, printed or written as PDF.
#include "ui/documents/printable_document.h"

#include "ui/editor/editor.h"
#include "ui/editor/syntax_repository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

using KSyntaxHighlighting::Theme;

namespace inkling {

namespace {

// The editor's theme unless it is dark: light text would all but vanish on white paper.
Theme paperTheme(const Editor *editor)
{
    const Theme theme = editor->theme();
    if (theme.isValid() && QColor(theme.editorColor(Theme::BackgroundColor)).lightness() >= 128)
        return theme;
    return syntaxRepository().defaultTheme(KSyntaxHighlighting::Repository::LightTheme);
}

struct FormattedRange
{
    int start;
    int length;
    QTextCharFormat format;
};

} // namespace

std::unique_ptr<QTextDocument> printableDocument(const Editor *editor)
{
    std::unique_ptr<QTextDocument> copy(editor->document()->clone());
    copy->setDefaultFont(editor->unzoomedFont());

    // A highlighter of its own rather than the editor's formats: the editor's layouts
    // also hold the ghost text's format, and may be coloured for a dark screen.
    QList<FormattedRange> ranges;
    {
        KSyntaxHighlighting::SyntaxHighlighter highlighter;
        highlighter.setTheme(paperTheme(editor));
        highlighter.setDefinition(editor->definition());
        highlighter.setDocument(copy.get());
        highlighter.rehighlight(); // now, not from the event loop
        for (QTextBlock block = copy->begin(); block.isValid(); block = block.next()) {
            for (const QTextLayout::FormatRange &r : block.layout()->formats())
                ranges.append({block.position() + r.start, r.length, r.format});
        }
    } // the highlighter leaves, taking its layout formats with it
    QTextCursor cursor(copy.get());
    for (const FormattedRange &r : std::as_const(ranges)) {
        cursor.setPosition(r.start);
        cursor.setPosition(r.start + r.length, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(r.format);
    }
    return copy;
}

void printDocument(const Editor *editor, QPagedPaintDevice *device)
{
    printableDocument(editor)->print(device);
}

bool exportPdf(const Editor *editor, const QString &path, const QString &title,
               QString *errorMessage)
{
    // Made in memory, then saved as a document is: the PDF engine closes the device it
    // writes to, which a QSaveFile must not be before its commit.
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setTitle(title);
        writer.setCreator(QCoreApplication::applicationName());
        // The paper the user's region prints on.
        writer.setPageSize(QPageSize(QLocale().measurementSystem() == QLocale::ImperialUSSystem
                                         ? QPageSize::Letter
                                         : QPageSize::A4));
        printDocument(editor, &writer);
    }
    const QString shownPath = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    file.setDirectWriteFallback(true); // as saving a document does (text_file.cpp)
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = QCoreApplication::translate("PrintableDocument", "Cannot write “%1”: %2")
                            .arg(shownPath, file.errorString());
        return false;
    }
    file.write(pdf.data());
    if (!file.commit()) {
        *errorMessage = QCoreApplication::translate("PrintableDocument", "Cannot save “%1”: %2")
                            .arg(shownPath, file.errorString());
        return false;
    }
    return true;
}

} // namespace inkling

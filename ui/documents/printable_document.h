// Print and Export as PDF: the editor's text on paper, highlighted as on screen but in a
// theme made for white paper, in the document's unzoomed font, without ghost text.
#pragma once

#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace inkling {

class Editor;

// A copy of the editor's document for paper. Printing lays a document out again, which
// drops the highlighter's formats (they live in the editor's block layouts, beside the
// text); the copy holds them as real character formats. Ghost text is never part of the
// document, so it is not in the copy either.
std::unique_ptr<QTextDocument> printableDocument(const Editor *editor);

// Prints the editor's document on a printer or PDF writer, with page numbers.
void printDocument(const Editor *editor, QPagedPaintDevice *device);

// Writes the editor's document as a PDF file titled title. Like a saved document it is
// written whole or not at all, with the permissions new files get (the umask decides).
// False with *errorMessage on failure.
bool exportPdf(const Editor *editor, const QString &path, const QString &title,
               QString *errorMessage);

} // namespace inkling

// The Document Notes panel (NovelAI's Memory, Sudowrite's Story Bible): what the writer
// wants every suggestion in the current document to know — characters, terms, style.
// The window shows the current document's notes here and hands edits back to it.
#pragma once

#include <QDockWidget>

class QPlainTextEdit;

namespace inkling {

class NotesPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit NotesPanel(QWidget *parent = nullptr);

    // Shows a document's notes (not an edit: notesEdited is not emitted).
    void showNotes(const QString &notes);
    QString notes() const;
    QPlainTextEdit *editor() const { return m_edit; }

signals:
    void notesEdited(const QString &notes);

private:
    QPlainTextEdit *m_edit;
};

} // namespace inkling

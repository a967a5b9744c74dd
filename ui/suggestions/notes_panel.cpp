// A dock with a hint and a plain-text field.
#include "ui/suggestions/notes_panel.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace inkling {

NotesPanel::NotesPanel(QWidget *parent)
    : QDockWidget(tr("Document Notes"), parent)
    , m_edit(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("notesPanel"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    auto *hint = new QLabel(tr("Names, terms and style for this document. Suggestions read "
                               "them before its text; they are not part of the file."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_edit->setPlaceholderText(tr("e.g. Characters: Zebulon Quackenbush, an old sailor"));
    layout->addWidget(m_edit);
    setWidget(content);
    connect(m_edit, &QPlainTextEdit::textChanged, this,
            [this] { emit notesEdited(m_edit->toPlainText()); });
}

void NotesPanel::showNotes(const QString &notes)
{
    if (notes == m_edit->toPlainText())
        return;
    const QSignalBlocker blocker(m_edit);
    m_edit->setPlainText(notes);
}

QString NotesPanel::notes() const
{
    return m_edit->toPlainText();
}

} // namespace inkling

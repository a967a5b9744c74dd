// Building requests from the editor's text and routing the replies to the panel.
#include "ui/writing/writing_commands.h"

#include "service/completion_source.h"
#include "ui/editor/ghost_text.h"
#include "ui/editor/plain_text.h"
#include "ui/writing/writing_panel.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QTextDocument>

namespace inkling {

namespace {

constexpr size_t kMaxHistory = 8;

} // namespace

WritingCommands::WritingCommands(QPlainTextEdit *editor, CompletionSource *source,
                                 WritingPanel *panel, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_panel(panel)
    , m_continue(new QAction(tr("&Continue Paragraph"), this))
    , m_summarize(new QAction(tr("&Summarize Selection"), this))
    , m_ask(new QAction(tr("&Ask About Selection…"), this))
    , m_focusPanel(new QAction(tr("&Go to Writing Panel"), this))
{
    m_continue->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_continue->setStatusTip(tr("Continue the text before the cursor to the end of its paragraph"));
    m_summarize->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_summarize->setStatusTip(
        tr("Summarize the selected text (the GPT-2 paper's \"TL;DR:\" prompt)"));
    m_ask->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_ask->setStatusTip(tr("Answer a question about the selected text"));
    m_focusPanel->setShortcut(QKeySequence(Qt::Key_F6));
    m_focusPanel->setStatusTip(tr("Move the keyboard focus to the writing panel (Esc returns)"));
    connect(m_focusPanel, &QAction::triggered, m_panel, &WritingPanel::focusPanel);
    connect(m_panel, &WritingPanel::leaveRequested, this, [this] {
        if (m_editor)
            m_editor->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_continue, &QAction::triggered, this, &WritingCommands::continueParagraph);
    connect(m_summarize, &QAction::triggered, this, &WritingCommands::summarizeSelection);
    connect(m_ask, &QAction::triggered, this, &WritingCommands::askInteractively);
    connect(m_source, &CompletionSource::partial, this, &WritingCommands::onPartial);
    connect(m_source, &CompletionSource::finished, this, &WritingCommands::onFinished);
    connect(m_source, &CompletionSource::failed, this, &WritingCommands::onFailed);
    connect(m_panel, &WritingPanel::insertRequested, this, &WritingCommands::insertResult);
    connect(m_panel, &WritingPanel::cancelRequested, this, &WritingCommands::cancel);
    setEditor(editor);
}

void WritingCommands::setEditor(QPlainTextEdit *editor)
{
    if (m_editor)
        disconnect(m_editor, nullptr, this, nullptr);
    m_editor = editor;
    if (m_editor)
        connect(m_editor, &QPlainTextEdit::selectionChanged, this, &WritingCommands::updateActions);
    updateActions();
}

void WritingCommands::setContextLength(int tokens)
{
    if (tokens > 0)
        m_contextLength = tokens;
}

void WritingCommands::addActionsTo(QMenu *menu)
{
    menu->addAction(m_continue);
    menu->addAction(m_summarize);
    menu->addAction(m_ask);
    menu->addSeparator();
    menu->addAction(m_focusPanel);
    QAction *show = m_panel->toggleViewAction();
    show->setText(tr("Writing &Panel"));
    menu->addAction(show);
}

void WritingCommands::updateActions()
{
    const bool selection = m_editor && m_editor->textCursor().hasSelection();
    m_continue->setEnabled(m_editor != nullptr);
    m_summarize->setEnabled(selection);
    m_ask->setEnabled(selection);
}

QString WritingCommands::selectedText() const
{
    return m_editor ? plainSelection(m_editor->textCursor().selectedText()) : QString();
}

bool WritingCommands::continueParagraph()
{
    if (!m_editor)
        return false;
    QTextCursor at = m_editor->textCursor();
    at.clearSelection();
    QTextCursor before(m_editor->document());
    before.setPosition(at.position(), QTextCursor::KeepAnchor);
    const std::string text = plainSelection(before.selectedText()).toStdString();
    WritingPrompt p = writing::continuePrompt(
        text, writing::textBudget(m_contextLength, writing::kContinueTokens));
    p.sampling.seed = QRandomGenerator::global()->generate64(); // another try, another text
    start(WritingCommand::ContinueParagraph, tr("Continue Paragraph"), QString(), p, at);
    return true;
}

bool WritingCommands::summarizeSelection()
{
    const QString selection = selectedText();
    if (selection.trimmed().isEmpty())
        return false;
    WritingPrompt p = writing::summarizePrompt(
        selection.toStdString(), writing::textBudget(m_contextLength, writing::kSummaryTokens));
    p.sampling.seed = QRandomGenerator::global()->generate64();
    QTextCursor at = m_editor->textCursor();
    at.setPosition(at.selectionEnd());
    start(WritingCommand::Summarize, tr("Summarize Selection"), QString(), p, at);
    return true;
}

bool WritingCommands::ask(const QString &question)
{
    const QString selection = selectedText();
    if (selection.trimmed().isEmpty() || question.trimmed().isEmpty())
        return false;
    if (selection != m_askedAbout) {
        m_askedAbout = selection;
        m_history.clear();
    }
    const WritingPrompt p =
        writing::askPrompt(selection.toStdString(), question.toStdString(), m_history,
                           writing::textBudget(m_contextLength, writing::kAnswerTokens));
    m_question = question.trimmed();
    QTextCursor at = m_editor->textCursor();
    at.setPosition(at.selectionEnd());
    start(WritingCommand::Ask, tr("Ask About Selection"), tr("Q: %1").arg(m_question), p, at);
    return true;
}

void WritingCommands::askInteractively()
{
    if (!m_editor || !m_editor->textCursor().hasSelection())
        return;
    bool ok = false;
    const QString question = QInputDialog::getText(m_editor->window(), tr("Ask About Selection"),
                                                   tr("Question about the selected text:"),
                                                   QLineEdit::Normal, QString(), &ok);
    if (ok)
        ask(question);
}

void WritingCommands::start(WritingCommand command, const QString &title, const QString &subject,
                            const WritingPrompt &prompt, const QTextCursor &insertAt)
{
    if (m_requestId != 0)
        m_source->cancelCommand(); // a new command replaces the running one
    m_command = command;
    m_prompt = prompt;
    m_insertAt = insertAt;
    CompletionRequest r = completionRequest(prompt);
    r.id = newRequestId();
    r.kind = RequestKind::Command;
    r.generation.timeBudgetMs = 0; // asked for explicitly: the user waits for it, and can cancel
    m_requestId = r.id;
    m_panel->start(title, subject);
    emit started();
    m_source->request(r);
}

void WritingCommands::onPartial(quint64 id, const QString &text)
{
    if (id == m_requestId && id != 0)
        m_panel->append(text);
}

void WritingCommands::onFinished(quint64 id, const QString &text, const CompletionStats &stats)
{
    Q_UNUSED(text); // the streamed pieces already add up to it
    if (id != m_requestId || id == 0)
        return;
    m_requestId = 0;
    m_panel->finish();
    if (m_command == WritingCommand::Ask && !m_panel->text().trimmed().isEmpty()) {
        m_history.push_back({m_question.toStdString(), m_panel->text().trimmed().toStdString()});
        if (m_history.size() > kMaxHistory)
            m_history.erase(m_history.begin());
    }
    emit finished(stats);
}

void WritingCommands::onFailed(quint64 id, const QString &message)
{
    if (id != m_requestId || id == 0)
        return;
    m_requestId = 0;
    m_panel->fail(message);
    emit failed(message);
}

void WritingCommands::cancel()
{
    if (m_requestId == 0)
        return;
    m_source->cancelCommand();
    m_requestId = 0;
    m_panel->cancelled();
}

bool WritingCommands::insertResult()
{
    const QString text = m_panel->text();
    if (!m_editor || m_panel->isRunning() || text.trimmed().isEmpty())
        return false;
    QTextCursor c = m_insertAt;
    if (c.isNull() || c.document() != m_editor->document())
        c = m_editor->textCursor(); // the document was replaced meanwhile
    c.clearSelection();
    // Qt's editing must not meet a ghost's pre-edit in the layout (see GhostText); the
    // edit resets the suggestion anyway.
    if (auto *ghost = m_editor->findChild<GhostText *>())
        ghost->clear();
    // Its own edit block: the inserted text is one undo step, never merged with typing.
    c.beginEditBlock();
    c.insertText(text);
    c.endEditBlock();
    m_editor->setTextCursor(c);
    m_editor->setFocus();
    return true;
}

} // namespace inkling

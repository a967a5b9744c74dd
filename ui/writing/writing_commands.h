// The Tools menu's writing commands from the GPT-2 paper — continue the paragraph,
// summarise the selection ("TL;DR:"), answer a question about it — run on the
// completion service, streamed into a WritingPanel, inserted on request.
//
// Sharing the engine with typing suggestions: a command is a request of kind Command,
// which the service ranks above suggestions. While it runs, suggestion requests wait
// (only the newest one, run when the command ends) and typing never cancels it; a
// suggestion already running when a command starts stops at its next token and ends
// with what it had. Only Cancel, Esc in the panel or the next command stop a command.
#pragma once

#include "engine/generation/writing_prompts.h"
#include "service/completion_service.h"

#include <QObject>
#include <QPointer>
#include <QTextCursor>

#include <vector>

class QAction;
class QMenu;
class QPlainTextEdit;

namespace inkling {

class CompletionSource;
class WritingPanel;

class WritingCommands : public QObject
{
    Q_OBJECT

public:
    WritingCommands(QPlainTextEdit *editor, CompletionSource *source, WritingPanel *panel,
                    QObject *parent = nullptr);

    // The editor the commands read and insert into (the current document).
    void setEditor(QPlainTextEdit *editor);
    // The model's window in tokens, which bounds how much text a prompt takes.
    void setContextLength(int tokens);
    // Continue Paragraph, Summarize Selection, Ask About Selection, Go to Writing Panel
    // (F6; Esc goes back) and the panel's show/hide action.
    void addActionsTo(QMenu *menu);

    // The commands; false when there is nothing to run them on (no selection).
    bool continueParagraph();
    bool summarizeSelection();
    bool ask(const QString &question);
    void askInteractively(); // asks for the question first

    // Puts the result at the cursor (continue) or after the selection the command was
    // run on, as one undo step; false when there is nothing to insert.
    bool insertResult();
    void cancel();

    bool isRunning() const { return m_requestId != 0; }
    WritingPanel *panel() const { return m_panel; }
    // The prompt sent for the last command (for tests and the curious).
    const WritingPrompt &lastPrompt() const { return m_prompt; }
    QAction *continueAction() const { return m_continue; }
    QAction *summarizeAction() const { return m_summarize; }
    QAction *askAction() const { return m_ask; }
    QAction *focusPanelAction() const { return m_focusPanel; }

signals:
    void started();
    void finished(const inkling::CompletionStats &stats);
    void failed(const QString &message);

private:
    void start(WritingCommand command, const QString &title, const QString &subject,
               const WritingPrompt &prompt, const QTextCursor &insertAt);
    void onPartial(quint64 id, const QString &text);
    void onFinished(quint64 id, const QString &text, const CompletionStats &stats);
    void onFailed(quint64 id, const QString &message);
    void updateActions();
    QString selectedText() const;

    QPointer<QPlainTextEdit> m_editor;
    CompletionSource *m_source;
    WritingPanel *m_panel;
    QAction *m_continue;
    QAction *m_summarize;
    QAction *m_ask;
    QAction *m_focusPanel;
    int m_contextLength = 1024;

    quint64 m_requestId = 0; // the running command (0: none)
    WritingCommand m_command = WritingCommand::ContinueParagraph;
    WritingPrompt m_prompt;
    QTextCursor m_insertAt; // follows edits made while the command runs
    // Questions asked about the same selection go into the next prompt, as the
    // conversation history of the paper's CoQA format.
    QString m_askedAbout;
    QString m_question;
    std::vector<QuestionAnswer> m_history;
};

} // namespace inkling

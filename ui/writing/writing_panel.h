// The side panel where a writing command's result appears: the command's name, the
// text as it streams in, and Insert / Copy / Cancel. A view only: WritingCommands
// decides what runs and what Insert does.
#pragma once

#include <QDockWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace inkling {

class WritingPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit WritingPanel(QWidget *parent = nullptr);

    // A command started: clears the text, shows the name (and its subject, e.g. the
    // question asked) and the running state.
    void start(const QString &title, const QString &subject = {});
    void append(const QString &text);
    void finish();    // generation ended normally
    void cancelled(); // the user stopped it; the text so far stays usable
    void fail(const QString &message);

    QString title() const;
    QString text() const { return m_result; }
    QString statusText() const;
    bool isRunning() const { return m_running; }
    // Shows the panel and puts the keyboard focus on it: on Insert when there is
    // something to insert, else on the result.
    void focusPanel();

    QPushButton *insertButton() const { return m_insert; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    void insertRequested();
    void cancelRequested();
    // Esc while nothing runs: back to the document.
    void leaveRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void setRunning(bool running);
    void copy();

    QLabel *m_title;
    QLabel *m_subject;
    QPlainTextEdit *m_view;
    QLabel *m_status;
    QPushButton *m_insert;
    QPushButton *m_copy;
    QPushButton *m_cancel;
    QString m_result; // exactly what was generated (the view may wrap it)
    bool m_running = false;
};

} // namespace inkling

// The status bar's view of suggestions: model, mode, latency of the last suggestion
// (keystroke to first ghost character), decode speed, a busy indicator, and the
// keystrokes that accepted suggestions saved (this session, and in total), and with a
// server set up, which backend answered.
#pragma once

#include "engine/generation/stop_rule.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace inkling {

// The translated name of a completion mode, for menus and the status bar.
QString modeTitle(CompletionMode mode);

class SuggestionStatus : public QWidget
{
    Q_OBJECT

public:
    explicit SuggestionStatus(QWidget *parent = nullptr);

    void setModelLoading(const QString &directory);
    // While loading: the fraction done, shown as a percentage beside the model's label.
    void setModelLoadProgress(double fraction);
    void setModel(const QString &name, const QString &details);
    void setModelError(const QString &message);
    // The mode suggestions use at the cursor (code inside a Markdown code fence).
    void setMode(CompletionMode mode);
    void setLatency(double milliseconds);
    void setSpeed(double tokensPerSecond);
    void setBusy(bool busy);
    // Who answered the last request when a server is set up: the server (its host) or,
    // with server empty, the built-in model. Without a server nothing is shown.
    void setBackend(const QString &server, bool serverSetUp);
    // One accept key inserted `characters` characters: saved characters - 1 keystrokes.
    // The total is kept in QSettings ("stats/keystrokesSaved").
    void addAccepted(int characters);
    // A new suggestion was shown (for the session figures in the meter's tooltip).
    void addShown();
    // Accepted characters whose following keystrokes are over, and how many were kept.
    void addKept(qint64 accepted, qint64 kept);

    qint64 sessionKeystrokesSaved() const { return m_sessionSaved; }
    qint64 totalKeystrokesSaved() const { return m_totalSaved; }
    QString savedText() const;
    // This session's acceptance figures, as the meter's tooltip gives them.
    QString sessionText() const;

    QString modelText() const;
    QString latencyText() const;
    QString modeText() const;
    QString backendText() const; // empty while hidden

private:
    void showSaved();

    QLabel *m_model;
    QLabel *m_mode;
    QLabel *m_latency;
    QLabel *m_speed;
    QLabel *m_saved;
    QLabel *m_backend;
    qint64 m_sessionSaved = 0;
    qint64 m_totalSaved = 0;
    qint64 m_sessionShown = 0;
    qint64 m_sessionAcceptedCharacters = 0;
    qint64 m_settledAccepted = 0; // accepted characters whose keep-window is over ...
    qint64 m_settledKept = 0;     // ... and of those, still in the text
    QProgressBar *m_busy;
};

} // namespace inkling

// The status bar's view of suggestions: model, mode, latency of the last suggestion
// (keystroke to first ghost character), decode speed, a busy indicator, and the
// keystrokes that accepted suggestions saved (this session, and in total).
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
    // One accept key inserted `characters` characters: saved characters - 1 keystrokes.
    // The total is kept in QSettings ("stats/keystrokesSaved").
    void addAccepted(int characters);

    qint64 sessionKeystrokesSaved() const { return m_sessionSaved; }
    qint64 totalKeystrokesSaved() const { return m_totalSaved; }
    QString savedText() const;

    QString modelText() const;
    QString latencyText() const;
    QString modeText() const;

private:
    void showSaved();

    QLabel *m_model;
    QLabel *m_mode;
    QLabel *m_latency;
    QLabel *m_speed;
    QLabel *m_saved;
    qint64 m_sessionSaved = 0;
    qint64 m_totalSaved = 0;
    QProgressBar *m_busy;
};

} // namespace inkling

// The status bar's view of suggestions: model, mode, latency of the last suggestion
// (keystroke to first ghost character), decode speed, and a busy indicator.
#pragma once

#include "engine/stop_rule.h"

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
    void setMode(CompletionMode mode);
    void setLatency(double milliseconds);
    void setSpeed(double tokensPerSecond);
    void setBusy(bool busy);

    QString modelText() const;
    QString latencyText() const;

private:
    QLabel *m_model;
    QLabel *m_mode;
    QLabel *m_latency;
    QLabel *m_speed;
    QProgressBar *m_busy;
};

} // namespace inkling

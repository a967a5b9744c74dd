// Small labels in a row; the busy bar is an indeterminate QProgressBar.
#include "ui/suggestions/suggestion_status.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSettings>

namespace inkling {

namespace {
const char *const kSavedKey = "stats/keystrokesSaved";
}

QString modeTitle(CompletionMode mode)
{
    switch (mode) {
    case CompletionMode::Word:
        return SuggestionStatus::tr("Word");
    case CompletionMode::Sentence:
        return SuggestionStatus::tr("Sentence");
    case CompletionMode::Paragraph:
        return SuggestionStatus::tr("Paragraph");
    case CompletionMode::Code:
        return SuggestionStatus::tr("Code");
    case CompletionMode::Raw:
        return SuggestionStatus::tr("Free");
    case CompletionMode::Line:
        return SuggestionStatus::tr("Line");
    }
    return {};
}

SuggestionStatus::SuggestionStatus(QWidget *parent)
    : QWidget(parent)
    , m_model(new QLabel(this))
    , m_mode(new QLabel(this))
    , m_latency(new QLabel(this))
    , m_speed(new QLabel(this))
    , m_saved(new QLabel(this))
    , m_backend(new QLabel(this))
    , m_busy(new QProgressBar(this))
{
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setMaximumWidth(48);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_backend->setVisible(false); // until a server is set up
    m_busy->setToolTip(tr("Generating a suggestion"));
    m_latency->setToolTip(tr("Time from your last keystroke to the first suggested character"));
    m_speed->setToolTip(tr("Generation speed of the last suggestion"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    m_totalSaved = qMax<qint64>(0, QSettings().value(kSavedKey, 0).toLongLong());
    showSaved();
    for (QWidget *w : {static_cast<QWidget *>(m_busy), static_cast<QWidget *>(m_saved),
                       static_cast<QWidget *>(m_latency), static_cast<QWidget *>(m_speed),
                       static_cast<QWidget *>(m_mode), static_cast<QWidget *>(m_backend),
                       static_cast<QWidget *>(m_model)})
        layout->addWidget(w);
    setModelLoading(QString());
}

void SuggestionStatus::setModelLoading(const QString &directory)
{
    m_model->setText(tr("Loading model…"));
    m_model->setToolTip(directory);
}

void SuggestionStatus::setModelLoadProgress(double fraction)
{
    m_model->setText(tr("Loading model… %1%").arg(qBound(0, qRound(fraction * 100), 100)));
}

void SuggestionStatus::setModel(const QString &name, const QString &details)
{
    m_model->setText(name);
    m_model->setToolTip(details);
    m_model->setStyleSheet(QString());
}

void SuggestionStatus::setModelError(const QString &message)
{
    m_model->setText(tr("No model: suggestions off"));
    m_model->setToolTip(message);
    m_model->setStyleSheet(QStringLiteral("color: #c0392b"));
}

void SuggestionStatus::setMode(CompletionMode mode)
{
    m_mode->setText(modeTitle(mode));
}

QString SuggestionStatus::modeText() const
{
    return m_mode->text();
}

void SuggestionStatus::setLatency(double milliseconds)
{
    m_latency->setText(tr("%1 ms").arg(qRound(milliseconds)));
}

void SuggestionStatus::setSpeed(double tokensPerSecond)
{
    m_speed->setText(tokensPerSecond > 0 ? tr("%1 tokens/s").arg(qRound(tokensPerSecond))
                                         : QString());
}

void SuggestionStatus::setBusy(bool busy)
{
    m_busy->setVisible(busy);
}

void SuggestionStatus::addAccepted(int characters)
{
    m_sessionAcceptedCharacters += characters;
    const int saved = qMax(0, characters - 1); // the accept key itself is a keystroke
    if (saved == 0) {
        showSaved();
        return;
    }
    m_sessionSaved += saved;
    m_totalSaved += saved;
    QSettings().setValue(kSavedKey, m_totalSaved);
    showSaved();
}

void SuggestionStatus::addShown()
{
    ++m_sessionShown;
    showSaved();
}

void SuggestionStatus::addKept(qint64 accepted, qint64 kept)
{
    m_settledAccepted += accepted;
    m_settledKept += kept;
    showSaved();
}

QString SuggestionStatus::sessionText() const
{
    const QLocale locale;
    const double perShown =
        m_sessionShown ? double(m_sessionAcceptedCharacters) / double(m_sessionShown) : 0.0;
    QString text =
        tr("This session: suggestions shown %1, characters accepted %2 (%3 per "
           "suggestion shown)")
            .arg(locale.toString(m_sessionShown), locale.toString(m_sessionAcceptedCharacters),
                 locale.toString(perShown, 'f', 1));
    if (m_settledAccepted > 0)
        text += QLatin1Char('\n') +
                tr("Kept 20 keystrokes later: %1 % of the accepted characters")
                    .arg(locale.toString(100.0 * double(m_settledKept) / double(m_settledAccepted),
                                         'f', 0));
    return text;
}

void SuggestionStatus::showSaved()
{
    const QLocale locale;
    m_saved->setText(tr("Saved %1 keys (%2 in all)")
                         .arg(locale.toString(m_sessionSaved), locale.toString(m_totalSaved)));
    m_saved->setToolTip(tr("Keystrokes that accepted suggestions saved you: the characters they "
                           "inserted minus the keys pressed to accept them, in this session "
                           "and since you started using Inkling") +
                        QStringLiteral("\n\n") + sessionText());
}

QString SuggestionStatus::savedText() const
{
    return m_saved->text();
}

void SuggestionStatus::setBackend(const QString &server, bool serverSetUp)
{
    m_backend->setVisible(serverSetUp);
    if (!serverSetUp) {
        m_backend->clear();
    } else if (server.isEmpty()) {
        m_backend->setText(tr("Built-in model"));
        m_backend->setToolTip(tr("The built-in model answered: the server could not."));
    } else {
        m_backend->setText(tr("Server: %1").arg(server));
        m_backend->setToolTip(tr("Suggestions come from the server at %1.").arg(server));
    }
}

QString SuggestionStatus::backendText() const
{
    return m_backend->isVisibleTo(this) ? m_backend->text() : QString();
}

QString SuggestionStatus::modelText() const
{
    return m_model->text();
}

QString SuggestionStatus::latencyText() const
{
    return m_latency->text();
}

} // namespace inkling

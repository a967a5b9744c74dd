// Layout: name and subject on top, the read-only result in the middle (selectable and
// reachable with Tab, so a screen reader can read it), status and buttons below.
#include "ui/writing/writing_panel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace inkling {

WritingPanel::WritingPanel(QWidget *parent)
    : QDockWidget(tr("Writing Commands"), parent)
    , m_title(new QLabel)
    , m_subject(new QLabel)
    , m_view(new QPlainTextEdit)
    , m_status(new QLabel)
    , m_insert(new QPushButton(tr("&Insert")))
    , m_copy(new QPushButton(tr("Cop&y")))
    , m_cancel(new QPushButton(tr("Cance&l")))
{
    setObjectName(QStringLiteral("writingPanel")); // for saveState()
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_subject->setWordWrap(true);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subject->hide();
    m_view->setReadOnly(true);
    m_view->setTabChangesFocus(true);
    m_view->setAccessibleName(tr("Result"));
    m_view->setPlaceholderText(tr("Choose a command from the Tools menu."));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_insert->setToolTip(tr("Insert the text into the document (one undo step)"));
    m_copy->setToolTip(tr("Copy the text to the clipboard"));
    m_cancel->setToolTip(tr("Stop generating (Esc)"));
    m_insert->setAutoDefault(true); // Return on a focused button presses it

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_insert);
    buttons->addWidget(m_copy);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->addWidget(m_title);
    layout->addWidget(m_subject);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    setWidget(body);

    connect(m_insert, &QPushButton::clicked, this, &WritingPanel::insertRequested);
    connect(m_cancel, &QPushButton::clicked, this, &WritingPanel::cancelRequested);
    connect(m_copy, &QPushButton::clicked, this, &WritingPanel::copy);
    setRunning(false);
}

void WritingPanel::start(const QString &title, const QString &subject)
{
    m_title->setText(title);
    m_subject->setText(subject);
    m_subject->setVisible(!subject.isEmpty());
    m_result.clear();
    m_view->clear();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Generating…"));
    setRunning(true);
    show();
    raise();
}

void WritingPanel::append(const QString &text)
{
    if (!m_running)
        return;
    m_result += text;
    // Shown without the leading line breaks or spaces a model puts after "TL;DR:" or
    // "A:"; Insert still uses the text exactly as generated.
    qsizetype start = 0;
    while (start < m_result.size() && m_result.at(start).isSpace())
        ++start;
    m_view->setPlainText(m_result.mid(start));
}

void WritingPanel::finish()
{
    m_status->setText(m_result.trimmed().isEmpty() ? tr("The model had nothing to add.")
                                                   : tr("Done."));
    setRunning(false);
}

void WritingPanel::cancelled()
{
    m_status->setText(tr("Cancelled."));
    setRunning(false);
}

void WritingPanel::fail(const QString &message)
{
    // Breeze's "negative" red: readable on light and dark palettes alike.
    m_status->setStyleSheet(QStringLiteral("color: #da4453;"));
    m_status->setText(tr("Failed: %1").arg(message));
    setRunning(false);
}

QString WritingPanel::title() const
{
    return m_title->text();
}

QString WritingPanel::statusText() const
{
    return m_status->text();
}

void WritingPanel::setRunning(bool running)
{
    m_running = running;
    const bool hasText = !m_result.trimmed().isEmpty();
    m_insert->setEnabled(!running && hasText);
    m_copy->setEnabled(!running && hasText);
    m_cancel->setEnabled(running);
    if (!running && hasText && m_cancel->hasFocus())
        m_insert->setFocus(); // focus must not vanish with the disabled button
}

void WritingPanel::copy()
{
    QGuiApplication::clipboard()->setText(m_result.trimmed());
}

void WritingPanel::focusPanel()
{
    show();
    raise();
    if (m_insert->isEnabled())
        m_insert->setFocus(Qt::ShortcutFocusReason);
    else
        m_view->setFocus(Qt::ShortcutFocusReason);
}

void WritingPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        if (m_running)
            emit cancelRequested();
        else
            emit leaveRequested();
        return;
    }
    QDockWidget::keyPressEvent(event);
}

} // namespace inkling

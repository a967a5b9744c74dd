// The Find/Replace bar: widgets and keys around TextSearch, and the match highlights
// (only the lines on screen are searched for them, so typing in a long document stays fast).
#include "ui/editor/find_bar.h"

#include "ui/editor/editor.h"

#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>

#include <algorithm>

namespace inkling {

namespace {

// The selection if it lies within one line, else the word at the cursor, else empty.
QString searchTextAtCursor(const QPlainTextEdit *editor)
{
    QTextCursor cursor = editor->textCursor();
    if (cursor.hasSelection()) {
        const QString selected = cursor.selectedText();
        // selectedText() marks line breaks with U+2029.
        return selected.contains(QChar::ParagraphSeparator) ? QString() : selected;
    }
    cursor.select(QTextCursor::WordUnderCursor);
    const QString word = cursor.selectedText();
    const bool isWord =
        std::any_of(word.begin(), word.end(), [](QChar c) { return c.isLetterOrNumber(); });
    return isWord ? word : QString();
}

} // namespace

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_findField(new QLineEdit(this))
    , m_replaceField(new QLineEdit(this))
    , m_caseSensitive(new QCheckBox(tr("Match case"), this))
    , m_wholeWords(new QCheckBox(tr("Whole words"), this))
    , m_regularExpression(new QCheckBox(tr("Regular expression"), this))
    , m_status(new QLabel(this))
    , m_replaceButton(new QPushButton(tr("Replace"), this))
    , m_replaceAllButton(new QPushButton(tr("Replace All"), this))
{
    m_findField->setPlaceholderText(tr("Find"));
    m_findField->setClearButtonEnabled(true);
    m_replaceField->setPlaceholderText(tr("Replace with"));
    m_replaceField->setToolTip(
        tr("With a regular expression, \\1 or $1 inserts the first captured group, \\0 the "
           "whole match, \\n a line break"));
    m_regularExpression->setToolTip(tr("Perl-compatible; a match lies within one line"));
    auto *previous = new QPushButton(tr("Previous"), this);
    auto *next = new QPushButton(tr("Next"), this);
    auto *close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close (Esc)"));

    auto *options = new QHBoxLayout;
    options->addWidget(m_caseSensitive);
    options->addWidget(m_wholeWords);
    options->addWidget(m_regularExpression);
    options->addWidget(m_status, 1);
    options->addWidget(close);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 2, 4, 2);
    grid->setVerticalSpacing(2);
    grid->addWidget(m_findField, 0, 0);
    grid->addWidget(previous, 0, 1);
    grid->addWidget(next, 0, 2);
    grid->addLayout(options, 0, 3);
    grid->addWidget(m_replaceField, 1, 0);
    grid->addWidget(m_replaceButton, 1, 1);
    grid->addWidget(m_replaceAllButton, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(3, 1);
    m_replaceRow = {m_replaceField, m_replaceButton, m_replaceAllButton};

    // Return and Esc act in the fields, not in whatever default button a dialog has.
    m_findField->installEventFilter(this);
    m_replaceField->installEventFilter(this);
    setFocusProxy(m_findField);

    connect(m_findField, &QLineEdit::textEdited, this, &FindBar::onPatternChanged);
    for (QCheckBox *option : {m_caseSensitive, m_wholeWords, m_regularExpression})
        connect(option, &QCheckBox::toggled, this, &FindBar::onPatternChanged);
    connect(previous, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(m_replaceButton, &QPushButton::clicked, this, &FindBar::replace);
    connect(m_replaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QToolButton::clicked, this, &FindBar::dismiss);

    m_highlightTimer.setSingleShot(true);
    m_highlightTimer.setInterval(0);
    connect(&m_highlightTimer, &QTimer::timeout, this, &FindBar::highlightMatches);
    hide();
}

void FindBar::setEditor(Editor *editor)
{
    if (editor == m_editor)
        return;
    clearHighlights();
    for (const QMetaObject::Connection &c : std::as_const(m_editorConnections))
        disconnect(c);
    m_editorConnections.clear();
    m_editor = editor;
    if (!editor)
        return;
    // Highlights follow the text and the lines on screen.
    m_editorConnections = {
        connect(editor->document(), &QTextDocument::contentsChanged, &m_highlightTimer,
                qOverload<>(&QTimer::start)),
        connect(editor->verticalScrollBar(), &QScrollBar::valueChanged, &m_highlightTimer,
                qOverload<>(&QTimer::start)),
    };
    m_highlightTimer.start();
}

void FindBar::openFind()
{
    open(false);
}

void FindBar::openReplace()
{
    open(true);
}

void FindBar::open(bool withReplace)
{
    // Ctrl+F pressed again in the bar keeps the text typed there.
    const bool inBar = isVisible() && isAncestorOf(QApplication::focusWidget());
    if (m_editor && !inBar) {
        const QString text = searchTextAtCursor(m_editor);
        if (!text.isEmpty()) {
            m_findField->setText(m_regularExpression->isChecked() ? QRegularExpression::escape(text)
                                                                  : text);
            updateSearch();
        }
    }
    for (QWidget *w : std::as_const(m_replaceRow))
        w->setVisible(withReplace);
    m_replaceButton->setEnabled(canReplace());
    m_replaceAllButton->setEnabled(canReplace());
    showStatus({});
    show();
    m_findField->setFocus(Qt::ShortcutFocusReason);
    m_findField->selectAll();
    m_highlightTimer.start();
}

void FindBar::dismiss()
{
    hide();
    if (m_editor)
        m_editor->setFocus(Qt::OtherFocusReason);
}

void FindBar::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_highlightTimer.stop();
    clearHighlights();
}

bool FindBar::findNext()
{
    return find(SearchDirection::Forward);
}

bool FindBar::findPrevious()
{
    return find(SearchDirection::Backward);
}

bool FindBar::find(SearchDirection direction)
{
    if (!m_editor)
        return false;
    if (m_search.isEmpty()) {
        openFind();
        return false;
    }
    const QTextCursor cursor = m_editor->textCursor();
    const int from =
        direction == SearchDirection::Forward ? cursor.selectionEnd() : cursor.selectionStart();
    const std::optional<SearchMatch> match = m_search.find(m_editor->document(), from, direction);
    if (!match) {
        showStatus(m_search.isValid() ? tr("Not found") : tr("Invalid regular expression"));
        return false;
    }
    QTextCursor selection(m_editor->document());
    selection.setPosition(match->start);
    selection.setPosition(match->end, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(selection);
    if (!match->wrapped)
        showStatus({});
    else if (direction == SearchDirection::Forward)
        showStatus(tr("Search wrapped to the top"));
    else
        showStatus(tr("Search wrapped to the bottom"));
    return true;
}

bool FindBar::canReplace() const
{
    return m_editor && !m_editor->isReadOnly();
}

void FindBar::replace()
{
    if (!canReplace() || m_search.isEmpty())
        return;
    QTextCursor cursor = m_editor->textCursor();
    QTextDocument *document = m_editor->document();
    if (m_search.matchesExactly(document, cursor.selectionStart(), cursor.selectionEnd())) {
        const SearchMatch match{cursor.selectionStart(), cursor.selectionEnd(), false};
        cursor.insertText(m_search.replacementFor(document, match, m_replaceField->text()));
        m_editor->setTextCursor(cursor);
    }
    findNext();
}

int FindBar::replaceAll()
{
    if (!canReplace() || m_search.isEmpty())
        return 0;
    const int count = m_search.replaceAll(m_editor->document(), m_replaceField->text());
    showStatus(count == 0 ? tr("Not found") : tr("Replaced %n occurrence(s)", nullptr, count));
    return count;
}

SearchOptions FindBar::options() const
{
    return {m_caseSensitive->isChecked(), m_wholeWords->isChecked(),
            m_regularExpression->isChecked()};
}

void FindBar::setOptions(SearchOptions options)
{
    const QSignalBlocker blockCase(m_caseSensitive);
    const QSignalBlocker blockWords(m_wholeWords);
    const QSignalBlocker blockRegex(m_regularExpression);
    m_caseSensitive->setChecked(options.caseSensitive);
    m_wholeWords->setChecked(options.wholeWords);
    m_regularExpression->setChecked(options.regularExpression);
    updateSearch();
}

QString FindBar::statusText() const
{
    return m_status->text();
}

void FindBar::onPatternChanged()
{
    updateSearch();
    showStatus({});
    // Search as you type: the first match from where the selection starts, so typing
    // more letters extends the match in place.
    if (m_editor && !m_search.isEmpty() && m_search.isValid()) {
        QTextCursor start = m_editor->textCursor();
        start.setPosition(start.selectionStart());
        m_editor->setTextCursor(start);
        findNext();
    }
}

void FindBar::updateSearch()
{
    m_search.setPattern(m_findField->text(), options());
    // An invalid regular expression turns the field red, with PCRE2's reason as tooltip.
    QPalette palette = this->palette();
    if (!m_search.isValid()) {
        const QColor base = palette.color(QPalette::Base);
        palette.setColor(QPalette::Base,
                         base.lightness() < 128 ? QColor(110, 30, 30) : QColor(255, 200, 200));
        m_findField->setToolTip(tr("Invalid regular expression: %1 (at character %2)")
                                    .arg(m_search.errorString())
                                    .arg(m_search.errorOffset() + 1));
    } else {
        m_findField->setToolTip({});
    }
    m_findField->setPalette(palette);
    m_highlightTimer.start();
}

void FindBar::showStatus(const QString &text)
{
    m_status->setText(text);
}

void FindBar::highlightMatches()
{
    if (!m_editor || !isVisible())
        return;
    // Only the lines on screen: the cost of a keystroke does not grow with the document.
    const auto [first, last] = m_editor->visibleBlocks();
    const QList<SearchMatch> matches =
        m_search.findAll(m_editor->document(), first, last, kMaxHighlights);

    using KSyntaxHighlighting::Theme;
    const Theme theme = m_editor->theme();
    QTextCharFormat format;
    format.setBackground(theme.isValid() ? QColor(theme.editorColor(Theme::SearchHighlight))
                                         : QColor(Qt::yellow));
    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(matches.size());
    for (const SearchMatch &m : matches) {
        QTextCursor cursor(m_editor->document());
        cursor.setPosition(m.start);
        cursor.setPosition(m.end, QTextCursor::KeepAnchor);
        selections.append({cursor, format});
    }
    m_editor->setSelections(Editor::SelectionLayer::SearchMatches, selections);
}

void FindBar::clearHighlights()
{
    if (m_editor)
        m_editor->setSelections(Editor::SelectionLayer::SearchMatches, {});
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    // Esc on a button or an option of the bar (the fields have their own filter).
    if (event->key() == Qt::Key_Escape)
        dismiss();
    else
        QWidget::keyPressEvent(event);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Escape) {
        dismiss();
        return true;
    }
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        if (watched == m_replaceField)
            replace();
        else if (key->modifiers() & Qt::ShiftModifier)
            findPrevious();
        else
            findNext();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace inkling

// The text editor: KSyntaxHighlighting on a QPlainTextEdit, themed from the palette.
#include "ui/editor/editor.h"

#include "ui/editor/auto_indent.h"
#include "ui/editor/line_number_area.h"
#include "ui/editor/syntax_repository.h"
#include "ui/editor/text_counts.h"
#include "ui/spelling/spell_checker.h"
#include "ui/spelling/spelling_underlines.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QTextBlock>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using KSyntaxHighlighting::Definition;
using KSyntaxHighlighting::Repository;
using KSyntaxHighlighting::Theme;

namespace inkling {

namespace {

constexpr int kTabWidthInSpaces = 4;
// Sonnet's guess needs a few sentences, not the whole document; a pause in typing this
// long is when it is asked again.
constexpr int kLanguageSampleCharacters = 4000;
constexpr int kLanguageGuessDelayMs = 1500;
// An insertion this long is a file read or a paste, not typing: guessed at once.
constexpr int kImmediateGuessCharacters = 200;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

Editor::Editor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new SpellingHighlighter(document()))
    , m_lineNumberArea(new LineNumberArea(this))
    , m_counter(new TextCounter(document(), this))
{
    connect(this, &QPlainTextEdit::blockCountChanged, this, &Editor::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, &Editor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &Editor::highlightCurrentLine);
    m_languageGuessTimer.setSingleShot(true);
    m_languageGuessTimer.setInterval(kLanguageGuessDelayMs);
    connect(&m_languageGuessTimer, &QTimer::timeout, this, &Editor::guessSpellingLanguage);
    connect(document(), &QTextDocument::contentsChange, this, [this](int, int, int added) {
        if (!m_spelling.enabled || !m_spelling.language.isEmpty())
            return;
        // A file read or a long paste is guessed at once, so it is not underlined in the
        // wrong language until typing pauses.
        if (added >= kImmediateGuessCharacters)
            guessSpellingLanguage();
        else
            m_languageGuessTimer.start();
    });

    m_highlighter->setDefinition(defaultDefinition());
    applyFont(); // changeEvent() derives tab stops and gutter width from it
    m_darkPalette = isDark(inheritedPalette());
    setTheme(themeForPalette(inheritedPalette()));
    updateMargins();
}

Editor::~Editor() = default;

Definition Editor::defaultDefinition()
{
    return syntaxRepository().definitionForName(QStringLiteral("Markdown"));
}

Theme Editor::themeForPalette(const QPalette &palette)
{
    return syntaxRepository().defaultTheme(isDark(palette) ? Repository::DarkTheme
                                                           : Repository::LightTheme);
}

void Editor::setDefinitionForFileName(const QString &fileName)
{
    setDefinition(syntaxRepository().definitionForFileName(fileName));
}

void Editor::setDefinition(const Definition &definition)
{
    if (definition == m_highlighter->definition())
        return;
    // SyntaxHighlighter rehighlights the whole document itself when the definition changes.
    m_highlighter->setDefinition(definition);
    applyFont(); // prose and code are set in different fonts
    emit definitionChanged();
}

Definition Editor::definition() const
{
    return m_highlighter->definition();
}

void Editor::setTheme(const Theme &theme)
{
    // Only the roles the theme defines are set, so everything else (scroll bars,
    // frame) keeps following the inherited palette.
    QPalette pal;
    if (theme.isValid()) {
        pal.setColor(QPalette::Base, QColor(theme.editorColor(Theme::BackgroundColor)));
        pal.setColor(QPalette::Text, QColor(theme.textColor(Theme::Normal)));
        pal.setColor(QPalette::Highlight, QColor(theme.editorColor(Theme::TextSelection)));
        // 0 means the theme leaves it unset; keep the inherited colour then.
        if (const QRgb selected = theme.selectedTextColor(Theme::Normal))
            pal.setColor(QPalette::HighlightedText, QColor(selected));
    }
    setPalette(pal);

    m_highlighter->setTheme(theme);
    m_highlighter->rehighlight();
    highlightCurrentLine();
    m_lineNumberArea->update();
}

Theme Editor::theme() const
{
    return m_highlighter->theme();
}

void Editor::setThemeName(const QString &name)
{
    const Theme chosen = name.isEmpty() ? Theme() : syntaxRepository().theme(name);
    m_themeName = chosen.isValid() ? name : QString();
    setTheme(chosen.isValid() ? chosen : themeForPalette(inheritedPalette()));
}

void Editor::setFonts(const EditorFonts &fonts)
{
    m_fonts = fonts;
    m_zoom = clampZoom(m_zoom, fonts);
    applyFont();
    updateMargins(); // the line width may have changed with the same font
}

bool Editor::isProse() const
{
    const Definition d = definition();
    return !d.isValid() || !isCodeSection(d.section());
}

QFont Editor::unzoomedFont() const
{
    return isProse() ? m_fonts.proseFont() : m_fonts.codeFont();
}

int Editor::clampZoom(int points, const EditorFonts &fonts)
{
    const qreal prose = fonts.proseFont().pointSizeF();
    const qreal code = fonts.codeFont().pointSizeF();
    return std::clamp(points, int(std::ceil(kMinimumZoomedSize - std::max(prose, code))),
                      int(std::floor(kMaximumZoomedSize - std::min(prose, code))));
}

void Editor::setZoom(int points)
{
    m_zoom = clampZoom(points, m_fonts);
    applyFont();
}

void Editor::applyFont()
{
    QFont zoomed = unzoomedFont();
    zoomed.setPointSizeF(
        std::clamp(zoomed.pointSizeF() + m_zoom, kMinimumZoomedSize, kMaximumZoomedSize));
    setFont(zoomed); // changeEvent() follows with tab stops, the gutter and the column
}

void Editor::wheelEvent(QWheelEvent *event)
{
    // QPlainTextEdit zooms this one editor on Ctrl+wheel; Inkling zooms all, remembered.
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QPlainTextEdit::wheelEvent(event);
        return;
    }
    m_wheelDelta += event->angleDelta().y();
    const int steps = m_wheelDelta / QWheelEvent::DefaultDeltasPerStep;
    m_wheelDelta %= QWheelEvent::DefaultDeltasPerStep;
    if (steps != 0)
        emit zoomRequested(m_zoom + steps);
    event->accept();
}

void Editor::keyPressEvent(QKeyEvent *event)
{
    // Plain Return only: Shift+Return is a line break inside the paragraph, and the
    // suggestion controller has already taken any key bound to a suggestion.
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        modifiers == Qt::NoModifier && insertIndentedLine()) {
        event->accept();
        return;
    }
    const QString text = event->text();
    if (text.size() == 1 && QStringLiteral(")]}").contains(text) && typeClosingBracket(text)) {
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool Editor::insertIndentedLine()
{
    const Definition d = definition();
    const IndentLanguage language = indentLanguageFor(d.isValid() ? d.name() : QString(),
                                                      d.isValid() ? d.section() : QString());
    if (language == IndentLanguage::None || isReadOnly())
        return false;
    QTextCursor c = textCursor();
    // One edit block: Return and its indentation are one undo step.
    c.beginEditBlock();
    c.removeSelectedText();
    const QString before = c.block().text().left(c.positionInBlock());
    const QString indent = indentationAfter(before, language, indentUnit());
    if (!before.isEmpty() && leadingIndentation(before).size() == before.size()) {
        // A line left blank keeps no indentation behind.
        c.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
        c.removeSelectedText();
    }
    c.insertBlock();
    c.insertText(indent);
    c.endEditBlock();
    setTextCursor(c);
    ensureCursorVisible();
    return true;
}

bool Editor::typeClosingBracket(const QString &bracket)
{
    const Definition d = definition();
    if (isReadOnly() || !d.isValid() ||
        indentLanguageFor(d.name(), d.section()) == IndentLanguage::None)
        return false;
    QTextCursor c = textCursor();
    if (c.hasSelection())
        return false;
    const QString before = c.block().text().left(c.positionInBlock());
    if (before.isEmpty() || leadingIndentation(before).size() != before.size())
        return false; // not the line's first character, or nothing to take away
    c.beginEditBlock();
    c.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
    c.insertText(dedented(before, indentUnit()) + bracket);
    c.endEditBlock();
    setTextCursor(c);
    return true;
}

IndentUnit Editor::indentUnit() const
{
    // The first lines are enough to tell a document's habit, and keep Return cheap in a
    // long one.
    constexpr int kLinesLooked = 2000;
    QStringList lines;
    for (QTextBlock b = document()->begin(); b.isValid() && lines.size() < kLinesLooked;
         b = b.next())
        lines.append(b.text());
    return detectIndentUnit(lines);
}

void Editor::setDistractionFree(bool on)
{
    m_distractionFree = on;
    m_lineNumberArea->setVisible(!on);
    updateMargins();
}

void Editor::setSelections(SelectionLayer layer, const QList<QTextEdit::ExtraSelection> &selections)
{
    m_selections.at(std::size_t(layer)) = selections;
    QList<QTextEdit::ExtraSelection> all;
    for (const QList<QTextEdit::ExtraSelection> &l : m_selections)
        all += l;
    setExtraSelections(all);
}

QList<QTextEdit::ExtraSelection> Editor::selections(SelectionLayer layer) const
{
    return m_selections.at(std::size_t(layer));
}

void Editor::setSpelling(const SpellingSettings &settings)
{
    if (settings == m_spelling)
        return;
    m_spelling = settings;
    m_languageGuessTimer.stop();
    if (!settings.enabled) {
        m_highlighter->setSpellChecker(nullptr);
        return;
    }
    if (!m_spellChecker)
        m_spellChecker = new SpellChecker(this);
    // Guess before the first highlighting, so a loaded document is checked once.
    const QSignalBlocker blocker(m_spellChecker);
    m_spellChecker->setLanguage(settings.language);
    guessSpellingLanguage();
    m_highlighter->setSpellChecker(m_spellChecker); // re-highlights
}

SpellChecker *Editor::spellChecker() const
{
    return m_spelling.enabled && m_spellChecker && m_spellChecker->isUsable() ? m_spellChecker
                                                                              : nullptr;
}

QString Editor::spellingProblem() const
{
    if (!m_spelling.enabled || spellChecker())
        return {};
    if (!m_spelling.language.isEmpty())
        return tr("Spell checking is off: there is no dictionary for %1.").arg(m_spelling.language);
    return tr("Spell checking is off: no dictionary is installed.");
}

void Editor::recheckSpelling()
{
    if (spellChecker())
        m_highlighter->rehighlight();
}

void Editor::guessSpellingLanguage()
{
    if (!m_spellChecker || !m_spelling.enabled || !m_spelling.language.isEmpty())
        return;
    QString sample;
    for (QTextBlock b = document()->begin();
         b.isValid() && sample.size() < kLanguageSampleCharacters; b = b.next())
        sample += b.text() + u'\n';
    m_spellChecker->guessLanguage(sample);
}

QMenu *Editor::createContextMenu(int position)
{
    QMenu *menu = createStandardContextMenu();
    SpellChecker *checker = spellChecker();
    const QTextBlock block = document()->findBlock(position);
    if (!checker || !block.isValid())
        return menu;
    const int inBlock = position - block.position();
    for (const TextRange &r : SpellingHighlighter::misspelledRanges(block)) {
        if (inBlock < r.start || inBlock > r.start + r.length)
            continue;
        QTextCursor word(block);
        word.setPosition(block.position() + r.start);
        word.setPosition(block.position() + r.start + r.length, QTextCursor::KeepAnchor);
        const QString misspelled = word.selectedText();
        QAction *first = menu->actions().value(0);
        const QStringList suggestions = checker->suggestions(misspelled);
        for (const QString &suggestion : suggestions) {
            QAction *a = new QAction(suggestion, menu);
            connect(a, &QAction::triggered, this, [this, word, suggestion]() mutable {
                word.insertText(suggestion); // one undo step
                setTextCursor(word);
            });
            menu->insertAction(first, a);
        }
        if (suggestions.isEmpty()) {
            QAction *none = new QAction(tr("No Suggestions"), menu);
            none->setEnabled(false);
            menu->insertAction(first, none);
        }
        QAction *add = new QAction(tr("Add to Dictionary"), menu);
        connect(add, &QAction::triggered, this, [this, misspelled] {
            if (SpellChecker *c = spellChecker()) {
                c->addToDictionary(misspelled);
                emit wordAddedToDictionary();
            }
        });
        menu->insertAction(first, add);
        menu->insertSeparator(first);
        break;
    }
    return menu;
}

void Editor::contextMenuEvent(QContextMenuEvent *event)
{
    const int position = cursorForPosition(event->pos()).position();
    QMenu *menu = createContextMenu(position);
    menu->exec(event->globalPos());
    delete menu;
}

std::pair<int, int> Editor::visibleBlocks() const
{
    QTextBlock block = firstVisibleBlock();
    const int first = block.blockNumber();
    int last = first;
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    const int height = viewport()->height();
    for (; block.isValid() && top <= height; block = block.next()) {
        last = block.blockNumber();
        top += blockBoundingRect(block).height();
    }
    return {first, last};
}

int Editor::lineNumberAreaWidth() const
{
    // Room for at least three digits, so the text does not jump at line 10 and 100.
    int digits = 3;
    for (int count = blockCount(); count >= 1000; count /= 10)
        ++digits;
    const int digitWidth = fontMetrics().horizontalAdvance(QLatin1Char('9'));
    return digitWidth * (digits + 2);
}

void Editor::paintLineNumberArea(QPaintEvent *event)
{
    const Theme t = theme();
    QPainter painter(m_lineNumberArea);
    painter.fillRect(event->rect(), QColor(t.editorColor(Theme::IconBorder)));
    painter.setFont(font());

    const int digitWidth = fontMetrics().horizontalAdvance(QLatin1Char('9'));
    const int textWidth = m_lineNumberArea->width() - digitWidth;
    const int currentBlockNumber = textCursor().blockNumber();

    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal bottom = top + blockBoundingRect(block).height();
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool current = block.blockNumber() == currentBlockNumber;
            painter.setPen(
                QColor(t.editorColor(current ? Theme::CurrentLineNumber : Theme::LineNumbers)));
            painter.drawText(QRectF(0, top, textWidth, fontMetrics().height()),
                             Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
    }
}

void Editor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateMargins(); // the column stays centred; the gutter follows the height
}

bool Editor::event(QEvent *event)
{
    // The space beside a centred column is the editor's own area, not the viewport's:
    // painted like the page, so the column does not sit in a grey frame.
    if (event->type() == QEvent::Paint && textColumnWidth() > 0) {
        QPainter painter(this);
        painter.fillRect(contentsRect(), palette().color(QPalette::Base));
    }
    return QPlainTextEdit::event(event);
}

void Editor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // Follow the desktop when it switches between light and dark, but only then,
        // so our own setPalette() (which lands here too) changes nothing.
        const bool dark = isDark(inheritedPalette());
        if (dark != m_darkPalette) {
            m_darkPalette = dark;
            if (m_themeName.isEmpty()) // a theme the user picked stays
                setTheme(themeForPalette(inheritedPalette()));
        }
    } else if (event->type() == QEvent::FontChange) {
        setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * kTabWidthInSpaces);
        updateMargins();
    }
}

QPalette Editor::inheritedPalette() const
{
    return parentWidget() ? parentWidget()->palette() : QApplication::palette(this);
}

int Editor::textColumnWidth() const
{
    const bool limited = isProse() && m_fonts.limitLineWidth;
    if (!limited && !m_distractionFree)
        return 0;
    const int columns = limited ? m_fonts.lineWidth : kDistractionFreeColumns;
    // The average character of the font, as typographers count a measure: a proportional
    // font's 'x' is narrower than its text.
    const qreal text = QFontMetricsF(font()).averageCharWidth() * columns;
    return int(std::ceil(text + 2 * document()->documentMargin()));
}

void Editor::updateMargins()
{
    const int gutter = m_distractionFree ? 0 : lineNumberAreaWidth();
    const QRect r = contentsRect();
    int side = 0;
    if (const int column = textColumnWidth(); column > 0)
        side = std::max(0, (r.width() - gutter - column) / 2);
    setViewportMargins(gutter + side, 0, side, 0);
    // The line numbers stay beside the text, wherever the column is.
    if (!m_distractionFree)
        m_lineNumberArea->setGeometry(r.left() + side, r.top(), gutter, r.height());
    update(); // the margins' background
}

void Editor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
}

void Editor::highlightCurrentLine()
{
    QTextEdit::ExtraSelection currentLine;
    currentLine.format.setBackground(QColor(theme().editorColor(Theme::CurrentLine)));
    currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
    currentLine.cursor = textCursor();
    currentLine.cursor.clearSelection();
    setSelections(SelectionLayer::CurrentLine, {currentLine});
    // The current line number has its own colour.
    m_lineNumberArea->update();
}

} // namespace inkling

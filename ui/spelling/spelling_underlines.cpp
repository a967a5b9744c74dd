// Spelling underlines merged into KSyntaxHighlighting's formats.
#include "ui/spelling/spelling_underlines.h"

#include "ui/spelling/spell_checker.h"

#include <KSyntaxHighlighting/Format>

#include <QTextBlock>
#include <QTextBoundaryFinder>
#include <QTextLayout>

#include <algorithm>

namespace inkling {

namespace {

// Marks the characters the highlighter underlined as misspelt, so the context menu and
// the tests read back exactly what is drawn.
constexpr int kMisspelledProperty = QTextFormat::UserProperty + 0x5e11;

bool isCheckableWord(QStringView word)
{
    // One letter ("a", "I") is always a word.
    if (word.size() < 2 || !word.front().isLetter())
        return false;
    for (qsizetype i = 1; i < word.size(); ++i) {
        const QChar c = word[i];
        if (c == u'\'' || c == u'\u2019' || c.isMark())
            continue;
        // Digits and underscores make names, not words; a capital inside makes an
        // acronym or a camelCase identifier.
        if (!c.isLetter() || c.isUpper())
            return false;
    }
    return true;
}

bool contains(const QList<TextRange> &ranges, int start, int end)
{
    for (const TextRange &r : ranges) {
        if (r.start <= start && end <= r.start + r.length)
            return true;
    }
    return false;
}

} // namespace

QList<TextRange> misspelledWords(QStringView text, const QList<TextRange> &checked,
                                 const std::function<bool(const QString &)> &isMisspelled)
{
    QList<TextRange> found;
    if (checked.isEmpty())
        return found;
    const QString copy = text.toString(); // QTextBoundaryFinder keeps a reference
    QTextBoundaryFinder words(QTextBoundaryFinder::Word, copy);
    int start = 0;
    for (int end = int(words.toNextBoundary()); end != -1; end = int(words.toNextBoundary())) {
        const QStringView word = QStringView(copy).mid(start, end - start);
        // A trailing apostrophe (the students' books) belongs to the sentence.
        const int length = int(word.size()) - (word.endsWith(u'\'') ? 1 : 0);
        if (length > 0 && isCheckableWord(word.left(length)) &&
            contains(checked, start, start + length) && isMisspelled(word.left(length).toString()))
            found.append({start, length});
        start = end;
    }
    return found;
}

SpellingHighlighter::SpellingHighlighter(QTextDocument *document)
    : KSyntaxHighlighting::SyntaxHighlighter(document)
{}

void SpellingHighlighter::setSpellChecker(SpellChecker *checker)
{
    if (checker != m_checker) {
        if (m_checker)
            disconnect(m_checker, nullptr, this, nullptr);
        m_checker = checker;
        if (m_checker) {
            connect(m_checker, &SpellChecker::dictionaryChanged, this,
                    &QSyntaxHighlighter::rehighlight);
        }
    }
    rehighlight();
}

QList<TextRange> SpellingHighlighter::misspelledRanges(const QTextBlock &block)
{
    QList<TextRange> ranges;
    if (!block.isValid() || !block.layout())
        return ranges;
    // The layout's ranges count ghost text (the pre-edit area) as characters; the
    // document's do not.
    const QTextLayout *layout = block.layout();
    const int ghostStart = layout->preeditAreaPosition();
    const int ghostLength = ghostStart < 0 ? 0 : int(layout->preeditAreaText().size());
    for (const QTextLayout::FormatRange &f : layout->formats()) {
        if (!f.format.boolProperty(kMisspelledProperty))
            continue;
        int start = f.start;
        int length = f.length;
        if (ghostLength > 0 && start >= ghostStart + ghostLength)
            start -= ghostLength;
        else if (ghostLength > 0 && start + length > ghostStart)
            length = std::max(0, ghostStart - start); // never reported inside the ghost
        if (length == 0)
            continue;
        // One word can span several highlighter formats: join the touching pieces.
        if (!ranges.isEmpty() && ranges.last().start + ranges.last().length == start)
            ranges.last().length += length;
        else
            ranges.append({start, length});
    }
    return ranges;
}

void SpellingHighlighter::applyFormat(int offset, int length,
                                      const KSyntaxHighlighting::Format &format)
{
    if (format.spellCheck()) {
        if (!m_checked.isEmpty() && m_checked.last().start + m_checked.last().length == offset)
            m_checked.last().length += length;
        else
            m_checked.append({offset, length});
    }
    KSyntaxHighlighting::SyntaxHighlighter::applyFormat(offset, length, format);
}

void SpellingHighlighter::highlightBlock(const QString &text)
{
    m_checked.clear();
    KSyntaxHighlighting::SyntaxHighlighter::highlightBlock(text);
    if (!m_checker || !m_checker->isUsable())
        return;
    const QList<TextRange> misspelled = misspelledWords(
        text, m_checked, [this](const QString &word) { return m_checker->isMisspelled(word); });
    // QSyntaxHighlighter stretches a range that reaches the pre-edit area over it, and
    // ghost text lives there: a word touching the ghost (the one being typed) is left
    // alone until the ghost goes, so the suggestion is never underlined.
    const QTextLayout *layout = currentBlock().layout();
    const int ghost =
        layout && !layout->preeditAreaText().isEmpty() ? layout->preeditAreaPosition() : -1;
    for (const TextRange &range : misspelled) {
        if (ghost < 0 || ghost < range.start || ghost > range.start + range.length)
            underline(range);
    }
}

void SpellingHighlighter::underline(const TextRange &range)
{
    // Character by character keeps each one's colour and weight from the syntax format.
    const QColor red(Qt::red);
    for (int i = range.start; i < range.start + range.length; ++i) {
        QTextCharFormat f = format(i);
        f.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        f.setUnderlineColor(red);
        f.setProperty(kMisspelledProperty, true);
        setFormat(i, 1, f);
    }
}

} // namespace inkling

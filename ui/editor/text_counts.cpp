// Word and character counts, per block and cached.
#include "ui/editor/text_counts.h"

#include <QTextBlock>
#include <QTextBoundaryFinder>
#include <QTextDocument>

#include <algorithm>

namespace inkling {

namespace {

bool isBreak(char32_t c)
{
    return c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator || c == QChar::LineSeparator;
}

bool countsAsOwnWord(char32_t c)
{
    const QChar::Script script = QChar::script(c);
    return script == QChar::Script_Han || script == QChar::Script_Hiragana ||
           script == QChar::Script_Katakana;
}

TextCounts countSegment(QStringView segment)
{
    TextCounts counts;
    bool other = false; // a letter or digit not counted on its own
    for (const char32_t c : segment.toUcs4()) {
        if (countsAsOwnWord(c))
            ++counts.words;
        else if (QChar::isLetterOrNumber(c))
            other = true;
    }
    if (other)
        ++counts.words;
    return counts;
}

} // namespace

TextCounts countText(QStringView text)
{
    TextCounts counts;
    if (text.isEmpty())
        return counts;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text.data(), int(text.size()));
    for (qsizetype start = 0, end; (end = graphemes.toNextBoundary()) != -1; start = end) {
        if (!isBreak(text[start].unicode()))
            ++counts.characters;
    }
    QTextBoundaryFinder words(QTextBoundaryFinder::Word, text.data(), int(text.size()));
    for (qsizetype start = 0, end; (end = words.toNextBoundary()) != -1; start = end)
        counts.words += countSegment(text.sliced(start, end - start)).words;
    return counts;
}

TextCounter::TextCounter(QTextDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    // A document emits contentsChange only once it has a layout; an editor's always has
    // one, a bare QTextDocument gets it here.
    document->documentLayout();
    connect(document, &QTextDocument::contentsChange, this, &TextCounter::onContentsChange);
    recountAll();
}

void TextCounter::recountAll()
{
    m_blocks.clear();
    m_total = {};
    for (QTextBlock block = m_document->begin(); block.isValid(); block = block.next()) {
        m_blocks.push_back(countText(block.text()));
        m_total += m_blocks.back();
    }
}

void TextCounter::onContentsChange(int position, int /*removed*/, int added)
{
    // The blocks [first, last] now hold what blocks [first, first + oldSpan] held; the
    // others only moved. (A format change, the highlighter's, is reported as removed ==
    // added and recounts its blocks, which changes nothing.)
    const int first = m_document->findBlock(position).blockNumber();
    const int end = std::min(position + added, m_document->characterCount() - 1);
    const int last = m_document->findBlock(end).blockNumber();
    const int grew = m_document->blockCount() - int(m_blocks.size());
    const int oldSpan = last - first - grew;
    if (first < 0 || last < first || oldSpan < 0 || first + oldSpan >= int(m_blocks.size())) {
        recountAll(); // not what a single edit does; start over rather than guess
        emit changed();
        return;
    }
    const auto begin = m_blocks.begin() + first;
    for (auto it = begin; it != begin + oldSpan + 1; ++it)
        m_total -= *it;
    std::vector<TextCounts> fresh;
    fresh.reserve(std::size_t(last - first + 1));
    QTextBlock block = m_document->findBlockByNumber(first);
    for (int n = first; n <= last; ++n, block = block.next()) {
        fresh.push_back(countText(block.text()));
        m_total += fresh.back();
    }
    m_blocks.erase(begin, begin + oldSpan + 1);
    m_blocks.insert(m_blocks.begin() + first, fresh.begin(), fresh.end());
    emit changed();
}

} // namespace inkling

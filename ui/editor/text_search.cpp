// Find and replace over a QTextDocument's lines: one QRegularExpression for every kind of
// search (a plain pattern is escaped), matched against each block's text. Block text never
// holds ghost text (it lives in the layout's pre-edit area), so suggestions are not found.
#include "ui/editor/text_search.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <limits>

namespace inkling {

namespace {

// A word character as Kate and Qt Creator see it: letters, digits, marks and '_'.
bool isWordCharacter(char32_t c)
{
    return c == U'_' || QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

// The code point ending just before index (a surrogate pair counts as one).
char32_t codePointBefore(const QString &text, qsizetype index)
{
    const QChar low = text.at(index - 1);
    if (low.isLowSurrogate() && index >= 2 && text.at(index - 2).isHighSurrogate())
        return QChar::surrogateToUcs4(text.at(index - 2), low);
    return low.unicode();
}

char32_t codePointAt(const QString &text, qsizetype index)
{
    const QChar high = text.at(index);
    if (high.isHighSurrogate() && index + 1 < text.size() && text.at(index + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(high, text.at(index + 1));
    return high.unicode();
}

// Positions past the document's last character are clamped to its end.
int clampPosition(const QTextDocument *document, int position)
{
    return std::clamp(position, 0, document->characterCount() - 1);
}

} // namespace

void TextSearch::setPattern(const QString &pattern, SearchOptions options)
{
    m_pattern = pattern;
    m_options = options;
    QRegularExpression::PatternOptions flags = QRegularExpression::UseUnicodePropertiesOption;
    if (!options.caseSensitive)
        flags |= QRegularExpression::CaseInsensitiveOption;
    m_regex = QRegularExpression(
        options.regularExpression ? pattern : QRegularExpression::escape(pattern), flags);
}

QString TextSearch::errorString() const
{
    return m_regex.isValid() ? QString() : m_regex.errorString();
}

qsizetype TextSearch::errorOffset() const
{
    return m_regex.patternErrorOffset();
}

bool TextSearch::isWholeWord(const QString &text, qsizetype start, qsizetype end) const
{
    const bool startsWord = start == 0 || !isWordCharacter(codePointBefore(text, start));
    const bool endsWord = end == text.size() || !isWordCharacter(codePointAt(text, end));
    return startsWord && endsWord;
}

QRegularExpressionMatch TextSearch::matchAt(const QString &text, qsizetype offset) const
{
    while (offset <= text.size()) {
        QRegularExpressionMatch match = m_regex.match(text, offset);
        if (!match.hasMatch())
            return match;
        const bool accepted = match.capturedLength() > 0 &&
                              (!m_options.wholeWords ||
                               isWholeWord(text, match.capturedStart(), match.capturedEnd()));
        if (accepted)
            return match;
        offset = match.capturedStart() + 1;
    }
    return {};
}

std::optional<SearchMatch> TextSearch::find(const QTextDocument *document, int from,
                                            SearchDirection direction) const
{
    if (isEmpty() || !isValid())
        return std::nullopt;
    from = clampPosition(document, from);
    const QTextBlock startBlock = document->findBlock(from);
    const auto found = [](const QTextBlock &block, const QRegularExpressionMatch &m, bool wrapped) {
        return SearchMatch{int(block.position() + m.capturedStart()),
                           int(block.position() + m.capturedEnd()), wrapped};
    };

    if (direction == SearchDirection::Forward) {
        qsizetype offset = from - startBlock.position();
        for (QTextBlock b = startBlock; b.isValid(); b = b.next(), offset = 0) {
            if (const QRegularExpressionMatch m = matchAt(b.text(), offset); m.hasMatch())
                return found(b, m, false);
        }
        // Around the end: from the top down to (and including) the start block, whose
        // matches at or after from were seen above.
        for (QTextBlock b = document->firstBlock(); b.isValid(); b = b.next()) {
            if (const QRegularExpressionMatch m = matchAt(b.text(), 0); m.hasMatch())
                return found(b, m, true);
            if (b == startBlock)
                break;
        }
        return std::nullopt;
    }

    // Backward: the last match in a block starting before limit (matches do not overlap,
    // as in a forward search).
    const auto lastBefore = [this](const QString &text, qsizetype limit) {
        QRegularExpressionMatch last;
        for (QRegularExpressionMatch m = matchAt(text, 0);
             m.hasMatch() && m.capturedStart() < limit; m = matchAt(text, m.capturedEnd()))
            last = m;
        return last;
    };
    qsizetype limit = from - startBlock.position();
    for (QTextBlock b = startBlock; b.isValid(); b = b.previous()) {
        if (const QRegularExpressionMatch m = lastBefore(b.text(), limit); m.hasMatch())
            return found(b, m, false);
        limit = std::numeric_limits<qsizetype>::max();
    }
    for (QTextBlock b = document->lastBlock(); b.isValid(); b = b.previous()) {
        const QRegularExpressionMatch m =
            lastBefore(b.text(), std::numeric_limits<qsizetype>::max());
        if (m.hasMatch())
            return found(b, m, true);
        if (b == startBlock)
            break;
    }
    return std::nullopt;
}

bool TextSearch::matchesExactly(const QTextDocument *document, int start, int end) const
{
    if (isEmpty() || !isValid() || start >= end)
        return false;
    const QTextBlock block = document->findBlock(start);
    const QRegularExpressionMatch m = matchAt(block.text(), start - block.position());
    return m.hasMatch() && block.position() + m.capturedStart() == start &&
           block.position() + m.capturedEnd() == end;
}

QList<SearchMatch> TextSearch::findAll(const QTextDocument *document, int firstBlock, int lastBlock,
                                       int limit) const
{
    QList<SearchMatch> matches;
    if (isEmpty() || !isValid())
        return matches;
    for (QTextBlock b = document->findBlockByNumber(std::max(firstBlock, 0));
         b.isValid() && b.blockNumber() <= lastBlock; b = b.next()) {
        const QString text = b.text();
        for (QRegularExpressionMatch m = matchAt(text, 0); m.hasMatch();
             m = matchAt(text, m.capturedEnd())) {
            if (matches.size() >= limit)
                return matches;
            matches.append({int(b.position() + m.capturedStart()),
                            int(b.position() + m.capturedEnd()), false});
        }
    }
    return matches;
}

QString TextSearch::replacementFor(const QTextDocument *document, const SearchMatch &match,
                                   const QString &replacement) const
{
    if (!m_options.regularExpression)
        return replacement;
    const QTextBlock block = document->findBlock(match.start);
    const QRegularExpressionMatch m = matchAt(block.text(), match.start - block.position());
    return m.hasMatch() ? expandReplacement(replacement, m) : replacement;
}

int TextSearch::replaceAll(QTextDocument *document, const QString &replacement) const
{
    if (isEmpty() || !isValid())
        return 0;
    QTextCursor cursor(document);
    int count = 0;
    QTextBlock block = document->firstBlock();
    qsizetype offset = 0;
    while (block.isValid()) {
        const QRegularExpressionMatch m = matchAt(block.text(), offset);
        if (!m.hasMatch()) {
            block = block.next();
            offset = 0;
            continue;
        }
        if (count++ == 0)
            cursor.beginEditBlock(); // one undo step for all of them
        cursor.setPosition(block.position() + m.capturedStart());
        cursor.setPosition(block.position() + m.capturedEnd(), QTextCursor::KeepAnchor);
        cursor.insertText(m_options.regularExpression ? expandReplacement(replacement, m)
                                                      : replacement);
        // Go on after the inserted text, which may have split the line: it is never
        // searched again, so a replacement containing the pattern cannot loop.
        block = document->findBlock(cursor.position());
        offset = cursor.position() - block.position();
    }
    if (count > 0)
        cursor.endEditBlock();
    return count;
}

QString TextSearch::expandReplacement(const QString &replacement,
                                      const QRegularExpressionMatch &match)
{
    QString result;
    result.reserve(replacement.size());
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement.at(i);
        const QChar next = i + 1 < replacement.size() ? replacement.at(i + 1) : QChar();
        if ((c == u'\\' || c == u'$') && next >= u'0' && next <= u'9') {
            result += match.captured(next.unicode() - u'0'); // empty for a group that is absent
            ++i;
        } else if (c == u'\\' && (next == u'n' || next == u't' || next == u'\\')) {
            result += next == u'n' ? QChar(u'\n') : next == u't' ? QChar(u'\t') : QChar(u'\\');
            ++i;
        } else if (c == u'$' && next == u'$') {
            result += u'$';
            ++i;
        } else {
            result += c;
        }
    }
    return result;
}

} // namespace inkling

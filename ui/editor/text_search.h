// Find and replace in a QTextDocument without widgets: plain text or a regular
// expression, case sensitivity, whole words, wrap-around, and replacement text with
// capture references (\1 or $1). The Find bar (find_bar.h) drives it; tests use it alone.
#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>

class QTextDocument;

namespace inkling {

struct SearchOptions
{
    bool caseSensitive = false;
    bool wholeWords = false;
    bool regularExpression = false;
};

// One match in the document, [start, end) in document positions.
struct SearchMatch
{
    int start = 0;
    int end = 0;
    bool wrapped = false; // found only after going around the document's end or start

    int length() const { return end - start; }
};

enum class SearchDirection { Forward, Backward };

class TextSearch
{
public:
    TextSearch() = default;
    TextSearch(const QString &pattern, SearchOptions options) { setPattern(pattern, options); }

    void setPattern(const QString &pattern, SearchOptions options);
    QString pattern() const { return m_pattern; }
    SearchOptions options() const { return m_options; }
    // An empty pattern or an invalid regular expression matches nothing.
    bool isEmpty() const { return m_pattern.isEmpty(); }
    bool isValid() const { return m_regex.isValid(); }
    // Why the regular expression is invalid (PCRE2's message, in English) and where in
    // the pattern; empty and -1 when it is valid.
    QString errorString() const;
    qsizetype errorOffset() const;

    // Forward: the first match starting at or after from; backward: the last one
    // starting before from. Without one there, the search goes on from the other end of
    // the document (wrapped). Matches lie within one line and are never empty, so a
    // pattern such as "^" or "a*" finds only non-empty text.
    std::optional<SearchMatch> find(const QTextDocument *document, int from,
                                    SearchDirection direction) const;
    // The match starting exactly at start and ending exactly at end, if the text there is one
    // (Replace uses this to tell whether the selection is the current match).
    bool matchesExactly(const QTextDocument *document, int start, int end) const;
    // Every match in the lines firstBlock..lastBlock (block numbers, inclusive), in order,
    // at most limit of them.
    QList<SearchMatch> findAll(const QTextDocument *document, int firstBlock, int lastBlock,
                               int limit) const;

    // The text that replaces the match at start: replacement as is for a plain search;
    // for a regular expression \0..\9 and $0..$9 are the captures, \n a line break,
    // \t a tab, \\ and $$ a backslash and a dollar sign.
    QString replacementFor(const QTextDocument *document, const SearchMatch &match,
                           const QString &replacement) const;
    // Replaces every match in the document as one undo step; returns how many.
    int replaceAll(QTextDocument *document, const QString &replacement) const;

    // A regular expression's replacement with its references expanded against the
    // captures; exposed for tests.
    static QString expandReplacement(const QString &replacement,
                                     const QRegularExpressionMatch &match);

private:
    // The first acceptable match in text at or after offset (whole words checked).
    QRegularExpressionMatch matchAt(const QString &text, qsizetype offset) const;
    bool isWholeWord(const QString &text, qsizetype start, qsizetype end) const;

    QString m_pattern;
    SearchOptions m_options;
    QRegularExpression m_regex;
};

} // namespace inkling

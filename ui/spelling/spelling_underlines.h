// Which words of a block are misspelt, and the syntax highlighter that underlines them.
// The underline is merged into the highlighter's own formats (one QSyntaxHighlighter
// per document), only where the syntax definition's format asks for spell checking
// (KSyntaxHighlighting::Format::spellCheck(): prose, comments and strings, not code), and
// only for the blocks QSyntaxHighlighter re-highlights, i.e. those that changed.
#pragma once

#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QList>
#include <QPointer>
#include <QStringView>

#include <functional>

class QTextBlock;

namespace inkling {

class SpellChecker;

struct TextRange
{
    int start = 0;
    int length = 0;
    bool operator==(const TextRange &) const = default;
};

// The words of text, within the checked ranges (sorted, not overlapping), that
// isMisspelled rejects. Words with digits, in capitals (acronyms) or with capitals
// inside (camelCase identifiers in prose) are left alone.
QList<TextRange> misspelledWords(QStringView text, const QList<TextRange> &checked,
                                 const std::function<bool(const QString &)> &isMisspelled);

class SpellingHighlighter : public KSyntaxHighlighting::SyntaxHighlighter
{
    Q_OBJECT

public:
    explicit SpellingHighlighter(QTextDocument *document);

    // Null: no spell checking. Re-highlights the document, and again whenever the
    // checker's dictionary changes.
    void setSpellChecker(SpellChecker *checker);
    SpellChecker *spellChecker() const { return m_checker; }

    // The words underlined in a block when it was last highlighted.
    static QList<TextRange> misspelledRanges(const QTextBlock &block);

protected:
    void highlightBlock(const QString &text) override;
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    void underline(const TextRange &range);

    QPointer<SpellChecker> m_checker;
    QList<TextRange> m_checked; // the block being highlighted: where spelling counts
};

} // namespace inkling

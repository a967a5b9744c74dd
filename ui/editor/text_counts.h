// Word and character counts of a text, and of a QTextDocument kept up to date block by
// block, so that typing in a long document recounts only the lines it changes.
#pragma once

#include <QObject>
#include <QStringView>

#include <vector>

class QTextDocument;

namespace inkling {

struct TextCounts
{
    qint64 words = 0;
    qint64 characters = 0;
    TextCounts &operator+=(const TextCounts &o)
    {
        words += o.words;
        characters += o.characters;
        return *this;
    }
    TextCounts &operator-=(const TextCounts &o)
    {
        words -= o.words;
        characters -= o.characters;
        return *this;
    }
    bool operator==(const TextCounts &) const = default;
};

// Characters are user-perceived characters (QTextBoundaryFinder's grapheme clusters: a
// family emoji joined by ZWJs, or "e" with a combining accent, is one), spaces included,
// line and paragraph breaks not. Words are the segments between QTextBoundaryFinder's word
// boundaries that hold a letter or a digit; in them, each Han, Hiragana or Katakana
// character counts as a word of its own, as word processors count Chinese and Japanese
// (Qt's word breaking already splits Han and Hiragana into single characters, but keeps a
// run of Katakana together), and the rest of the segment, if it has a letter or digit, as
// one more.
TextCounts countText(QStringView text);

// The counts of a whole document, updated on every change from the blocks it touched.
class TextCounter : public QObject
{
    Q_OBJECT

public:
    explicit TextCounter(QTextDocument *document, QObject *parent = nullptr);

    TextCounts total() const { return m_total; }

signals:
    void changed();

private:
    void recountAll();
    void onContentsChange(int position, int removed, int added);

    QTextDocument *m_document;
    std::vector<TextCounts> m_blocks; // by block number
    TextCounts m_total;
};

} // namespace inkling

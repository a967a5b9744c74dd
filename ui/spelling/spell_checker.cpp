// SpellChecker: Sonnet's Speller and GuessLanguage behind a small cached interface.
#include "ui/spelling/spell_checker.h"

#include <Sonnet/GuessLanguage>
#include <Sonnet/Speller>

#include <QCollator>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace inkling {

namespace {

// Bumped by every personal word: the word list is shared by all documents, so every
// checker's cache must forget its verdicts.
int s_personalWords = 0;

// The dictionary for a language ("de" or "de_DE"): the code itself if installed, else
// the main one of the language (de_DE, then en_US for English), else the first.
QString dictionaryFor(const QString &guess, const QStringList &installed)
{
    if (guess.isEmpty() || installed.contains(guess))
        return guess;
    const QString language = guess.section(u'_', 0, 0);
    for (const QString &preferred :
         {language + u'_' + language.toUpper(), QStringLiteral("en_US")}) {
        if (preferred.startsWith(language + u'_') && installed.contains(preferred))
            return preferred;
    }
    QStringList candidates;
    for (const QString &code : installed) {
        if (code == language || code.startsWith(language + u'_'))
            candidates.append(code);
    }
    std::sort(candidates.begin(), candidates.end());
    return candidates.value(0);
}

// How many of the words each language's dictionary knows. Sonnet's own guess can go
// wrong on a short text (here it named German for plain English), so it only breaks ties.
QString bestDictionary(const QString &text, const QString &sonnetGuess,
                       const QStringList &installed)
{
    static const QRegularExpression nonLetters(QStringLiteral("[^\\p{L}']+"));
    QStringList words = text.split(nonLetters, Qt::SkipEmptyParts);
    constexpr int kWordsTried = 200;
    words = words.mid(0, kWordsTried);
    if (words.isEmpty())
        return sonnetGuess;
    QStringList languages; // sorted, so equal counts always go the same way
    for (const QString &code : installed)
        languages.append(code.section(u'_', 0, 0));
    languages.sort();
    languages.removeDuplicates();
    QString best = sonnetGuess;
    int bestKnown = -1;
    for (const QString &language : languages) {
        const QString code = dictionaryFor(language, installed);
        const Sonnet::Speller speller(code);
        int known = 0;
        for (const QString &w : std::as_const(words))
            known += speller.isCorrect(w) ? 1 : 0;
        const bool tieWonByGuess = known == bestKnown && code == sonnetGuess;
        if (known > bestKnown || tieWonByGuess) {
            best = code;
            bestKnown = known;
        }
    }
    return best;
}

} // namespace

SpellChecker::SpellChecker(QObject *parent)
    : QObject(parent)
    , m_speller(std::make_unique<Sonnet::Speller>())
{}

SpellChecker::~SpellChecker() = default;

QList<std::pair<QString, QString>> SpellChecker::dictionaries()
{
    const QMap<QString, QString> byName = Sonnet::Speller().availableDictionaries();
    QList<std::pair<QString, QString>> list;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        list.append({it.key(), it.value()});
    QCollator collator;
    std::sort(list.begin(), list.end(),
              [&](const auto &a, const auto &b) { return collator.compare(a.first, b.first) < 0; });
    return list;
}

void SpellChecker::setLanguage(const QString &code)
{
    if (code == m_language && (code.isEmpty() || m_speller->language() == code))
        return;
    m_language = code;
    // Automatic starts from Sonnet's default (the locale's language) until a guess.
    useDictionary(code.isEmpty() ? (m_guessed.isEmpty() ? m_speller->defaultLanguage() : m_guessed)
                                 : code);
}

QString SpellChecker::effectiveLanguage() const
{
    return isUsable() ? m_speller->language() : QString();
}

bool SpellChecker::isUsable() const
{
    return m_speller->isValid();
}

bool SpellChecker::guessLanguage(const QString &text)
{
    if (!m_language.isEmpty())
        return false;
    const QStringList installed = m_speller->availableLanguages();
    const QString sonnetGuess = dictionaryFor(Sonnet::GuessLanguage().identify(text), installed);
    const QString guess = bestDictionary(text, sonnetGuess, installed);
    if (guess.isEmpty() || guess == m_guessed)
        return false;
    m_guessed = guess;
    const QString before = m_speller->language();
    useDictionary(guess);
    return m_speller->language() != before;
}

void SpellChecker::useDictionary(const QString &code)
{
    m_speller->setLanguage(code);
    m_misspelled.clear();
    emit dictionaryChanged();
}

bool SpellChecker::isMisspelled(const QString &word) const
{
    if (!isUsable())
        return false;
    if (m_personalWords != s_personalWords) {
        m_misspelled.clear();
        m_personalWords = s_personalWords;
    }
    const auto known = m_misspelled.constFind(word);
    if (known != m_misspelled.cend())
        return *known;
    const bool misspelled = m_speller->isMisspelled(word);
    m_misspelled.insert(word, misspelled);
    return misspelled;
}

QStringList SpellChecker::suggestions(const QString &word) const
{
    return isUsable() ? m_speller->suggest(word) : QStringList();
}

bool SpellChecker::addToDictionary(const QString &word)
{
    if (!isUsable())
        return false;
    // Sonnet's Hunspell plugin accepts the word for this session before it writes the
    // list, so it is known from now on even when the list cannot be written.
    const bool saved = m_speller->addToPersonal(word);
    ++s_personalWords;
    emit dictionaryChanged();
    return saved;
}

} // namespace inkling

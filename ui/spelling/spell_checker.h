// Spell checking for one document: Sonnet's Speller with the dictionary chosen in
// Settings, or the one Sonnet guesses from the document's text, and the personal word
// list ("Add to Dictionary") that Sonnet's Hunspell plugin keeps in the user's home.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>

namespace Sonnet {
class Speller;
}

namespace inkling {

class SpellChecker : public QObject
{
    Q_OBJECT

public:
    explicit SpellChecker(QObject *parent = nullptr);
    ~SpellChecker() override;

    // The dictionaries Sonnet can load: (display name, code), sorted by name. Empty when
    // no spelling plugin or dictionary is installed.
    static QList<std::pair<QString, QString>> dictionaries();

    // A dictionary code ("en_US"); empty: automatic, guessed by guessLanguage().
    void setLanguage(const QString &code);
    QString language() const { return m_language; }
    // The dictionary in use (chosen or guessed); empty when there is none to use.
    QString effectiveLanguage() const;
    // False when Sonnet has no dictionary for the language: nothing is misspelt then.
    bool isUsable() const;

    // In automatic mode, switches to the dictionary of the text's language: the installed
    // language whose dictionary knows most of its words, Sonnet's GuessLanguage breaking
    // ties; true if the dictionary changed. Does nothing with a chosen language.
    bool guessLanguage(const QString &text);

    bool isMisspelled(const QString &word) const;
    QStringList suggestions(const QString &word) const;
    // Adds the word to the personal word list of the dictionary in use, for this and
    // every later session; false if the list could not be written (the word is still
    // accepted in this session).
    bool addToDictionary(const QString &word);

signals:
    // Another dictionary or a new personal word: earlier results may be wrong now.
    void dictionaryChanged();

private:
    void useDictionary(const QString &code);

    std::unique_ptr<Sonnet::Speller> m_speller;
    QString m_language; // as chosen; empty: automatic
    QString m_guessed;  // the last guess in automatic mode
    // Hunspell takes microseconds per word, and a document repeats its words: a block
    // is re-checked on every keystroke in it.
    mutable QHash<QString, bool> m_misspelled;
    mutable int m_personalWords = 0; // the words added when m_misspelled was filled
};

} // namespace inkling

// Preferences: auto-suggest, debounce, per-mode token budgets, sampling, engine threads,
// model directory, the optional server, the suggestion keys, spelling and the editor's
// fonts. Edits a SuggestionSettings, a SpellingSettings and an EditorFonts value; the
// caller applies and persists them.
#pragma once

#include "ui/editor/editor_fonts.h"
#include "ui/spelling/spelling_settings.h"
#include "ui/suggestions/suggestion_settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFontComboBox;
class QKeySequenceEdit;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace inkling {

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const SuggestionSettings &settings, QWidget *parent = nullptr);

    SuggestionSettings settings() const;
    // The user interface language's code ("" = system default; see
    // ui/settings/interface_language.h).
    void setUiLanguage(const QString &code);
    QString uiLanguage() const;
    // Spell checking: on or off, and the dictionary ("" = automatic).
    void setSpelling(const SpellingSettings &spelling);
    SpellingSettings spelling() const;
    // The writing font, the code font and the prose line width (the Editor page).
    void setFonts(const EditorFonts &fonts);
    EditorFonts fonts() const;
    // The server's API key (kept apart from the settings: see server_key.h).
    void setServerKey(const QString &key);
    QString serverKey() const;

private:
    QWidget *createSuggestionsPage();
    QWidget *createQuietTypesList();
    QWidget *createSamplingPage();
    QWidget *createEnginePage();
    QWidget *createServerPage();
    QWidget *createKeysPage();
    QWidget *createLanguagePage();
    QWidget *createSpellingPage();
    QWidget *createEditorPage();
    void restoreDefaults();
    void setValues(const SuggestionSettings &s);

    SuggestionSettings m_initial;
    QCheckBox *m_autoSuggest;
    QComboBox *m_trigger;
    QSpinBox *m_minConfidence; // percent
    QCheckBox *m_ahead;
    QListWidget *m_quietTypes;
    QCheckBox *m_fade;
    QSpinBox *m_debounce;
    QSpinBox *m_timeBudget;
    QSpinBox *m_maxWord, *m_maxSentence, *m_maxParagraph, *m_maxCode;
    QCheckBox *m_greedy;
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_topK;
    QDoubleSpinBox *m_topP;
    QDoubleSpinBox *m_repetitionPenalty;
    QSpinBox *m_threads;
    QComboBox *m_precision;
    QCheckBox *m_drafting;
    QLineEdit *m_modelDirectory;
    QCheckBox *m_serverEnabled;
    QLineEdit *m_serverUrl, *m_serverModel, *m_serverKey;
    QKeySequenceEdit *m_keyAcceptAll, *m_keyAcceptWord, *m_keyAcceptLine, *m_keyDismiss, *m_keyNext,
        *m_keyPrevious, *m_keyRequest;
    QComboBox *m_language = nullptr;
    QCheckBox *m_spellingEnabled = nullptr;
    QComboBox *m_spellingLanguage = nullptr;
    QFontComboBox *m_proseFamily = nullptr, *m_codeFamily = nullptr;
    QSpinBox *m_proseSize = nullptr, *m_codeSize = nullptr;
    QCheckBox *m_limitLineWidth = nullptr;
    QSpinBox *m_lineWidth = nullptr;
};

} // namespace inkling

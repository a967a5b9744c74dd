// A tabbed QDialog over SuggestionSettings.
#include "ui/settings/settings_dialog.h"

#include "ui/editor/editor.h"
#include "ui/editor/syntax_repository.h"
#include "ui/settings/interface_language.h"
#include "ui/spelling/spell_checker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontComboBox>
#include <QFontInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

namespace inkling {

namespace {
QSpinBox *spin(int min, int max, const QString &suffix = {})
{
    auto *s = new QSpinBox;
    s->setRange(min, max);
    s->setSuffix(suffix);
    return s;
}

QDoubleSpinBox *doubleSpin(double min, double max, double step)
{
    auto *s = new QDoubleSpinBox;
    s->setRange(min, max);
    s->setSingleStep(step);
    s->setDecimals(2);
    return s;
}
} // namespace

SettingsDialog::SettingsDialog(const SuggestionSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_initial(settings)
{
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget;
    tabs->addTab(createEditorPage(), tr("Editor"));
    tabs->addTab(createSuggestionsPage(), tr("Suggestions"));
    tabs->addTab(createSamplingPage(), tr("Sampling"));
    tabs->addTab(createEnginePage(), tr("Engine"));
    tabs->addTab(createServerPage(), tr("Server"));
    tabs->addTab(createKeysPage(), tr("Keys"));
    tabs->addTab(createLanguagePage(), tr("Language"));
    tabs->addTab(createSpellingPage(), tr("Spelling"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::RestoreDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    setValues(settings);
    setSpelling(SpellingSettings{});
}

QWidget *SettingsDialog::createLanguagePage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_language = new QComboBox;
    for (const UiLanguage &language : uiLanguages())
        m_language->addItem(language.nativeName, language.code);
    form->addRow(tr("User interface language:"), m_language);
    auto *note = new QLabel(tr("A new language is used from the next start of Inkling."));
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

void SettingsDialog::setUiLanguage(const QString &code)
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(code)));
}

QString SettingsDialog::uiLanguage() const
{
    return m_language->currentData().toString();
}

QWidget *SettingsDialog::createSpellingPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_spellingEnabled = new QCheckBox(tr("Check spelling while typing"));
    form->addRow(m_spellingEnabled);
    m_spellingLanguage = new QComboBox;
    m_spellingLanguage->addItem(tr("Automatic"), QString());
    const QList<std::pair<QString, QString>> dictionaries = SpellChecker::dictionaries();
    for (const auto &[name, code] : dictionaries)
        m_spellingLanguage->addItem(name, code);
    m_spellingLanguage->setToolTip(tr("Automatic: the language each document is written in, "
                                      "as far as it can be told from its text."));
    form->addRow(tr("Dictionary:"), m_spellingLanguage);
    if (dictionaries.isEmpty()) {
        auto *note = new QLabel(tr("No spelling dictionary is installed, so nothing is checked. "
                                   "Install Hunspell dictionaries, such as hunspell-en-us."));
        note->setWordWrap(true);
        form->addRow(note);
    }
    connect(m_spellingEnabled, &QCheckBox::toggled, m_spellingLanguage, &QWidget::setEnabled);
    return page;
}

void SettingsDialog::setSpelling(const SpellingSettings &spelling)
{
    m_spellingEnabled->setChecked(spelling.enabled);
    m_spellingLanguage->setEnabled(spelling.enabled);
    int index = m_spellingLanguage->findData(spelling.language);
    if (index < 0) { // a dictionary since removed: keep showing the choice
        m_spellingLanguage->addItem(spelling.language, spelling.language);
        index = m_spellingLanguage->count() - 1;
    }
    m_spellingLanguage->setCurrentIndex(index);
}

SpellingSettings SettingsDialog::spelling() const
{
    return {m_spellingEnabled->isChecked(), m_spellingLanguage->currentData().toString()};
}

QWidget *SettingsDialog::createEditorPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    const auto fontRow = [](QFontComboBox *&family, QSpinBox *&size) {
        family = new QFontComboBox;
        size = spin(int(Editor::kMinimumZoomedSize), int(Editor::kMaximumZoomedSize), tr(" pt"));
        auto *row = new QHBoxLayout;
        row->addWidget(family, 1);
        row->addWidget(size);
        return row;
    };
    form->addRow(tr("Writing font:"), fontRow(m_proseFamily, m_proseSize));
    form->addRow(tr("Code font:"), fontRow(m_codeFamily, m_codeSize));
    m_codeFamily->setFontFilters(QFontComboBox::MonospacedFonts);
    auto *note = new QLabel(tr("Prose (Markdown, plain text) is set in the writing font, "
                               "source code in the code font."));
    note->setWordWrap(true);
    form->addRow(note);
    m_limitLineWidth = new QCheckBox(tr("Limit the line width of prose, centred"));
    m_lineWidth =
        spin(EditorFonts::kMinimumLineWidth, EditorFonts::kMaximumLineWidth, tr(" characters"));
    m_lineWidth->setToolTip(tr("About 60 to 90 characters make lines that are easy to read"));
    connect(m_limitLineWidth, &QCheckBox::toggled, m_lineWidth, &QWidget::setEnabled);
    form->addRow(m_limitLineWidth);
    form->addRow(tr("Line width:"), m_lineWidth);
    setFonts(EditorFonts{});
    return page;
}

void SettingsDialog::setFonts(const EditorFonts &fonts)
{
    // The family the font resolves to: a system font may be named by an alias ("Sans
    // Serif") the combo box does not list.
    m_proseFamily->setCurrentFont(QFont(QFontInfo(fonts.proseFont()).family()));
    m_codeFamily->setCurrentFont(QFont(QFontInfo(fonts.codeFont()).family()));
    m_proseSize->setValue(qRound(fonts.proseFont().pointSizeF()));
    m_codeSize->setValue(qRound(fonts.codeFont().pointSizeF()));
    m_limitLineWidth->setChecked(fonts.limitLineWidth);
    m_lineWidth->setEnabled(fonts.limitLineWidth);
    m_lineWidth->setValue(fonts.lineWidth);
}

EditorFonts SettingsDialog::fonts() const
{
    // What the system's fonts give stays unset, so the editor follows the desktop when
    // its fonts change.
    const EditorFonts system;
    const auto family = [](QFontComboBox *box, const QFont &systemFont) {
        const QString chosen = box->currentFont().family();
        return chosen == QFontInfo(systemFont).family() ? QString() : chosen;
    };
    const auto size = [](QSpinBox *box, const QFont &systemFont) {
        return box->value() == qRound(systemFont.pointSizeF()) ? 0.0 : qreal(box->value());
    };
    EditorFonts f;
    f.proseFamily = family(m_proseFamily, system.proseFont());
    f.codeFamily = family(m_codeFamily, system.codeFont());
    f.proseSize = size(m_proseSize, system.proseFont());
    f.codeSize = size(m_codeSize, system.codeFont());
    f.limitLineWidth = m_limitLineWidth->isChecked();
    f.lineWidth = m_lineWidth->value();
    return f;
}

QWidget *SettingsDialog::createSuggestionsPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_autoSuggest = new QCheckBox(tr("Suggest while typing"));
    m_debounce = spin(0, 5000, tr(" ms"));
    m_debounce->setToolTip(tr("How long typing must pause before a suggestion is requested. "
                              "Fast typists get a little more."));
    m_timeBudget = spin(100, 60000, tr(" ms"));
    m_maxWord = spin(1, 1024);
    m_maxSentence = spin(1, 1024);
    m_maxParagraph = spin(1, 1024);
    m_maxCode = spin(1, 1024);
    m_trigger = new QComboBox;
    m_trigger->addItem(tr("After every keystroke"), int(TriggerRule::EveryKeystroke));
    m_trigger->addItem(tr("Once a word is started"), int(TriggerRule::InsideWord));
    m_trigger->setToolTip(tr("Whether to suggest right after a space or punctuation mark, or only "
                             "after the first letter of a word"));
    m_minConfidence = new QSpinBox;
    m_minConfidence->setRange(0, 99);
    m_minConfidence->setSuffix(tr(" %"));
    m_minConfidence->setSpecialValueText(tr("show every suggestion"));
    m_minConfidence->setToolTip(tr("Suggestions whose first word the model finds less likely than "
                                   "this are not shown: fewer suggestions, fewer wrong ones"));
    m_fade = new QCheckBox(tr("Draw less likely suggestions fainter"));
    m_ahead = new QCheckBox(tr("Prepare the next suggestion while one is shown"));
    m_ahead->setToolTip(tr("While a suggestion is shown and the model is idle, compute what "
                           "would follow it, so that accepting it shows the next one at once"));
    form->addRow(m_autoSuggest);
    form->addRow(tr("Suggest:"), m_trigger);
    form->addRow(tr("Minimum confidence:"), m_minConfidence);
    form->addRow(m_fade);
    form->addRow(m_ahead);
    form->addRow(tr("Quiet in these file types:"), createQuietTypesList());
    form->addRow(tr("Pause before suggesting:"), m_debounce);
    form->addRow(tr("Time limit per suggestion:"), m_timeBudget);
    form->addRow(tr("Maximum tokens, word mode:"), m_maxWord);
    form->addRow(tr("Maximum tokens, sentence mode:"), m_maxSentence);
    form->addRow(tr("Maximum tokens, paragraph mode:"), m_maxParagraph);
    form->addRow(tr("Maximum tokens, code mode:"), m_maxCode);
    return page;
}

// Every file type the highlighter knows, plain text first, checkable: a checked type asks
// for no suggestions while typing (the menu's "Suggest While Typing in … Files" is the
// same setting). A filter box above it, as the list is long.
QWidget *SettingsDialog::createQuietTypesList()
{
    m_quietTypes = new QListWidget;
    m_quietTypes->setObjectName(QStringLiteral("quietFileTypes"));
    m_quietTypes->setToolTip(tr("Typing in a file of a checked type asks for no suggestions; "
                                "Ctrl+Space still does"));
    const auto add = [this](const QString &name, const QString &shown) {
        auto *item = new QListWidgetItem(shown);
        item->setData(Qt::UserRole, name);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        return item;
    };
    for (const KSyntaxHighlighting::Definition &d : syntaxRepository().definitions()) {
        if (!d.isHidden())
            m_quietTypes->addItem(add(d.name(), d.translatedName()));
    }
    m_quietTypes->sortItems();
    m_quietTypes->insertItem(0, add(QString(), tr("Plain Text"))); // no definition
    m_quietTypes->setMaximumHeight(m_quietTypes->sizeHintForRow(0) * 8 +
                                   2 * m_quietTypes->frameWidth());
    auto *filter = new QLineEdit;
    filter->setObjectName(QStringLiteral("quietFileTypesFilter"));
    filter->setPlaceholderText(tr("Filter file types"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_quietTypes->count(); ++i) {
            QListWidgetItem *item = m_quietTypes->item(i);
            item->setHidden(!item->text().contains(text, Qt::CaseInsensitive));
        }
    });
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(filter);
    layout->addWidget(m_quietTypes);
    return box;
}

QWidget *SettingsDialog::createSamplingPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_greedy = new QCheckBox(tr("Always take the most likely token (greedy)"));
    m_temperature = doubleSpin(0.05, 5.0, 0.05);
    m_topK = spin(0, 50257);
    m_topK->setSpecialValueText(tr("off"));
    m_topP = doubleSpin(0.01, 1.0, 0.01);
    m_repetitionPenalty = doubleSpin(1.0, 3.0, 0.05);
    form->addRow(m_greedy);
    form->addRow(tr("Temperature:"), m_temperature);
    form->addRow(tr("Top-k:"), m_topK);
    form->addRow(tr("Top-p:"), m_topP);
    form->addRow(tr("Repetition penalty:"), m_repetitionPenalty);
    connect(m_greedy, &QCheckBox::toggled, this, [this](bool greedy) {
        m_temperature->setEnabled(!greedy);
        m_topK->setEnabled(!greedy);
        m_topP->setEnabled(!greedy);
    });
    return page;
}

QWidget *SettingsDialog::createEnginePage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_threads = spin(0, 256);
    m_threads->setSpecialValueText(tr("automatic"));
    m_modelDirectory = new QLineEdit;
    m_modelDirectory->setPlaceholderText(tr("The embedded inkling-tiny model"));
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Choose a GPT-2 model directory"), m_modelDirectory->text());
        if (!dir.isEmpty())
            m_modelDirectory->setText(dir);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_modelDirectory);
    row->addWidget(browse);
    form->addRow(tr("Engine threads:"), m_threads);
    m_precision = new QComboBox;
    m_precision->addItem(tr("Automatic (fastest available)"), int(Precision::Auto));
    m_precision->addItem(tr("f32 (reference)"), int(Precision::F32));
    m_precision->addItem(tr("bf16 (half the memory)"), int(Precision::BF16));
    m_precision->addItem(tr("s8 (a quarter of the memory)"), int(Precision::S8));
    m_precision->setToolTip(tr("How the model's weights are held. A format this processor has no "
                               "fast kernel for falls back to the next one; the status bar "
                               "shows the one in use."));
    form->addRow(tr("Weight precision:"), m_precision);
    form->addRow(tr("Model directory:"), row);
    m_drafting = new QCheckBox(tr("Let the built-in model draft for a larger one"));
    m_drafting->setToolTip(
        tr("Speculative decoding: the small built-in model guesses a few words ahead and the "
           "larger model checks them all at once. The suggestions stay exactly the same, "
           "only sooner. Used only where it pays: for a model at f32 weights at least four "
           "times the built-in one's size."));
    form->addRow(QString(), m_drafting);
    return page;
}

QWidget *SettingsDialog::createServerPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_serverEnabled = new QCheckBox(tr("Ask a server for suggestions"));
    m_serverUrl = new QLineEdit;
    m_serverUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    m_serverUrl->setToolTip(tr("An OpenAI-compatible completions server (llama-server, vLLM, "
                               "Ollama); /v1/completions is added."));
    m_serverModel = new QLineEdit;
    m_serverModel->setPlaceholderText(tr("The server's only model"));
    m_serverKey = new QLineEdit;
    m_serverKey->setEchoMode(QLineEdit::Password);
    m_serverKey->setPlaceholderText(tr("None"));
    m_serverKey->setToolTip(tr("Kept in a file only you can read, never in the settings."));
    form->addRow(m_serverEnabled);
    form->addRow(tr("Server address:"), m_serverUrl);
    form->addRow(tr("Model name:"), m_serverModel);
    form->addRow(tr("API key:"), m_serverKey);
    auto *note = new QLabel(tr("The text before the cursor and your notes are sent to this "
                               "server while you write. The built-in model answers when the "
                               "server cannot."));
    note->setWordWrap(true);
    form->addRow(note);
    const auto enable = [this](bool on) {
        m_serverUrl->setEnabled(on);
        m_serverModel->setEnabled(on);
        m_serverKey->setEnabled(on);
    };
    connect(m_serverEnabled, &QCheckBox::toggled, this, enable);
    enable(false);
    return page;
}

void SettingsDialog::setServerKey(const QString &key)
{
    m_serverKey->setText(key);
}

QString SettingsDialog::serverKey() const
{
    return m_serverKey->text().trimmed();
}

QWidget *SettingsDialog::createKeysPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    const auto edit = [](QKeySequenceEdit *&e) {
        e = new QKeySequenceEdit;
        e->setMaximumSequenceLength(1);
        e->setClearButtonEnabled(true);
        return e;
    };
    form->addRow(tr("Accept the whole suggestion:"), edit(m_keyAcceptAll));
    form->addRow(tr("Accept the next word:"), edit(m_keyAcceptWord));
    form->addRow(tr("Accept the next line or sentence:"), edit(m_keyAcceptLine));
    form->addRow(tr("Dismiss the suggestion:"), edit(m_keyDismiss));
    form->addRow(tr("Next alternative:"), edit(m_keyNext));
    form->addRow(tr("Previous alternative:"), edit(m_keyPrevious));
    form->addRow(tr("Suggest now:"), edit(m_keyRequest));
    return page;
}

void SettingsDialog::setValues(const SuggestionSettings &s)
{
    m_autoSuggest->setChecked(s.autoSuggest);
    m_trigger->setCurrentIndex(qMax(0, m_trigger->findData(int(s.trigger))));
    m_minConfidence->setValue(qRound(s.minConfidence * 100));
    m_fade->setChecked(s.fadeByConfidence);
    m_ahead->setChecked(s.suggestAhead);
    for (int i = 0; i < m_quietTypes->count(); ++i) {
        QListWidgetItem *item = m_quietTypes->item(i);
        item->setCheckState(s.quietFileTypes.contains(item->data(Qt::UserRole).toString())
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
    m_debounce->setValue(s.debounceMs);
    m_timeBudget->setValue(s.timeBudgetMs);
    m_maxWord->setValue(s.maxTokensWord);
    m_maxSentence->setValue(s.maxTokensSentence);
    m_maxParagraph->setValue(s.maxTokensParagraph);
    m_maxCode->setValue(s.maxTokensCode);
    m_greedy->setChecked(s.sampling.greedy);
    m_temperature->setValue(s.sampling.temperature);
    m_topK->setValue(s.sampling.topK);
    m_topP->setValue(s.sampling.topP);
    m_repetitionPenalty->setValue(s.sampling.repetitionPenalty);
    m_threads->setValue(s.threads);
    m_precision->setCurrentIndex(qMax(0, m_precision->findData(int(s.precision))));
    m_modelDirectory->setText(s.modelDirectory);
    m_drafting->setChecked(s.drafting);
    m_serverEnabled->setChecked(s.serverEnabled);
    m_serverUrl->setText(s.serverUrl);
    m_serverModel->setText(s.serverModel);
    m_keyAcceptAll->setKeySequence(s.keys.acceptAll);
    m_keyAcceptWord->setKeySequence(s.keys.acceptWord);
    m_keyAcceptLine->setKeySequence(s.keys.acceptLine);
    m_keyDismiss->setKeySequence(s.keys.dismiss);
    m_keyNext->setKeySequence(s.keys.nextAlternative);
    m_keyPrevious->setKeySequence(s.keys.previousAlternative);
    m_keyRequest->setKeySequence(s.keys.requestNow);
}

void SettingsDialog::restoreDefaults()
{
    setValues(SuggestionSettings{});
    setSpelling(SpellingSettings{});
    setFonts(EditorFonts{});
}

SuggestionSettings SettingsDialog::settings() const
{
    SuggestionSettings s = m_initial;
    s.autoSuggest = m_autoSuggest->isChecked();
    s.trigger = TriggerRule(m_trigger->currentData().toInt());
    s.minConfidence = m_minConfidence->value() / 100.0;
    s.fadeByConfidence = m_fade->isChecked();
    s.suggestAhead = m_ahead->isChecked();
    // The checked types, in the order they were made quiet; names the list does not hold
    // (a highlighting definition of another version) stay as they were.
    QStringList listed, checked;
    for (int i = 0; i < m_quietTypes->count(); ++i) {
        const QListWidgetItem *item = m_quietTypes->item(i);
        listed << item->data(Qt::UserRole).toString();
        if (item->checkState() == Qt::Checked)
            checked << listed.last();
    }
    s.quietFileTypes.clear();
    for (const QString &name : m_initial.quietFileTypes) {
        if (!listed.contains(name) || checked.contains(name))
            s.quietFileTypes << name;
    }
    for (const QString &name : std::as_const(checked)) {
        if (!s.quietFileTypes.contains(name))
            s.quietFileTypes << name;
    }
    s.debounceMs = m_debounce->value();
    s.timeBudgetMs = m_timeBudget->value();
    s.maxTokensWord = m_maxWord->value();
    s.maxTokensSentence = m_maxSentence->value();
    s.maxTokensParagraph = m_maxParagraph->value();
    s.maxTokensCode = m_maxCode->value();
    s.sampling.greedy = m_greedy->isChecked();
    s.sampling.temperature = float(m_temperature->value());
    s.sampling.topK = m_topK->value();
    s.sampling.topP = float(m_topP->value());
    s.sampling.repetitionPenalty = float(m_repetitionPenalty->value());
    s.threads = m_threads->value();
    s.precision = Precision(m_precision->currentData().toInt());
    s.modelDirectory = m_modelDirectory->text().trimmed();
    s.drafting = m_drafting->isChecked();
    s.serverEnabled = m_serverEnabled->isChecked();
    s.serverUrl = m_serverUrl->text().trimmed();
    s.serverModel = m_serverModel->text().trimmed();
    const auto key = [](QKeySequenceEdit *e, const QKeySequence &fallback) {
        return e->keySequence().isEmpty() ? fallback : e->keySequence();
    };
    const KeyBindings d;
    s.keys.acceptAll = key(m_keyAcceptAll, d.acceptAll);
    s.keys.acceptWord = key(m_keyAcceptWord, d.acceptWord);
    s.keys.acceptLine = key(m_keyAcceptLine, d.acceptLine);
    s.keys.dismiss = key(m_keyDismiss, d.dismiss);
    s.keys.nextAlternative = key(m_keyNext, d.nextAlternative);
    s.keys.previousAlternative = key(m_keyPrevious, d.previousAlternative);
    s.keys.requestNow = key(m_keyRequest, d.requestNow);
    return s;
}

} // namespace inkling

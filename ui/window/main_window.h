// The application window: documents in tabs around one shared engine, the menus and
// the status bar. Each tab is a Document (editor, file, encoding, suggestion controller,
// recovery copy); the window owns what all of them share and never closes a modified
// document without asking.
#pragma once

#include "engine/generation/stop_rule.h"
#include "ui/editor/editor_fonts.h"
#include "ui/spelling/spelling_settings.h"
#include "ui/suggestions/suggestion_settings.h"

#include <QMainWindow>

class QActionGroup;
class QComboBox;
class QMenu;
class QLabel;
class QTabWidget;
class QTimer;
class QToolBar;

namespace KSyntaxHighlighting {
class Definition;
}

namespace inkling {

class Autosave;
class Document;
class Editor;
class EngineThread;
class FallbackCompletionSource;
class FindBar;
class ModelLoader;
class NotesPanel;
struct RecoverableDocument;
class SuggestionController;
class SuggestionStatus;
struct TextCounts;
class WritingCommands;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The size of a new window; also what --screenshot captures.
    static QSize defaultSize();

    // The documents, in tab order, and the one being edited (never null).
    QList<Document *> documents() const;
    Document *currentDocument() const;
    void setCurrentDocument(Document *document);
    // The open document of a file, or null.
    Document *findDocument(const QString &path) const;
    QTabWidget *tabs() const { return m_tabs; }
    // Find/Replace under the tabs; it searches the current document.
    FindBar *findBar() const { return m_findBar; }

    // The current document's parts.
    Editor *editor() const;
    SuggestionController *suggestions() const;
    Autosave *autosave() const;
    QString filePath() const;
    // Shared by every document.
    EngineThread *engine() const { return m_engine; }
    SuggestionStatus *suggestionStatus() const { return m_status; }
    WritingCommands *writingCommands() const { return m_writing; }

    // File > New: an empty document in a new tab, made current.
    Document *newDocument();
    // Shows a recovered copy of unsaved work in a tab of its own (or in the current tab
    // when that is new and empty): its text, modified, under its old name. False when
    // the document's new recovery copy could not be written.
    bool restore(const RecoverableDocument &document);
    // Offers the copies a crashed Inkling left behind (CrashRecovery); each recovered
    // document gets a tab. Returns how many documents were recovered.
    int offerRecovery();

    // File > Save for the current document: to its file, or asks for a name; false if
    // not saved.
    bool saveDocument();
    // Re-reads the current document's file from disk; false on failure.
    bool reloadFromDisk();
    // Asks about unsaved changes, then closes the document's tab (the last tab is
    // replaced by a new empty document). False if the user cancelled.
    bool closeDocument(Document *document);

    // Applies settings (and loads another model if its directory changed, ModelLoader);
    // persists them.
    void applySettings(const SuggestionSettings &settings);
    const SuggestionSettings &settings() const { return m_settings; }
    // Edit › Check Spelling and Settings › Spelling, for every document; remembered. When
    // spelling is on but Sonnet has no dictionary, the status bar says so.
    void applySpelling(const SpellingSettings &spelling);
    const SpellingSettings &spelling() const { return m_spelling; }
    QAction *checkSpellingAction() const { return m_checkSpellingAction; }

    // The mode a document starts in: code for source files, sentence for prose.
    static CompletionMode modeForDefinition(const QString &section);
    // The QSettings key of the editor theme's name (empty: follow the palette).
    static QString themeSettingsKey();
    // The writing and code fonts and the prose line width (Edit › Settings › Editor), for
    // every document; persisted.
    void applyFonts(const EditorFonts &fonts);
    const EditorFonts &fonts() const { return m_fonts; }
    // File › Export as PDF without the file dialog: the current document, titled with its
    // name. False if it could not be written (the user has been told).
    bool exportPdfTo(const QString &path);

    // View › Zoom: points added to the editor fonts of every document, remembered.
    void setZoom(int points);
    int zoom() const { return m_zoom; }
    static QString zoomSettingsKey();

    // View › Full Screen (F11): distraction-free, without menus, toolbars, tabs and status
    // bar, the text in a centred column; F11 or Esc (with no suggestion shown) leaves it
    // and restores the window as it was.
    void setDistractionFree(bool on);
    bool isDistractionFree() const { return m_distractionFree; }
    QAction *fullScreenAction() const { return m_fullScreenAction; }

    // The status bar's counts, of the current document or of its selection.
    QLabel *countLabel() const { return m_countLabel; }
    // "1,234 words · 6,789 characters", or with a selection "12 of 1,234 words · ...".
    static QString countsText(const TextCounts &document, const TextCounts *selection);
    // Shows the counts now (they follow edits after a short delay).
    void updateCountLabel();

    // Opens the file in a tab without asking anything: switches to its tab if it is
    // open already, replaces a new empty current document, or adds a tab. On failure no
    // document changes and *errorMessage says why.
    bool loadFile(const QString &path, QString *errorMessage);
    // As loadFile(), but shows a failure to the user.
    bool openFile(const QString &path);

signals:
    void currentDocumentChanged(inkling::Document *document);

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class OverwriteChoice { Overwrite, SaveAs, Cancel };
    // The document's file changed on disk since it was read: replace it anyway?
    OverwriteChoice askOverwrite(Document *document);
    // One function per menu, in menu-bar order (main_window_menus.cpp); a new menu is
    // one more function and one line in createMenus().
    void createMenus();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createSuggestionMenu();
    void createHelpMenu();
    void createToolsMenu(); // the writing commands and their side panel
    void fillRecentMenu();

    Document *addDocument();
    // The one place where a document's signals reach the window: a status-bar widget that
    // follows the suggestions (latency, speed, accepted characters) connects here, once
    // per document; only the current document's controller is enabled, so the signals
    // come from the document being edited.
    void connectDocument(Document *document);
    void onCurrentTabChanged();
    void updateTab(Document *document);
    void updateSuggestionsEnabled();
    void setMode(CompletionMode mode);
    void setDefinition(const KSyntaxHighlighting::Definition &definition);
    void setThemeName(const QString &name);
    void showMode(CompletionMode mode);
    void showSettings();
    void open();
    bool save(Document *document);
    bool saveAs(Document *document);
    void print();
    void exportAsPdf();
    void about();
    // Asks whether to save a modified document; false means the user cancelled.
    bool maybeSave(Document *document);
    void updateWindowTitle();
    void updateDocumentLabels();
    // The Suggestions menu's switches for the current document and its file type.
    void updateSuggestionSwitches();
    void showError(const QString &title, const QString &message);

    QTabWidget *m_tabs;
    FindBar *m_findBar;
    QLabel *m_formatLabel;
    QLabel *m_definitionLabel;
    QLabel *m_countLabel;
    QTimer *m_countTimer; // the counts follow typing after a pause, not on every key
    EngineThread *m_engine;
    // What documents and commands ask: m_engine, or a server with m_engine behind it.
    FallbackCompletionSource *m_source;
    SuggestionStatus *m_status;
    NotesPanel *m_notes;
    WritingCommands *m_writing = nullptr;
    ModelLoader *m_models = nullptr; // chooses, loads and reports the engine's model
    SuggestionSettings m_settings;
    QActionGroup *m_modeActions = nullptr;
    QComboBox *m_modeBox = nullptr;
    QAction *m_autoSuggestAction = nullptr;
    QAction *m_checkSpellingAction = nullptr;
    SpellingSettings m_spelling;
    QAction *m_documentSuggestsAction = nullptr; // this document's switch
    QAction *m_fileTypeSuggestsAction = nullptr; // its file type's switch
    // The Suggestions menu's actions and the key binding each one shows.
    QList<std::pair<QAction *, QKeySequence KeyBindings::*>> m_keyActions;
    QMenu *m_recentMenu = nullptr;
    QString m_themeName; // empty: follow the palette
    int m_zoom = 0;
    EditorFonts m_fonts;
    QAction *m_fullScreenAction = nullptr;
    bool m_distractionFree = false;
    Qt::WindowStates m_stateBeforeFullScreen;
    QList<QToolBar *> m_hiddenToolBars; // the toolbars full screen hid, shown again after
};

} // namespace inkling

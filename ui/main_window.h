// The application window: the editor, the File and Help menus, and the status bar.
// It owns the document's file name and never loses unsaved changes silently.
#pragma once

#include "engine/stop_rule.h"
#include "ui/suggestion_settings.h"

#include <QDateTime>
#include <QMainWindow>

class QActionGroup;
class QComboBox;
class QFileSystemWatcher;
class QMenu;
class QLabel;

namespace inkling {

class Autosave;
class Editor;
class EngineThread;
struct RecoverableDocument;
class SuggestionController;
class SuggestionStatus;
class WritingCommands;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The size of a new window; also what --screenshot captures.
    static QSize defaultSize();

    Editor *editor() const { return m_editor; }
    SuggestionController *suggestions() const { return m_suggestions; }
    EngineThread *engine() const { return m_engine; }
    SuggestionStatus *suggestionStatus() const { return m_status; }
    WritingCommands *writingCommands() const { return m_writing; }

    Autosave *autosave() const { return m_autosave; }
    // Shows a recovered copy of unsaved work: its text, modified, under its old name.
    void restore(const RecoverableDocument &document);
    // Offers the copies a crashed Inkling left behind; recovers into this window (and new
    // windows for more than one). Returns how many documents were recovered.
    int offerRecovery();

    // File > Save: to the document's file, or asks for a name; false if not saved.
    bool saveDocument() { return save(); }
    // Re-reads the file from disk (after another program changed it); false on failure.
    bool reloadFromDisk();

    // Applies settings (and loads another model if its directory changed); persists them.
    void applySettings(const SuggestionSettings &settings);
    // The mode a document starts in: code for source files, sentence for prose.
    static CompletionMode modeForDefinition(const QString &section);
    QString filePath() const { return m_filePath; }

    // Replaces the document with the file, without asking about unsaved changes.
    // On failure the document is unchanged and *errorMessage says why.
    bool loadFile(const QString &path, QString *errorMessage);
    // As loadFile(), but shows a failure to the user.
    bool openFile(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createSuggestionMenu();
    void createToolsMenu(); // the writing commands and their side panel
    void fillRecentMenu();
    void onFileChangedOnDisk();
    void watchFile();
    void connectSuggestions();
    void setMode(CompletionMode mode);
    void loadModel();
    void showSettings();
    void newFile();
    void open();
    bool save();
    bool saveAs();
    bool saveFile(const QString &path);
    void about();
    // Asks whether to save a modified document; false means the user cancelled.
    bool maybeSave();
    void setFilePath(const QString &path);
    void updateWindowTitle();
    void updateDefinitionLabel();
    void showError(const QString &title, const QString &message);

    Editor *m_editor;
    QLabel *m_definitionLabel;
    EngineThread *m_engine;
    Autosave *m_autosave;
    SuggestionController *m_suggestions;
    SuggestionStatus *m_status;
    WritingCommands *m_writing = nullptr;
    SuggestionSettings m_settings;
    QActionGroup *m_modeActions = nullptr;
    QComboBox *m_modeBox = nullptr;
    QAction *m_autoSuggestAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QDateTime m_diskTime; // modification time of the file as last read or written
    qint64 m_diskSize = -1;
    bool m_askingAboutDisk = false;
    QString m_loadedModelDirectory;
    QString m_filePath;
};

} // namespace inkling

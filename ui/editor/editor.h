// The text editor: a QPlainTextEdit highlighted by KSyntaxHighlighting, with colours
// copied from a theme chosen by the palette's lightness, and a line-number gutter.
#pragma once

#include "ui/editor/editor_fonts.h"
#include "ui/spelling/spelling_settings.h"

#include <QPlainTextEdit>
#include <QTimer>

#include <array>
#include <utility>

namespace KSyntaxHighlighting {
class Definition;
class SyntaxHighlighter;
class Theme;
} // namespace KSyntaxHighlighting

namespace inkling {

class LineNumberArea;
class SpellChecker;
class SpellingHighlighter;
class TextCounter;
struct IndentUnit;

class Editor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit Editor(QWidget *parent = nullptr);
    ~Editor() override;

    // What a new, unnamed document is highlighted as: Inkling is mostly for prose.
    static KSyntaxHighlighting::Definition defaultDefinition();
    // The built-in theme that suits a palette: dark when the base colour is dark.
    static KSyntaxHighlighting::Theme themeForPalette(const QPalette &palette);

    // Matches extensions and names such as "CMakeLists.txt"; an unknown name means
    // no highlighting (an invalid definition).
    void setDefinitionForFileName(const QString &fileName);
    void setDefinition(const KSyntaxHighlighting::Definition &definition);
    KSyntaxHighlighting::Definition definition() const;

    void setTheme(const KSyntaxHighlighting::Theme &theme);
    KSyntaxHighlighting::Theme theme() const;
    // A theme chosen by name; empty (or unknown) follows the palette, light or dark,
    // and keeps following it when the desktop switches.
    void setThemeName(const QString &name);
    QString themeName() const { return m_themeName; }

    // The writing font for prose, the fixed font for code (editor_fonts.h); which one
    // the document gets follows its highlighting definition. Prose may be set in a
    // centred column of fonts.lineWidth average characters.
    void setFonts(const EditorFonts &fonts);
    const EditorFonts &fonts() const { return m_fonts; }
    // Prose: no definition, or one that is not a programming language (Markdown, plain
    // text, markup); the rest is code.
    bool isProse() const;
    // The font the document is written in, without the zoom (what is printed).
    QFont unzoomedFont() const;

    // Zoom: points added to both fonts' sizes (Ctrl++ / Ctrl+- / Ctrl+0); each font
    // stays between kMinimumZoomedSize and kMaximumZoomedSize points.
    void setZoom(int points);
    int zoom() const { return m_zoom; }
    // The zoom range in which at least one of the fonts still changes size.
    static int clampZoom(int points, const EditorFonts &fonts = {});
    static constexpr qreal kMinimumZoomedSize = 6;
    static constexpr qreal kMaximumZoomedSize = 72;

    // Extra selections in layers, drawn bottom to top: the current line, then search
    // matches (FindBar). Each owner sets only its own layer; the editor shows them all.
    enum class SelectionLayer { CurrentLine, SearchMatches };
    void setSelections(SelectionLayer layer, const QList<QTextEdit::ExtraSelection> &selections);
    QList<QTextEdit::ExtraSelection> selections(SelectionLayer layer) const;

    // Auto-indentation in code documents (auto_indent.h): Return keeps the line's
    // indentation, one unit more after a line that opens a block; a closing bracket typed
    // first on a line takes one unit away. Prose keeps plain Return.
    // The unit, as detected from the document's first lines.
    IndentUnit indentUnit() const;

    // Word and character counts of the whole document, kept up to date as it changes.
    TextCounter *counter() const { return m_counter; }

    // Distraction-free: no line numbers, the text in a centred column: prose as wide as
    // its line width setting, code (or prose without a limit) kDistractionFreeColumns.
    void setDistractionFree(bool on);
    bool isDistractionFree() const { return m_distractionFree; }
    static constexpr int kDistractionFreeColumns = 80;

    // Spell checking (ui/spelling/): misspelt words in prose, comments and strings get a
    // red wavy underline, with suggestions and "Add to Dictionary" in the context menu.
    // With an automatic language, the dictionary is the one that knows most of the text's
    // words (SpellChecker::guessLanguage), guessed again when typing pauses. Off until
    // the window applies the user's choice.
    void setSpelling(const SpellingSettings &settings);
    SpellingSettings spelling() const { return m_spelling; }
    // The checker while spell checking is on and has a dictionary; else null.
    SpellChecker *spellChecker() const;
    // Why spelling is on but nothing is checked (no dictionary); empty otherwise.
    QString spellingProblem() const;
    // Checks the whole document again, e.g. after another document added a word.
    void recheckSpelling();
    // The context menu at a document position: Qt's standard actions, led by the
    // spelling suggestions and "Add to Dictionary" on a misspelt word. The caller owns it.
    QMenu *createContextMenu(int position);

    // The numbers of the first and last blocks (lines) shown, whole or in part.
    std::pair<int, int> visibleBlocks() const;

    // The gutter is a child widget, but only the editor knows where blocks are drawn.
    int lineNumberAreaWidth() const;
    // The width of the centred column the text is set in (the document's margins
    // included), or 0 when the text fills the editor.
    int textColumnWidth() const;
    void paintLineNumberArea(QPaintEvent *event);

signals:
    void definitionChanged();
    // Ctrl+wheel asks for this zoom; the window applies it to every editor and remembers it.
    void zoomRequested(int points);
    // "Add to Dictionary" changed the personal word list every document shares.
    void wordAddedToDictionary();

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    // Auto-indentation in code (auto_indent.h); each returns false when it does not apply.
    bool insertIndentedLine();
    bool typeClosingBracket(const QString &bracket);
    void applyFont();
    // The gutter's width and the centred column, as viewport margins.
    void updateMargins();
    void updateLineNumberArea(const QRect &rect, int dy);
    void highlightCurrentLine();
    void guessSpellingLanguage();
    // The palette the editor would have without the theme's colours.
    QPalette inheritedPalette() const;

    SpellingHighlighter *m_highlighter;
    SpellChecker *m_spellChecker = nullptr; // made when spelling is first switched on
    SpellingSettings m_spelling{false, {}}; // see setSpelling()
    QTimer m_languageGuessTimer;            // re-guesses the language once typing pauses
    std::array<QList<QTextEdit::ExtraSelection>, 2> m_selections; // by SelectionLayer
    LineNumberArea *m_lineNumberArea;
    TextCounter *m_counter;
    bool m_distractionFree = false;
    bool m_darkPalette = false; // the lightness the current theme was chosen for
    QString m_themeName;        // empty: follow the palette
    EditorFonts m_fonts;
    int m_zoom = 0;
    int m_wheelDelta = 0; // a high-resolution wheel's eighths of a degree short of a step
};

} // namespace inkling

// The Find/Replace bar under the editor (Ctrl+F, Ctrl+R), as in Kate and Qt Creator: a
// search field, a replace row, options, and a status note; never a modal dialog. Every
// match in the visible lines is highlighted. The search itself is TextSearch.
#pragma once

#include "ui/editor/text_search.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace inkling {

class Editor;

class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QWidget *parent = nullptr);

    // The editor searched: the current document's. The bar keeps its text and options
    // when the editor changes, as in Kate.
    void setEditor(Editor *editor);
    Editor *editor() const { return m_editor; }

    // Ctrl+F: shows the bar with the selection (or the word at the cursor) as the search
    // text and puts the keyboard focus in the field; openReplace() (Ctrl+R) also shows
    // the replace row.
    void openFind();
    void openReplace();
    // Hides the bar and its highlights; the editor gets the focus back (Esc).
    void dismiss();

    // F3 / Shift+F3: selects the next match after the selection (or the previous one
    // before it), going around the document's end with a note. False if none; with
    // nothing to search for, opens the bar instead.
    bool findNext();
    bool findPrevious();
    // Replaces the selection if it is a match, then selects the next match.
    void replace();
    // Replaces every match in the document as one undo step; returns how many.
    int replaceAll();

    SearchOptions options() const;
    void setOptions(SearchOptions options);
    const TextSearch &search() const { return m_search; }
    // The note beside the options: wrapped, not found, how many replaced.
    QString statusText() const;

    QLineEdit *findField() const { return m_findField; }
    QLineEdit *replaceField() const { return m_replaceField; }

    // At most this many matches are highlighted: enough for the lines on screen, and a
    // bound for a search for "e" in a long document.
    static constexpr int kMaxHighlights = 1000;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void open(bool withReplace);
    bool find(SearchDirection direction);
    // The field or an option changed: a new pattern, searched as you type.
    void onPatternChanged();
    void updateSearch();
    void showStatus(const QString &text);
    void highlightMatches();
    void clearHighlights();
    bool canReplace() const;

    QPointer<Editor> m_editor;
    QList<QMetaObject::Connection> m_editorConnections;
    TextSearch m_search;
    QTimer m_highlightTimer; // coalesces edits and scrolling into one pass per event loop

    QLineEdit *m_findField;
    QLineEdit *m_replaceField;
    QCheckBox *m_caseSensitive;
    QCheckBox *m_wholeWords;
    QCheckBox *m_regularExpression;
    QLabel *m_status;
    QPushButton *m_replaceButton;
    QPushButton *m_replaceAllButton;
    QList<QWidget *> m_replaceRow;
};

} // namespace inkling

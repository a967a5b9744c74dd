// View > Highlighting (every KSyntaxHighlighting definition, by section) and View > Theme
// (follow the desktop's light/dark palette, or any installed theme). The menus only offer
// and report a choice; the window applies it to the documents.
#pragma once

#include <QMenu>

#include <functional>

class QActionGroup;

namespace KSyntaxHighlighting {
class Definition;
}

namespace inkling {

class HighlightingMenu : public QMenu
{
    Q_OBJECT

public:
    // current() is asked each time the menu opens, so the check mark is always right.
    HighlightingMenu(std::function<KSyntaxHighlighting::Definition()> current, QWidget *parent);

signals:
    // An invalid definition means plain text.
    void definitionChosen(const KSyntaxHighlighting::Definition &definition);

private:
    void fill(); // on first show: some 300 definitions are not built at start-up
    void checkCurrent();

    std::function<KSyntaxHighlighting::Definition()> m_current;
    QActionGroup *m_group;
};

class ThemeMenu : public QMenu
{
    Q_OBJECT

public:
    ThemeMenu(std::function<QString()> currentName, QWidget *parent);

signals:
    // Empty: follow the palette.
    void themeChosen(const QString &name);

private:
    void fill();

    std::function<QString()> m_currentName;
    QActionGroup *m_group;
};

} // namespace inkling

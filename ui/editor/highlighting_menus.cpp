// The Highlighting and Theme menus, filled from the shared syntax repository.
#include "ui/editor/highlighting_menus.h"

#include "ui/editor/syntax_repository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QActionGroup>
#include <QCollator>
#include <QMap>

#include <algorithm>

using KSyntaxHighlighting::Definition;
using KSyntaxHighlighting::Theme;

namespace inkling {

HighlightingMenu::HighlightingMenu(std::function<Definition()> current, QWidget *parent)
    : QMenu(tr("&Highlighting"), parent)
    , m_current(std::move(current))
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("highlightingMenu"));
    connect(this, &QMenu::aboutToShow, this, [this] {
        if (actions().isEmpty())
            fill();
        checkCurrent();
    });
}

void HighlightingMenu::fill()
{
    QAction *plain = addAction(tr("Plain Text"));
    plain->setCheckable(true);
    m_group->addAction(plain);
    connect(plain, &QAction::triggered, this, [this] { emit definitionChosen(Definition()); });
    addSeparator();

    // One submenu per section ("Sources", "Markup", ...), both in the user's language,
    // sorted the way the user's locale sorts words.
    QMap<QString, QList<Definition>> bySection;
    for (const Definition &d : syntaxRepository().definitions()) {
        if (!d.isHidden())
            bySection[d.translatedSection()].append(d);
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    QStringList sections = bySection.keys();
    std::sort(sections.begin(), sections.end(), collator);
    for (const QString &section : std::as_const(sections)) {
        QMenu *sub = addMenu(section);
        QList<Definition> &list = bySection[section];
        std::sort(list.begin(), list.end(), [&](const Definition &a, const Definition &b) {
            return collator.compare(a.translatedName(), b.translatedName()) < 0;
        });
        for (const Definition &d : std::as_const(list)) {
            QAction *a = sub->addAction(d.translatedName());
            a->setCheckable(true);
            a->setData(d.name());
            m_group->addAction(a);
            connect(a, &QAction::triggered, this, [this, d] { emit definitionChosen(d); });
        }
    }
}

void HighlightingMenu::checkCurrent()
{
    const Definition current = m_current();
    const QString name = current.isValid() ? current.name() : QString();
    for (QAction *a : m_group->actions())
        a->setChecked(a->data().toString() == name);
}

ThemeMenu::ThemeMenu(std::function<QString()> currentName, QWidget *parent)
    : QMenu(tr("&Theme"), parent)
    , m_currentName(std::move(currentName))
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("themeMenu"));
    connect(this, &QMenu::aboutToShow, this, [this] {
        if (actions().isEmpty())
            fill();
        const QString current = m_currentName();
        for (QAction *a : m_group->actions())
            a->setChecked(a->data().toString() == current);
    });
}

void ThemeMenu::fill()
{
    QAction *follow = addAction(tr("&Follow the Desktop (Light or Dark)"));
    follow->setCheckable(true);
    m_group->addAction(follow);
    connect(follow, &QAction::triggered, this, [this] { emit themeChosen(QString()); });
    addSeparator();
    QList<Theme> themes = syntaxRepository().themes();
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(themes.begin(), themes.end(), [&](const Theme &a, const Theme &b) {
        return collator.compare(a.translatedName(), b.translatedName()) < 0;
    });
    for (const Theme &theme : std::as_const(themes)) {
        QAction *a = addAction(theme.translatedName());
        a->setCheckable(true);
        a->setData(theme.name());
        m_group->addAction(a);
        const QString name = theme.name();
        connect(a, &QAction::triggered, this, [this, name] { emit themeChosen(name); });
    }
}

} // namespace inkling

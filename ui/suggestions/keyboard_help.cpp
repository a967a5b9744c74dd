// A two-column table of key and action, in the user's key notation.
#include "ui/suggestions/keyboard_help.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace inkling {

namespace {

// A menu item's text as shown: without its mnemonic marker ("&&" is a literal '&').
QString shownText(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QChar(1), QLatin1Char('&'));
    return text.remove(QStringLiteral("…")).remove(QStringLiteral("...")).trimmed();
}

void addMenuRows(const QMenu *menu, const QString &path,
                 QList<std::pair<QKeySequence, QString>> &rows)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        const QString name = path + QStringLiteral(" › ") + shownText(action->text());
        if (const QMenu *sub = action->menu())
            addMenuRows(sub, name, rows);
        else if (!action->shortcut().isEmpty() &&
                 std::none_of(rows.begin(), rows.end(),
                              [&](const auto &row) { return row.first == action->shortcut(); }))
            rows.append({action->shortcut(), name}); // a suggestion key is listed above
    }
}

} // namespace

QList<std::pair<QKeySequence, QString>> KeyboardHelp::rows(const KeyBindings &keys,
                                                           const QList<QMenu *> &menus)
{
    QList<std::pair<QKeySequence, QString>> rows = {
        {keys.acceptAll, tr("Accept the whole suggestion (without one: indent)")},
        {keys.acceptWord, tr("Accept the next word (without one: move by word)")},
        {keys.acceptLine, tr("Accept the next line or sentence")},
        {keys.dismiss, tr("Dismiss the suggestion")},
        {keys.nextAlternative, tr("Show the next alternative (up to three)")},
        {keys.previousAlternative, tr("Show the previous alternative")},
        {keys.requestNow, tr("Suggest now")},
    };
    for (const QMenu *menu : menus)
        addMenuRows(menu, shownText(menu->title()), rows);
    return rows;
}

KeyboardHelp::KeyboardHelp(const KeyBindings &keys, const QList<QMenu *> &menus, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    const QList<std::pair<QKeySequence, QString>> rows = KeyboardHelp::rows(keys, menus);
    auto *table = new QTableWidget(int(rows.size()), 2, this);
    table->setHorizontalHeaderLabels({tr("Key"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0,
                       new QTableWidgetItem(rows[i].first.toString(QKeySequence::NativeText)));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);

    auto *hint = new QLabel(tr("Typing the suggested characters keeps the rest of the suggestion; "
                               "any other key or cursor move removes it. Keys can be changed in "
                               "Settings."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(560, 480);
}

} // namespace inkling

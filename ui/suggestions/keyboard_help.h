// Help > Keyboard Shortcuts: the suggestion keys as currently configured, then every
// menu command that has a shortcut, read from the menus themselves so the list never
// falls behind them.
#pragma once

#include "ui/suggestions/suggestion_settings.h"

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <utility>

class QMenu;

namespace inkling {

class KeyboardHelp : public QDialog
{
    Q_OBJECT

public:
    KeyboardHelp(const KeyBindings &keys, const QList<QMenu *> &menus, QWidget *parent = nullptr);

    // The rows shown: key, then what it does ("File › Save" for menu commands).
    static QList<std::pair<QKeySequence, QString>> rows(const KeyBindings &keys,
                                                        const QList<QMenu *> &menus);
};

} // namespace inkling

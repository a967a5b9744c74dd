// Help > Keyboard: the suggestion keys as currently configured.
#pragma once

#include "ui/suggestion_settings.h"

#include <QDialog>

namespace inkling {

class KeyboardHelp : public QDialog
{
    Q_OBJECT

public:
    KeyboardHelp(const KeyBindings &keys, QWidget *parent = nullptr);
};

} // namespace inkling

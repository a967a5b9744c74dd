// A two-column table of key and action, in the user's key notation.
#include "ui/keyboard_help.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace inkling {

KeyboardHelp::KeyboardHelp(const KeyBindings &keys, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    const QList<std::pair<QKeySequence, QString>> rows = {
        {keys.acceptAll, tr("Accept the whole suggestion (without one: indent)")},
        {keys.acceptWord, tr("Accept the next word (without one: move by word)")},
        {keys.acceptLine, tr("Accept the next line or sentence")},
        {keys.dismiss, tr("Dismiss the suggestion")},
        {keys.nextAlternative, tr("Show the next alternative (up to three)")},
        {keys.previousAlternative, tr("Show the previous alternative")},
        {keys.requestNow, tr("Suggest now")},
    };
    auto *table = new QTableWidget(int(rows.size()), 2, this);
    table->setHorizontalHeaderLabels({tr("Key"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].first.toString(QKeySequence::NativeText)));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);

    auto *hint = new QLabel(tr("Typing the suggested characters keeps the rest of the suggestion; "
                               "any other key or cursor move removes it. Keys can be changed in "
                               "Settings."), this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(560, 340);
}

} // namespace inkling

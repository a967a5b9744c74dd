// Answers the message boxes a test provokes as a user would, from a script: each box
// that pops up gets the next answer (a standard button, or a button by its text), and
// its text and informative text are recorded. A box beyond the script is rejected.
#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <utility>

class BoxAnswerer : public QObject
{
public:
    struct Answer
    {
        Answer(QMessageBox::StandardButton button)
            : standard(button)
        {}
        Answer(const QString &buttonText)
            : text(buttonText)
        {}
        QMessageBox::StandardButton standard = QMessageBox::NoButton;
        QString text; // the button's text, mnemonic included ("&Overwrite")
    };

    explicit BoxAnswerer(QList<Answer> script)
        : m_script(std::move(script))
    {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, [this] { answer(); });
        m_timer.start();
    }
    QStringList texts;            // every box's text, in order
    QStringList informativeTexts; // and its informative text

private:
    void answer()
    {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        texts << box->text();
        informativeTexts << box->informativeText();
        if (m_script.isEmpty()) {
            box->reject();
            return;
        }
        const Answer next = m_script.takeFirst();
        if (next.standard != QMessageBox::NoButton) {
            box->button(next.standard)->click();
            return;
        }
        for (QAbstractButton *button : box->buttons()) {
            if (button->text() == next.text) {
                button->click();
                return;
            }
        }
        box->reject(); // no such button: the test's checks will say so
    }

    QList<Answer> m_script;
    QTimer m_timer;
};

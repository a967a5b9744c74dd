// --screenshot: capture the main window once it is on screen, save it as PNG, quit.
#include "app/screenshot.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QPixmap>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <chrono>
#include <cstdio>

namespace inkling {

namespace {

Q_LOGGING_CATEGORY(lcScreenshot, "inkling.app.screenshot", QtInfoMsg)

using namespace std::chrono_literals;

// A window that is not exposed after this long never will be (no display server).
constexpr auto kExposeTimeout = 20s;
constexpr auto kPollInterval = 20ms;

void fail(const QString &message)
{
    std::fprintf(stderr, "inkling: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
}

} // namespace

void captureWhenShown(QWidget *window, const QString &path, const std::function<bool()> &ready)
{
    // Polling is simpler and more robust than waiting for a particular Expose or
    // Paint event, whose order differs between xcb, wayland and offscreen.
    auto *poll = new QTimer(window);
    poll->setInterval(kPollInterval);
    const QDeadlineTimer deadline(kExposeTimeout);
    QObject::connect(poll, &QTimer::timeout, window, [window, poll, path, deadline, ready] {
        const QWindow *handle = window->windowHandle();
        const bool exposed = handle && handle->isExposed();
        if ((!exposed || (ready && !ready())) && !deadline.hasExpired())
            return;
        poll->stop();
        poll->deleteLater();
        if (!exposed) {
            fail(QCoreApplication::translate("Screenshot", "The window was never shown."));
            return;
        }
        // Highlighting and layout run from queued events; let them finish first.
        QCoreApplication::processEvents();
        const QPixmap pixmap = window->grab();
        if (!pixmap.save(path, "PNG")) {
            fail(QCoreApplication::translate("Screenshot", "Cannot write the screenshot to “%1”.")
                     .arg(path));
            return;
        }
        qCInfo(lcScreenshot) << "saved" << pixmap.size() << "to" << path;
        QCoreApplication::exit(0);
    });
    poll->start();
}

} // namespace inkling

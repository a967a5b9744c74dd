// --screenshot / --dump-text: capture the main window once it is on screen, quit.
#include "app/screenshot.h"

#include "ui/documents/text_file.h"

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

// A window that is not exposed after this long never will be (no display server), and
// a suggestion that has not arrived by then is not coming.
constexpr auto kExposeTimeout = 20s;
constexpr auto kPollInterval = 20ms;

void fail(const QString &message)
{
    std::fprintf(stderr, "inkling: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
}

// Writes what the request asks for; an error message, or empty on success.
QString capture(QWidget *window, const CaptureRequest &request)
{
    if (!request.screenshotPath.isEmpty()) {
        const QPixmap pixmap = window->grab();
        if (!pixmap.save(request.screenshotPath, "PNG"))
            return QCoreApplication::translate("Screenshot", "Cannot write the screenshot to “%1”.")
                .arg(request.screenshotPath);
        qCInfo(lcScreenshot) << "saved" << pixmap.size() << "to" << request.screenshotPath;
    }
    if (!request.textPath.isEmpty()) {
        QString error;
        if (!writeTextFile(request.textPath, request.text ? request.text() : QString(), &error))
            return error;
    }
    return {};
}

} // namespace

void captureWhenShown(QWidget *window, const CaptureRequest &request)
{
    // Polling is simpler and more robust than waiting for a particular Expose or
    // Paint event, whose order differs between xcb, wayland and offscreen.
    auto *poll = new QTimer(window);
    poll->setInterval(kPollInterval);
    const QDeadlineTimer deadline(kExposeTimeout);
    QObject::connect(poll, &QTimer::timeout, window, [window, poll, request, deadline] {
        const QWindow *handle = window->windowHandle();
        const bool exposed = handle && handle->isExposed();
        const bool ready = !request.ready || request.ready();
        if ((!exposed || !ready) && !deadline.hasExpired())
            return;
        poll->stop();
        poll->deleteLater();
        if (!exposed) {
            fail(QCoreApplication::translate("Screenshot", "The window was never shown."));
            return;
        }
        if (!ready) {
            fail(request.notReadyMessage);
            return;
        }
        // Highlighting and layout run from queued events; let them finish first.
        QCoreApplication::processEvents();
        const QString error = capture(window, request);
        if (!error.isEmpty()) {
            fail(error);
            return;
        }
        QCoreApplication::exit(0);
    });
    poll->start();
}

} // namespace inkling

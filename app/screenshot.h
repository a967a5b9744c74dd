// --screenshot and --dump-text: once the main window is on screen (and, when asked, a
// suggestion has arrived), save a PNG of it and/or the document's text, then quit.
// Used for the README image, by tst_screenshot and by the desktop checks that run the
// application as an ordinary user (tests/desktop/).
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace inkling {

struct CaptureRequest
{
    QString screenshotPath;        // PNG of the window, when not empty
    QString textPath;              // the document's text as UTF-8, when not empty
    std::function<QString()> text; // the document's text at capture time
    // When given, must return true before the capture (a suggestion has finished
    // streaming). Within the same deadline; if it never does, the run fails with
    // notReadyMessage instead of capturing something else.
    std::function<bool()> ready;
    QString notReadyMessage;
};

// Waits (in the event loop) until the window is exposed and ready, lets pending paint
// and highlighting work finish, writes what the request asks for, and quits the
// application: exit code 0, or 1 with a message on stderr on failure.
void captureWhenShown(QWidget *window, const CaptureRequest &request);

} // namespace inkling

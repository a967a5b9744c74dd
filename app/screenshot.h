// --screenshot: capture the main window once it is on screen, save it as PNG, quit.
// Used for the README image and by tst_screenshot as an end-to-end smoke test.
#pragma once

#include <functional>

class QString;
class QWidget;

namespace inkling {

// Waits (in the event loop) until the window is exposed, lets pending paint and
// highlighting work finish, grabs the window and writes it to path as PNG. Then
// quits the application: exit code 0, or 1 with a message on stderr on failure.
// ready, when given, must also return true before the capture (e.g. a suggestion has
// finished streaming); it shares the same deadline.
void captureWhenShown(QWidget *window, const QString &path,
                      const std::function<bool()> &ready = {});

} // namespace inkling

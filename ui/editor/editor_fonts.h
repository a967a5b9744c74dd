// The editor's fonts: a proportional writing font for prose (Markdown, plain text, any
// document that is not code), the fixed font for code, and the measure prose is set in.
// A value the Settings dialog edits and the window applies to every editor.
#pragma once

#include <QFont>
#include <QString>

class QSettings;

namespace inkling {

struct EditorFonts
{
    QString proseFamily; // empty: the system's general font
    QString codeFamily;  // empty: the system's fixed font
    qreal proseSize = 0; // points; 0: the system's size, but at least kMinimumPointSize
    qreal codeSize = 0;
    // Prose in a centred column of about lineWidth average characters, as ghostwriter
    // does: a comfortable measure however wide the window.
    bool limitLineWidth = true;
    int lineWidth = 80;

    // Below the usual desktop default of 9–10 pt, long-form writing gets tiring.
    static constexpr qreal kMinimumPointSize = 11;
    static constexpr int kMinimumLineWidth = 20;
    static constexpr int kMaximumLineWidth = 400;

    // The fonts as chosen, at their unzoomed sizes.
    QFont proseFont() const;
    QFont codeFont() const;

    static EditorFonts load(QSettings &settings);
    void save(QSettings &settings) const;
    bool operator==(const EditorFonts &) const = default;
};

} // namespace inkling

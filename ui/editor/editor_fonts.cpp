// The writing and code fonts, resolved against the system's fonts, and their settings.
#include "ui/editor/editor_fonts.h"

#include <QFontDatabase>
#include <QSettings>

#include <algorithm>

namespace inkling {

namespace {

QFont resolved(QFontDatabase::SystemFont systemFont, const QString &family, qreal size)
{
    QFont font = QFontDatabase::systemFont(systemFont);
    if (!family.isEmpty())
        font.setFamilies({family});
    font.setPointSizeF(size > 0 ? size
                                : std::max(font.pointSizeF(), EditorFonts::kMinimumPointSize));
    return font;
}

} // namespace

QFont EditorFonts::proseFont() const
{
    return resolved(QFontDatabase::GeneralFont, proseFamily, proseSize);
}

QFont EditorFonts::codeFont() const
{
    QFont font = resolved(QFontDatabase::FixedFont, codeFamily, codeSize);
    // A family that turns out proportional still lines code up as well as it can.
    font.setFixedPitch(true);
    font.setStyleHint(QFont::Monospace);
    return font;
}

EditorFonts EditorFonts::load(QSettings &settings)
{
    const EditorFonts d;
    EditorFonts f;
    settings.beginGroup(QStringLiteral("fonts"));
    f.proseFamily = settings.value(QStringLiteral("proseFamily"), d.proseFamily).toString();
    f.codeFamily = settings.value(QStringLiteral("codeFamily"), d.codeFamily).toString();
    f.proseSize = std::max(0.0, settings.value(QStringLiteral("proseSize"), d.proseSize).toReal());
    f.codeSize = std::max(0.0, settings.value(QStringLiteral("codeSize"), d.codeSize).toReal());
    f.limitLineWidth = settings.value(QStringLiteral("limitLineWidth"), d.limitLineWidth).toBool();
    f.lineWidth = std::clamp(settings.value(QStringLiteral("lineWidth"), d.lineWidth).toInt(),
                             kMinimumLineWidth, kMaximumLineWidth);
    settings.endGroup();
    return f;
}

void EditorFonts::save(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("fonts"));
    settings.setValue(QStringLiteral("proseFamily"), proseFamily);
    settings.setValue(QStringLiteral("codeFamily"), codeFamily);
    settings.setValue(QStringLiteral("proseSize"), proseSize);
    settings.setValue(QStringLiteral("codeSize"), codeSize);
    settings.setValue(QStringLiteral("limitLineWidth"), limitLineWidth);
    settings.setValue(QStringLiteral("lineWidth"), lineWidth);
    settings.endGroup();
}

} // namespace inkling

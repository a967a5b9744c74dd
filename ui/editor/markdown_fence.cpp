// CommonMark fences: up to three spaces of indentation, then at least three backticks or
// tildes; a backtick fence's info string has no backtick; the closing fence uses the same
// character, at least as many, and nothing but spaces after it. An unclosed fence runs
// to the end of the document.
#include "ui/editor/markdown_fence.h"

namespace inkling {

namespace {

struct Fence
{
    QChar character;
    qsizetype length = 0;
    QStringView rest; // the info string (opening) or what follows (closing)
};

Fence fenceOf(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && i < 4 && line[i] == QLatin1Char(' '))
        ++i;
    if (i > 3 || i >= line.size())
        return {};
    const QChar c = line[i];
    if (c != QLatin1Char('`') && c != QLatin1Char('~'))
        return {};
    qsizetype end = i;
    while (end < line.size() && line[end] == c)
        ++end;
    if (end - i < 3)
        return {};
    return {c, end - i, line.sliced(end)};
}

} // namespace

void MarkdownFenceTracker::addLine(QStringView line)
{
    const Fence fence = fenceOf(line);
    if (fence.length == 0)
        return;
    if (m_fenceLength == 0) {
        if (fence.character == QLatin1Char('`') && fence.rest.contains(QLatin1Char('`')))
            return; // inline code such as ```a``` is not a fence
        m_fenceChar = fence.character;
        m_fenceLength = fence.length;
    } else if (fence.character == m_fenceChar && fence.length >= m_fenceLength &&
               fence.rest.trimmed().isEmpty()) {
        m_fenceLength = 0;
    }
}

bool insideFencedCode(QStringView textBefore)
{
    MarkdownFenceTracker tracker;
    qsizetype start = 0;
    for (qsizetype end = textBefore.indexOf(QLatin1Char('\n')); end >= 0;
         end = textBefore.indexOf(QLatin1Char('\n'), start)) {
        tracker.addLine(textBefore.sliced(start, end - start));
        start = end + 1;
    }
    return tracker.insideFence();
}

} // namespace inkling

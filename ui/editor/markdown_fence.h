// Fenced code blocks in Markdown (``` or ~~~, CommonMark rules), so that suggestions
// inside one are code while the prose around it stays prose. No widgets: lines in,
// state out.
#pragma once

#include <QStringView>

namespace inkling {

class MarkdownFenceTracker
{
public:
    // Feed the document's complete lines in order.
    void addLine(QStringView line);
    // True when the lines so far opened a fence that is not closed yet.
    bool insideFence() const { return m_fenceLength > 0; }

private:
    QChar m_fenceChar;
    qsizetype m_fenceLength = 0; // 0: not in a fence
};

// Whether a cursor after textBefore is inside a fenced code block. Only the lines before
// the cursor's line count: the line being typed may be the opening fence's info string.
bool insideFencedCode(QStringView textBefore);

} // namespace inkling

// The gutter left of the editor that shows line numbers.
#include "ui/editor/line_number_area.h"

#include "ui/editor/editor.h"

namespace inkling {

LineNumberArea::LineNumberArea(Editor *editor)
    : QWidget(editor)
    , m_editor(editor)
{}

QSize LineNumberArea::sizeHint() const
{
    return {m_editor->lineNumberAreaWidth(), 0};
}

void LineNumberArea::paintEvent(QPaintEvent *event)
{
    m_editor->paintLineNumberArea(event);
}

} // namespace inkling

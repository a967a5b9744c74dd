// The gutter left of the editor that shows line numbers; the Editor paints it.
#pragma once

#include <QWidget>

namespace inkling {

class Editor;

class LineNumberArea : public QWidget
{
    Q_OBJECT

public:
    explicit LineNumberArea(Editor *editor);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Editor *m_editor;
};

} // namespace inkling

#pragma once

#include <QHash>
#include <QPlainTextEdit>

namespace mlops {

// Read-only source view with a line-number gutter in which lines carrying validation findings get a severity mark;
// the marked lines are tinted and explain themselves in a tooltip.
class CodeEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    struct LineMark {
        QString severity;
        QStringList messages;
    };

    explicit CodeEditor(QWidget* parent = nullptr);

    // Marks, keyed by 1-based line number. Lines past the end are ignored.
    void setLineMarks(const QHash<int, LineMark>& marks);
    const QHash<int, LineMark>& lineMarks() const { return m_marks; }
    void goToLine(int line);
    int gutterWidth() const;
    void paintGutter(QPaintEvent* event);

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);
    void applyMarks();

    QWidget* m_gutter;
    QHash<int, LineMark> m_marks;
};

} // namespace mlops

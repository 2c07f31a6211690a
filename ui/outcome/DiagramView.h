#pragma once

#include <QByteArray>
#include <QWidget>

class QSvgRenderer;

namespace mlops {

// Shows an SVG drawing scaled to fit, keeping its aspect ratio (QSvgWidget would stretch it).
class DiagramView : public QWidget {
    Q_OBJECT
public:
    explicit DiagramView(QWidget* parent = nullptr);

    // Returns false (and shows `fallbackText`) when the SVG cannot be parsed or is empty.
    bool setSvg(const QByteArray& svg);
    void setMessage(const QString& text);
    bool hasDiagram() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QSvgRenderer* m_renderer;
    QString m_message;
};

} // namespace mlops

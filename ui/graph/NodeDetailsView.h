#pragma once

#include <QTextBrowser>

namespace mlops::ui {

class NodeActivity;

// The selected node in words: state, runs, timings, error, and its reason cards with inputs and outputs.
class NodeDetailsView : public QTextBrowser {
    Q_OBJECT
public:
    explicit NodeDetailsView(QWidget* parent = nullptr);
    void showNode(const QString& name, const NodeActivity& activity);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate(); // the texts set at construction, again in the current language
};

} // namespace mlops::ui

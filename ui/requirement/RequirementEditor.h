#pragma once

#include <QJsonObject>
#include <QPlainTextEdit>

namespace mlops::ui {

// The requirement text. Highlights the evidence of the selected reason card: each quoted span the agent
// based a field on is marked where it occurs in the text, and the first one is scrolled into view.
class RequirementEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit RequirementEditor(QWidget* parent = nullptr);

    // {field: quoted span}; returns how many spans were found in the text.
    int highlightEvidence(const QJsonObject& evidence);
    int highlightCount() const { return int(extraSelections().size()); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate(); // the texts set at construction, again in the current language
};

} // namespace mlops::ui

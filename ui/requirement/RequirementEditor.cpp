#include "requirement/RequirementEditor.h"

#include "StateColors.h"

#include <QEvent>
#include <QTextBlock>

namespace mlops::ui {

RequirementEditor::RequirementEditor(QWidget* parent)
    : QPlainTextEdit(parent) {
    setTabChangesFocus(true);
    retranslate();
    connect(this, &QPlainTextEdit::textChanged, this, [this] { setExtraSelections({}); });
}

void RequirementEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QPlainTextEdit::changeEvent(event);
}

void RequirementEditor::retranslate() {
    setPlaceholderText(tr("Describe the ML system you need: workload, data, latency, budget, cloud, compliance…"));
    setAccessibleName(tr("Requirement"));
}

int RequirementEditor::highlightEvidence(const QJsonObject& evidence) {
    QList<QTextEdit::ExtraSelection> marks;
    QColor wash = StateColors::waiting();
    wash.setAlphaF(0.35f); // translucent over the base colour: readable on light and dark palettes
    int firstPos = -1;
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        const QString span = it.value().toString().trimmed();
        if (span.isEmpty())
            continue;
        const QTextCursor found = document()->find(span); // case-insensitive: quotes may differ in case
        if (found.isNull())
            continue;
        QTextEdit::ExtraSelection sel;
        sel.cursor = found;
        sel.format.setBackground(wash);
        sel.format.setToolTip(it.key());
        marks.append(sel);
        if (firstPos < 0 || found.selectionStart() < firstPos)
            firstPos = found.selectionStart();
    }
    setExtraSelections(marks);
    if (firstPos >= 0) {
        QTextCursor c(document());
        c.setPosition(firstPos);
        setTextCursor(c);
        ensureCursorVisible();
    }
    return int(marks.size());
}

} // namespace mlops::ui

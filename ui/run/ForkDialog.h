#pragma once

#include "storage/Records.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QLabel;
class QListWidget;
class QTableWidget;

namespace mlops {

class Studio;

namespace ui {

// Time travel: pick a checkpoint of a decision set and optionally edit the answers (or take the edited
// requirement text); the result feeds Studio::fork as a new version.
class ForkDialog : public QDialog {
    Q_OBJECT
public:
    ForkDialog(Studio& studio, const QString& decisionSetId, const QString& editedPrompt, QWidget* parent = nullptr);

    int selectedStep() const;
    QJsonObject edits() const;
    int checkpointCount() const;
    void selectStep(int step);
    // Sets (or adds) an edited answer; tests and keyboard users.
    void setAnswer(const QString& questionId, const QString& text);

private:
    void showCheckpoint();

    QList<CheckpointRecord> m_checkpoints;
    QString m_sourcePrompt;
    QString m_editedPrompt;
    QListWidget* m_list;
    QTableWidget* m_answers;
    QCheckBox* m_usePrompt;
    QLabel* m_hint;
    QJsonObject m_originalAnswers;
};

} // namespace ui
} // namespace mlops

#pragma once

#include "StudioPreferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mlops {

class Studio;

// Preferences: LLM provider (provider, URL, model, API key), auto-approval (timeout, confidence threshold,
// critical decisions), data folder and language. OK stores them and switches the language at once; a new data
// folder takes effect at the next start.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(Studio& studio, QWidget* parent = nullptr);

    StudioPreferences preferences() const;
    void setPreferences(const StudioPreferences& preferences);
    // Stores the dialog's values and applies the language (what OK does).
    void apply();

    QComboBox* providerBox() const { return m_provider; }
    QComboBox* languageBox() const { return m_language; }
    QLineEdit* keyEdit() const { return m_key; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateProviderFields();
    void chooseDataFolder();

    Studio& m_studio;
    QGroupBox* m_llmGroup;
    QGroupBox* m_approvalGroup;
    QGroupBox* m_generalGroup;
    QLabel* m_providerLabel;
    QLabel* m_urlLabel;
    QLabel* m_modelLabel;
    QLabel* m_keyLabel;
    QLabel* m_timeoutLabel;
    QLabel* m_thresholdLabel;
    QLabel* m_dataLabel;
    QLabel* m_languageLabel;
    QLabel* m_restartNote;
    QComboBox* m_provider;
    QLineEdit* m_url;
    QLineEdit* m_model;
    QLineEdit* m_key;
    QSpinBox* m_timeout;
    QDoubleSpinBox* m_threshold;
    QCheckBox* m_allowCritical;
    QLineEdit* m_dataFolder;
    QPushButton* m_browse;
    QComboBox* m_language;
    QDialogButtonBox* m_buttons;
};

} // namespace mlops

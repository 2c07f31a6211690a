#include "SettingsDialog.h"

#include "Studio.h"
#include "UiLanguage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mlops {

SettingsDialog::SettingsDialog(Studio& studio, QWidget* parent)
    : QDialog(parent)
    , m_studio(studio)
    , m_llmGroup(new QGroupBox(this))
    , m_approvalGroup(new QGroupBox(this))
    , m_generalGroup(new QGroupBox(this))
    , m_providerLabel(new QLabel(this))
    , m_urlLabel(new QLabel(this))
    , m_modelLabel(new QLabel(this))
    , m_keyLabel(new QLabel(this))
    , m_timeoutLabel(new QLabel(this))
    , m_thresholdLabel(new QLabel(this))
    , m_dataLabel(new QLabel(this))
    , m_languageLabel(new QLabel(this))
    , m_restartNote(new QLabel(this))
    , m_provider(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_model(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_threshold(new QDoubleSpinBox(this))
    , m_allowCritical(new QCheckBox(this))
    , m_dataFolder(new QLineEdit(this))
    , m_browse(new QPushButton(this))
    , m_language(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    m_provider->addItem(QString(), QStringLiteral("none"));
    m_provider->addItem(QString(), QStringLiteral("openai"));
    m_provider->addItem(QString(), QStringLiteral("anthropic"));
    m_key->setEchoMode(QLineEdit::Password);
    m_timeout->setRange(10, 7 * 24 * 3600);
    m_threshold->setRange(0.0, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    for (const QString& code : UiLanguage::available())
        m_language->addItem(UiLanguage::nativeName(code), code);
    m_restartNote->setWordWrap(true);
    m_restartNote->setForegroundRole(QPalette::PlaceholderText);

    auto* llm = new QFormLayout(m_llmGroup);
    llm->addRow(m_providerLabel, m_provider);
    llm->addRow(m_urlLabel, m_url);
    llm->addRow(m_modelLabel, m_model);
    llm->addRow(m_keyLabel, m_key);
    auto* approval = new QFormLayout(m_approvalGroup);
    approval->addRow(m_timeoutLabel, m_timeout);
    approval->addRow(m_thresholdLabel, m_threshold);
    approval->addRow(m_allowCritical);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_dataFolder, 1);
    folderRow->addWidget(m_browse);
    auto* general = new QFormLayout(m_generalGroup);
    general->addRow(m_dataLabel, folderRow);
    general->addRow(QString(), m_restartNote);
    general->addRow(m_languageLabel, m_language);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_llmGroup);
    layout->addWidget(m_approvalGroup);
    layout->addWidget(m_generalGroup);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_provider, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateProviderFields);
    connect(m_browse, &QPushButton::clicked, this, &SettingsDialog::chooseDataFolder);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setPreferences(StudioPreferences::load());
    retranslate();
    resize(660, sizeHint().height());
}

StudioPreferences SettingsDialog::preferences() const {
    StudioPreferences p;
    p.llmProvider = m_provider->currentData().toString();
    p.llmUrl = m_url->text().trimmed();
    p.llmModel = m_model->text().trimmed();
    p.llmApiKey = m_key->text().trimmed();
    p.autoApproveTimeoutSec = m_timeout->value();
    p.confidenceThreshold = m_threshold->value();
    p.allowCriticalDecisions = m_allowCritical->isChecked();
    p.dataFolder = m_dataFolder->text().trimmed();
    p.language = m_language->currentData().toString();
    return p;
}

void SettingsDialog::setPreferences(const StudioPreferences& p) {
    const int provider = m_provider->findData(p.llmProvider);
    m_provider->setCurrentIndex(provider < 0 ? 0 : provider);
    m_url->setText(p.llmUrl);
    m_model->setText(p.llmModel);
    m_key->setText(p.llmApiKey);
    m_timeout->setValue(p.autoApproveTimeoutSec);
    m_threshold->setValue(p.confidenceThreshold);
    m_allowCritical->setChecked(p.allowCriticalDecisions);
    m_dataFolder->setText(p.dataFolder);
    // Nothing chosen yet: show the language the window is in (the system's, or English).
    const int language = m_language->findData(p.language.isEmpty() ? UiLanguage::current() : p.effectiveLanguage());
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    updateProviderFields();
}

void SettingsDialog::apply() {
    const StudioPreferences p = preferences();
    p.save();
    if (p.language != UiLanguage::current())
        UiLanguage::apply(p.language);
}

void SettingsDialog::updateProviderFields() {
    const bool enabled = m_provider->currentData().toString() != QLatin1String("none");
    m_url->setEnabled(enabled);
    m_model->setEnabled(enabled);
    m_key->setEnabled(enabled);
}

void SettingsDialog::chooseDataFolder() {
    const QString start = m_dataFolder->text().isEmpty() ? m_studio.dataDir() : m_dataFolder->text();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Data folder"), start);
    if (!folder.isEmpty())
        m_dataFolder->setText(QDir::toNativeSeparators(folder));
}

void SettingsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate() {
    setWindowTitle(tr("Settings"));
    m_llmGroup->setTitle(tr("Language model"));
    m_approvalGroup->setTitle(tr("Auto-approval of questions"));
    m_generalGroup->setTitle(tr("General"));
    m_providerLabel->setText(tr("&Provider:"));
    m_providerLabel->setBuddy(m_provider);
    m_provider->setItemText(0, tr("None (offline rules only)"));
    m_provider->setItemText(1, tr("OpenAI-compatible (OpenAI, Ollama, vLLM, llama.cpp)"));
    m_provider->setItemText(2, tr("Anthropic"));
    m_urlLabel->setText(tr("Base &URL:"));
    m_urlLabel->setBuddy(m_url);
    m_url->setPlaceholderText(tr("empty: the provider's public endpoint, e.g. http://localhost:11434 for Ollama"));
    m_modelLabel->setText(tr("&Model:"));
    m_modelLabel->setBuddy(m_model);
    m_keyLabel->setText(tr("API &key:"));
    m_keyLabel->setBuddy(m_key);
    m_key->setPlaceholderText(tr("stored in your settings only; environment variables take precedence"));
    m_timeoutLabel->setText(tr("&Timeout:"));
    m_timeoutLabel->setBuddy(m_timeout);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("Questions left unanswered this long take their smart defaults"));
    m_thresholdLabel->setText(tr("Confidence &threshold:"));
    m_thresholdLabel->setBuddy(m_threshold);
    m_threshold->setToolTip(tr("Only defaults at least this confident are approved automatically"));
    m_allowCritical->setText(tr("Also auto-approve &critical decisions"));
    m_dataLabel->setText(tr("&Data folder:"));
    m_dataLabel->setBuddy(m_dataFolder);
    m_dataFolder->setPlaceholderText(QDir::toNativeSeparators(Studio::defaultDataDir()));
    m_browse->setText(tr("&Browse…"));
    m_restartNote->setText(tr("A new data folder is used from the next start (now: %1).")
                               .arg(QDir::toNativeSeparators(m_studio.dataDir())));
    m_languageLabel->setText(tr("&Language:"));
    m_languageLabel->setBuddy(m_language);
}

} // namespace mlops

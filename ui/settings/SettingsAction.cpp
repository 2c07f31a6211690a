#include "SettingsAction.h"

#include "SettingsDialog.h"

#include <QEvent>
#include <QWidget>

namespace mlops {

SettingsAction::SettingsAction(Studio& studio, QWidget* window)
    : QAction(window)
    , m_studio(studio)
    , m_window(window) {
    setShortcut(QKeySequence::Preferences);
    setMenuRole(QAction::PreferencesRole);
    window->installEventFilter(this);
    connect(this, &QAction::triggered, this, &SettingsAction::openDialog);
    retranslate();
}

bool SettingsAction::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QAction::eventFilter(watched, event);
}

void SettingsAction::retranslate() {
    setText(tr("&Settings…"));
    setToolTip(tr("Language model, auto-approval, data folder and language"));
}

void SettingsAction::openDialog() {
    // One dialog at a time; open() returns at once, so the run views keep updating behind it.
    if (!m_dialog) {
        m_dialog = new SettingsDialog(m_studio, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->open();
    m_dialog->raise();
}

} // namespace mlops

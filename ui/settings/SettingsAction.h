#pragma once

#include "SettingsDialog.h"

#include <QAction>
#include <QPointer>

namespace mlops {

class Studio;

// "Settings…" for a window's menu: opens the settings dialog (window-modal, without blocking the event loop) and
// keeps its own text in the current language. QAction gets no LanguageChange event, so it listens on its window.
class SettingsAction : public QAction {
    Q_OBJECT
public:
    SettingsAction(Studio& studio, QWidget* window);

    SettingsDialog* dialog() const { return m_dialog; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void openDialog();

    Studio& m_studio;
    QWidget* m_window;
    QPointer<SettingsDialog> m_dialog;
};

} // namespace mlops

#pragma once

#include <QMainWindow>

namespace mlops {

class Studio;

// The main window. For now: the project list and a requirement editor; the live views come next.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Studio& studio, QWidget* parent = nullptr);

private:
    Studio& m_studio;
};

} // namespace mlops

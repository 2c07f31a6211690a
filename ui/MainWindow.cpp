#include "MainWindow.h"

#include "Studio.h"

#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>

namespace mlops {

MainWindow::MainWindow(Studio& studio, QWidget* parent)
    : QMainWindow(parent)
    , m_studio(studio)
{
    setWindowTitle(tr("Agentic MLOps Studio"));
    auto* splitter = new QSplitter(this);
    auto* projects = new QListWidget(splitter);
    for (const ProjectRecord& p : m_studio.projects())
        projects->addItem(p.name);
    auto* editor = new QPlainTextEdit(splitter);
    editor->setPlaceholderText(tr("Describe the ML system you need…"));
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);
    resize(1200, 800);
}

} // namespace mlops

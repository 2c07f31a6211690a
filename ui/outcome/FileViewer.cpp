#include "FileViewer.h"

#include "CodeHighlighter.h"

#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mlops {

namespace {
// Generated files are small; anything larger is not source the user wants to read here.
constexpr qint64 MaxViewBytes = 2 * 1024 * 1024;

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128;
}
} // namespace

FileViewer::FileViewer(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_rendered(new QCheckBox(this))
    , m_stack(new QStackedWidget(this))
    , m_editor(new CodeEditor(this))
    , m_markdown(new QTextBrowser(this))
    , m_highlighter(new CodeHighlighter(m_editor->document())) {
    m_title->setTextFormat(Qt::PlainText);
    m_markdown->setOpenExternalLinks(true);
    m_stack->addWidget(m_editor);
    m_stack->addWidget(m_markdown);
    m_rendered->setChecked(true);
    m_rendered->hide();
    m_highlighter->setDark(isDark(palette()));
    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_rendered);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    connect(m_rendered, &QCheckBox::toggled, this, &FileViewer::showRendered);
    retranslate();
}

bool FileViewer::openFile(const QString& absolutePath, const QString& displayPath,
                          const QHash<int, CodeEditor::LineMark>& marks) {
    m_displayPath = displayPath;
    m_problem.clear();
    QFile file(absolutePath);
    QByteArray data;
    if (QFileInfo(absolutePath).size() > MaxViewBytes)
        m_problem = tr("%1 is too large to show here.").arg(displayPath);
    else if (!file.open(QIODevice::ReadOnly))
        m_problem = tr("%1 cannot be read: %2").arg(displayPath, file.errorString());
    else
        data = file.readAll();
    if (m_problem.isEmpty() && data.contains('\0'))
        m_problem = tr("%1 is a binary file.").arg(displayPath);
    const auto language = CodeHighlighter::languageForFile(displayPath);
    if (!m_problem.isEmpty()) {
        m_highlighter->setLanguage(CodeHighlighter::Language::Plain);
        m_editor->setLineMarks({});
        m_editor->setPlainText(m_problem);
        m_rendered->hide();
        showRendered(false);
        retranslate();
        return false;
    }
    const QString text = QString::fromUtf8(data);
    m_highlighter->setLanguage(language);
    m_editor->setPlainText(text);
    m_editor->setLineMarks(marks);
    const bool markdown = language == CodeHighlighter::Language::Markdown;
    if (markdown) {
        m_markdown->document()->setBaseUrl(
            QUrl::fromLocalFile(QFileInfo(absolutePath).absolutePath() + QLatin1Char('/')));
        m_markdown->setMarkdown(text);
    }
    m_rendered->setVisible(markdown);
    showRendered(markdown && m_rendered->isChecked());
    retranslate();
    return true;
}

void FileViewer::clear() {
    m_displayPath.clear();
    m_problem.clear();
    m_editor->setLineMarks({});
    m_editor->clear();
    m_rendered->hide();
    showRendered(false);
    retranslate();
}

bool FileViewer::isRenderedMarkdown() const {
    return m_stack->currentWidget() == m_markdown;
}

void FileViewer::showRendered(bool rendered) {
    m_stack->setCurrentWidget(rendered && !m_rendered->isHidden() ? static_cast<QWidget*>(m_markdown) : m_editor);
}

void FileViewer::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        m_highlighter->setDark(isDark(palette()));
    QWidget::changeEvent(event);
}

void FileViewer::retranslate() {
    m_rendered->setText(tr("Rendered"));
    m_rendered->setToolTip(tr("Show Markdown rendered or as source"));
    if (m_displayPath.isEmpty()) {
        m_title->setText(tr("Select a file in the tree."));
        return;
    }
    const int marks = int(m_editor->lineMarks().size());
    m_title->setText(marks > 0 ? tr("%1 — %n line(s) with validation findings", nullptr, marks).arg(m_displayPath)
                               : m_displayPath);
}

} // namespace mlops

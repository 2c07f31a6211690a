#pragma once

#include "CodeEditor.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QStackedWidget;
class QTextBrowser;

namespace mlops {

class CodeHighlighter;

// One file of the generated repository: highlighted source with validation marks, or Markdown rendered.
class FileViewer : public QWidget {
    Q_OBJECT
public:
    explicit FileViewer(QWidget* parent = nullptr);

    // Returns false (and shows why) for an unreadable, binary or oversized file.
    bool openFile(const QString& absolutePath, const QString& displayPath,
                  const QHash<int, CodeEditor::LineMark>& marks);
    void clear();
    QString currentPath() const { return m_displayPath; }
    CodeEditor* editor() const { return m_editor; }
    CodeHighlighter* highlighter() const { return m_highlighter; }
    bool isRenderedMarkdown() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showRendered(bool rendered);

    QLabel* m_title;
    QCheckBox* m_rendered;
    QStackedWidget* m_stack;
    CodeEditor* m_editor;
    QTextBrowser* m_markdown;
    CodeHighlighter* m_highlighter;
    QString m_displayPath;
    QString m_problem;
};

} // namespace mlops

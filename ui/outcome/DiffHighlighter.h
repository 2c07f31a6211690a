#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace mlops {

// Colours a unified diff: additions green, removals red, hunk headers and file headers set apart.
class DiffHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit DiffHighlighter(QTextDocument* document);
    void setDark(bool dark);

    enum class LineKind { Context, Added, Removed, Hunk, FileHeader };
    static LineKind classify(const QString& line);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_added, m_removed, m_hunk, m_header;
};

} // namespace mlops

#include "DiffHighlighter.h"

namespace mlops {

DiffHighlighter::DiffHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document) {
    setDark(false);
}

void DiffHighlighter::setDark(bool dark) {
    m_added = {};
    m_added.setForeground(dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x11, 0x63, 0x29));
    m_added.setBackground(dark ? QColor(0x1b, 0x3a, 0x24) : QColor(0xe6, 0xff, 0xec));
    m_removed = {};
    m_removed.setForeground(dark ? QColor(0xff, 0xa1, 0x98) : QColor(0x82, 0x07, 0x1e));
    m_removed.setBackground(dark ? QColor(0x45, 0x1c, 0x1f) : QColor(0xff, 0xeb, 0xe9));
    m_hunk = {};
    m_hunk.setForeground(dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae));
    m_header = {};
    m_header.setFontWeight(QFont::Bold);
    rehighlight();
}

DiffHighlighter::LineKind DiffHighlighter::classify(const QString& line) {
    if (line.startsWith(QLatin1String("+++")) || line.startsWith(QLatin1String("---")) ||
        line.startsWith(QLatin1String("diff ")) || line.startsWith(QLatin1String("index ")))
        return LineKind::FileHeader;
    if (line.startsWith(QLatin1String("@@")))
        return LineKind::Hunk;
    if (line.startsWith(QLatin1Char('+')))
        return LineKind::Added;
    if (line.startsWith(QLatin1Char('-')))
        return LineKind::Removed;
    return LineKind::Context;
}

void DiffHighlighter::highlightBlock(const QString& text) {
    switch (classify(text)) {
    case LineKind::Added:
        setFormat(0, int(text.size()), m_added);
        break;
    case LineKind::Removed:
        setFormat(0, int(text.size()), m_removed);
        break;
    case LineKind::Hunk:
        setFormat(0, int(text.size()), m_hunk);
        break;
    case LineKind::FileHeader:
        setFormat(0, int(text.size()), m_header);
        break;
    case LineKind::Context:
        break;
    }
}

} // namespace mlops

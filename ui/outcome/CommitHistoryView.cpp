#include "CommitHistoryView.h"

#include "DiffHighlighter.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace mlops {

namespace {
enum Column { ShaColumn, SummaryColumn, TimeColumn, ColumnCount };

struct DiffResult {
    QString text;
    QString error;
};
struct LogResult {
    QList<RepositoryVersion> versions;
    QString error;
};
} // namespace

CommitHistoryView::CommitHistoryView(QWidget* parent)
    : QWidget(parent)
    , m_commits(new QTreeWidget(this))
    , m_fromLabel(new QLabel(this))
    , m_toLabel(new QLabel(this))
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_diff(new QPlainTextEdit(this))
    , m_highlighter(new DiffHighlighter(m_diff->document()))
    , m_status(new QLabel(this)) {
    m_commits->setColumnCount(ColumnCount);
    m_commits->setRootIsDecorated(false);
    m_commits->header()->setSectionResizeMode(SummaryColumn, QHeaderView::Stretch);
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter->setDark(palette().color(QPalette::Base).lightness() < 128);
    m_status->setTextFormat(Qt::PlainText);
    m_from->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_to->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_from->setMinimumContentsLength(24);
    m_to->setMinimumContentsLength(24);

    auto* pick = new QHBoxLayout;
    pick->addWidget(m_fromLabel);
    pick->addWidget(m_from, 1);
    pick->addWidget(m_toLabel);
    pick->addWidget(m_to, 1);
    auto* diffPane = new QWidget(this);
    auto* diffLayout = new QVBoxLayout(diffPane);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addLayout(pick);
    diffLayout->addWidget(m_diff, 1);
    diffLayout->addWidget(m_status);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_commits);
    split->addWidget(diffPane);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_from, &QComboBox::activated, this, &CommitHistoryView::diffFromCombos);
    connect(m_to, &QComboBox::activated, this, &CommitHistoryView::diffFromCombos);
    // Selecting a commit shows what it changed against its predecessor.
    connect(m_commits, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!item)
            return;
        const int row = m_commits->indexOfTopLevelItem(item);
        if (row + 1 < m_versions.size())
            showDiff(m_versions.at(row + 1).sha, m_versions.at(row).sha);
    });
    retranslate();
}

void CommitHistoryView::setHistory(std::shared_ptr<const VersionHistory> history) {
    m_history = std::move(history);
    m_versions.clear();
    m_commits->clear();
    m_diff->clear();
    fillCombos();
    const quint64 generation = ++m_generation;
    if (!m_history) {
        retranslate();
        return;
    }
    m_status->setText(tr("Reading the history…"));
    auto* watcher = new QFutureWatcher<LogResult>(this);
    connect(watcher, &QFutureWatcher<LogResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const LogResult r = watcher->result();
        m_versions = r.versions;
        const QLocale locale;
        for (const RepositoryVersion& v : std::as_const(m_versions)) {
            auto* item = new QTreeWidgetItem(m_commits);
            item->setText(ShaColumn, v.sha.left(8));
            item->setText(SummaryColumn, v.summary);
            item->setToolTip(SummaryColumn, v.summary);
            item->setText(TimeColumn, locale.toString(v.time.toLocalTime(), QLocale::ShortFormat));
        }
        m_commits->resizeColumnToContents(ShaColumn);
        m_commits->resizeColumnToContents(TimeColumn);
        fillCombos();
        m_status->setText(r.error.isEmpty() ? tr("%n version(s)", nullptr, int(m_versions.size()))
                                            : tr("No history: %1").arg(r.error));
        emit historyLoaded(int(m_versions.size()));
        if (m_versions.size() >= 2)
            showDiff(m_versions.at(1).sha, m_versions.at(0).sha);
    });
    std::shared_ptr<const VersionHistory> source = m_history;
    watcher->setFuture(QtConcurrent::run([source] {
        LogResult r;
        r.versions = source->log(&r.error);
        return r;
    }));
}

void CommitHistoryView::fillCombos() {
    m_from->clear();
    m_to->clear();
    for (const RepositoryVersion& v : std::as_const(m_versions)) {
        const QString label = v.sha.left(8) + QLatin1String("  ") + v.summary;
        m_from->addItem(label, v.sha);
        m_to->addItem(label, v.sha);
    }
    m_from->setEnabled(m_versions.size() >= 2);
    m_to->setEnabled(m_versions.size() >= 2);
}

void CommitHistoryView::diffFromCombos() {
    const QString from = m_from->currentData().toString();
    const QString to = m_to->currentData().toString();
    if (!from.isEmpty() && !to.isEmpty())
        showDiff(from, to);
}

void CommitHistoryView::showDiff(const QString& fromSha, const QString& toSha) {
    if (!m_history)
        return;
    m_from->setCurrentIndex(m_from->findData(fromSha));
    m_to->setCurrentIndex(m_to->findData(toSha));
    const quint64 generation = ++m_generation;
    auto* watcher = new QFutureWatcher<DiffResult>(this);
    connect(watcher, &QFutureWatcher<DiffResult>::finished, this, [this, watcher, generation, fromSha, toSha] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const DiffResult r = watcher->result();
        if (!r.error.isEmpty()) {
            m_diff->clear();
            m_status->setText(tr("The diff could not be computed: %1").arg(r.error));
            return;
        }
        m_diff->setPlainText(r.text.isEmpty() ? tr("The two versions are identical.") : r.text);
        int added = 0;
        int removed = 0;
        for (const QString& line : r.text.split(QLatin1Char('\n'))) {
            const auto kind = DiffHighlighter::classify(line);
            added += kind == DiffHighlighter::LineKind::Added ? 1 : 0;
            removed += kind == DiffHighlighter::LineKind::Removed ? 1 : 0;
        }
        m_status->setText(
            tr("%1 → %2: %3 line(s) added, %4 removed").arg(fromSha.left(8), toSha.left(8)).arg(added).arg(removed));
        emit diffShown(fromSha, toSha);
    });
    std::shared_ptr<const VersionHistory> source = m_history;
    watcher->setFuture(QtConcurrent::run([source, fromSha, toSha] {
        DiffResult r;
        r.text = source->diff(fromSha, toSha, &r.error);
        return r;
    }));
}

QString CommitHistoryView::diffText() const {
    return m_diff->toPlainText();
}

void CommitHistoryView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        m_highlighter->setDark(palette().color(QPalette::Base).lightness() < 128);
    QWidget::changeEvent(event);
}

void CommitHistoryView::retranslate() {
    m_commits->setHeaderLabels({tr("Commit"), tr("Message"), tr("Date")});
    m_fromLabel->setText(tr("From:"));
    m_toLabel->setText(tr("To:"));
    if (!m_history)
        m_status->setText(tr("No repository yet."));
}

} // namespace mlops

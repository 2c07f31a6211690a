#include "RepositoryView.h"

#include "CommitHistoryView.h"
#include "FileViewer.h"
#include "GitFolderFilter.h"
#include "SeverityStyle.h"

#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace mlops {

namespace {
enum FindingColumn { FindingSeverity, FindingLocation, FindingMessage, FindingValidator };
constexpr int FileRole = Qt::UserRole + 1;
constexpr int LineRole = Qt::UserRole + 2;
} // namespace

RepositoryView::RepositoryView(QWidget* parent)
    : QWidget(parent)
    , m_rootLabel(new QLabel(this))
    , m_openFolder(new QPushButton(this))
    , m_export(new QToolButton(this))
    , m_tree(new QTreeView(this))
    , m_model(new QFileSystemModel(this))
    , m_tabs(new QTabWidget(this))
    , m_viewer(new FileViewer(this))
    , m_history(new CommitHistoryView(this))
    , m_findings(new QTreeWidget(this)) {
    m_rootLabel->setTextFormat(Qt::PlainText);
    m_rootLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(m_export);
    menu->addAction(QString(), this, [this] { chooseExportTarget(VersionHistory::ExportKind::Clone); });
    menu->addAction(QString(), this, [this] { chooseExportTarget(VersionHistory::ExportKind::Zip); });
    menu->addAction(QString(), this, [this] { chooseExportTarget(VersionHistory::ExportKind::Bundle); });
    m_export->setMenu(menu);

    m_model->setReadOnly(true);
    m_model->setFilter(QDir::AllDirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden);
    auto* filter = new GitFolderFilter(this);
    filter->setSourceModel(m_model);
    m_tree->setModel(filter);
    for (int c = 1; c < m_model->columnCount(); ++c)
        m_tree->hideColumn(c);
    m_tree->header()->hide();
    m_findings->setColumnCount(4);
    m_findings->setRootIsDecorated(false);
    m_findings->header()->setSectionResizeMode(FindingMessage, QHeaderView::Stretch);

    m_tabs->addTab(m_viewer, QString());
    m_tabs->addTab(m_history, QString());
    // Findings go under the viewer, full width: their messages are long, the tree is narrow.
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_tabs);
    right->addWidget(m_findings);
    right->setStretchFactor(0, 4);
    right->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tree);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setSizes({250, 1000}); // wide enough for infra/terraform/container_registry.tf without eliding
    auto* top = new QHBoxLayout;
    top->addWidget(m_rootLabel, 1);
    top->addWidget(m_openFolder);
    top->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    const auto openIndex = [this, filter](const QModelIndex& proxyIndex) {
        const QModelIndex index = filter->mapToSource(proxyIndex);
        if (index.isValid() && !m_model->isDir(index))
            openFile(QDir(m_root).relativeFilePath(m_model->filePath(index)));
    };
    connect(m_tree, &QTreeView::activated, this, openIndex);
    connect(m_tree, &QTreeView::clicked, this, openIndex);
    connect(m_findings, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        openFile(item->data(0, FileRole).toString(), item->data(0, LineRole).toInt());
    });
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_root)); });
    retranslate();
}

QSortFilterProxyModel* RepositoryView::proxy() const {
    return static_cast<QSortFilterProxyModel*>(m_tree->model());
}

void RepositoryView::setHistoryFactory(HistoryFactory factory) {
    m_historyFactory = std::move(factory);
}

void RepositoryView::setState(const QJsonObject& state) {
    const QString root = state.value(QLatin1String("artifacts")).toObject().value(QLatin1String("root")).toString();
    m_root = !root.isEmpty() && QFileInfo(root).isDir() ? QFileInfo(root).absoluteFilePath() : QString();
    m_validation = state.value(QLatin1String("validation")).toObject();
    m_marks.clear();
    for (const QJsonValue& v : m_validation.value(QLatin1String("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString file = QDir::cleanPath(f.value(QLatin1String("file")).toString());
        const int line = f.value(QLatin1String("line")).toInt();
        if (file.isEmpty() || line <= 0)
            continue;
        CodeEditor::LineMark& mark = m_marks[file][line];
        const QString severity = f.value(QLatin1String("severity")).toString();
        if (mark.severity.isEmpty() || SeverityStyle::rank(severity) < SeverityStyle::rank(mark.severity))
            mark.severity = severity;
        mark.messages.append(f.value(QLatin1String("validator")).toString() + QLatin1String(": ") +
                             f.value(QLatin1String("message")).toString());
    }
    fillFindings();
    m_viewer->clear();
    if (m_root.isEmpty()) {
        m_tree->setRootIndex(proxy()->mapFromSource(m_model->setRootPath(QString())));
        m_tree->setEnabled(false);
        m_versionHistory.reset();
        m_history->setHistory(nullptr);
    } else {
        m_tree->setEnabled(true);
        m_tree->setRootIndex(proxy()->mapFromSource(m_model->setRootPath(m_root)));
        m_versionHistory = m_historyFactory ? m_historyFactory(m_root) : nullptr;
        m_history->setHistory(m_versionHistory);
    }
    m_openFolder->setEnabled(!m_root.isEmpty());
    m_export->setEnabled(m_versionHistory != nullptr);
    retranslate();
}

QHash<int, CodeEditor::LineMark> RepositoryView::marksFor(const QString& relativePath) const {
    return m_marks.value(QDir::cleanPath(relativePath));
}

bool RepositoryView::openFile(const QString& relativePath, int line) {
    if (m_root.isEmpty())
        return false;
    const QString clean = QDir::cleanPath(relativePath);
    const QString absolute = QDir(m_root).absoluteFilePath(clean);
    // Only files inside the repository: a finding's path comes from generated data.
    if (clean.startsWith(QLatin1String("..")) || QDir::isAbsolutePath(clean) || !QFileInfo(absolute).isFile())
        return false;
    const bool ok = m_viewer->openFile(absolute, clean, marksFor(clean));
    m_tabs->setCurrentWidget(m_viewer);
    if (ok && line > 0)
        m_viewer->editor()->goToLine(line);
    const QModelIndex index = proxy()->mapFromSource(m_model->index(absolute));
    if (index.isValid())
        m_tree->setCurrentIndex(index);
    return ok;
}

bool RepositoryView::exportRepository(VersionHistory::ExportKind kind, const QString& target, QString* error) {
    if (!m_versionHistory) {
        if (error)
            *error = tr("There is no repository to export.");
        return false;
    }
    return m_versionHistory->exportTo(kind, target, error);
}

void RepositoryView::chooseExportTarget(VersionHistory::ExportKind kind) {
    QString target;
    const QString name = QFileInfo(m_root).fileName();
    switch (kind) {
    case VersionHistory::ExportKind::Clone:
        target = QFileDialog::getExistingDirectory(this, tr("Clone the repository into an empty folder"));
        break;
    case VersionHistory::ExportKind::Zip:
        target = QFileDialog::getSaveFileName(this, tr("Export as zip archive"),
                                              QDir::home().filePath(name + QLatin1String(".zip")),
                                              tr("Zip archives (*.zip)"));
        break;
    case VersionHistory::ExportKind::Bundle:
        target = QFileDialog::getSaveFileName(this, tr("Export as Git bundle"),
                                              QDir::home().filePath(name + QLatin1String(".bundle")),
                                              tr("Git bundles (*.bundle)"));
        break;
    }
    if (target.isEmpty())
        return;
    QString error;
    if (!exportRepository(kind, target, &error))
        QMessageBox::warning(this, tr("Export repository"), error);
}

void RepositoryView::fillFindings() {
    m_findings->clear();
    for (const QJsonValue& v : m_validation.value(QLatin1String("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        auto* item = new QTreeWidgetItem(m_findings);
        const QString severity = f.value(QLatin1String("severity")).toString();
        const QString file = f.value(QLatin1String("file")).toString();
        const int line = f.value(QLatin1String("line")).toInt();
        item->setData(0, Qt::UserRole, severity);
        item->setData(0, FileRole, file);
        item->setData(0, LineRole, line);
        item->setIcon(FindingSeverity, SeverityStyle::icon(severity));
        item->setText(FindingLocation, line > 0 ? file + QLatin1Char(':') + QString::number(line) : file);
        item->setText(FindingMessage, f.value(QLatin1String("message")).toString());
        item->setToolTip(FindingMessage, f.value(QLatin1String("message")).toString());
        item->setText(FindingValidator, f.value(QLatin1String("validator")).toString());
    }
    m_findings->resizeColumnToContents(FindingLocation);
}

void RepositoryView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RepositoryView::retranslate() {
    m_openFolder->setText(tr("Open folder"));
    m_export->setText(tr("Export"));
    const QList<QAction*> actions = m_export->menu()->actions();
    actions.at(0)->setText(tr("Clone to a folder…"));
    actions.at(1)->setText(tr("Zip archive…"));
    actions.at(2)->setText(tr("Git bundle…"));
    m_tabs->setTabText(0, tr("File"));
    m_tabs->setTabText(1, tr("History and diffs"));
    m_findings->setHeaderLabels({tr("Severity"), tr("Location"), tr("Validation finding"), tr("Validator")});
    for (int i = 0; i < m_findings->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_findings->topLevelItem(i);
        item->setText(FindingSeverity, SeverityStyle::text(item->data(0, Qt::UserRole).toString()));
    }
    if (m_root.isEmpty()) {
        m_rootLabel->setText(tr("No repository yet: it appears once the run has generated it."));
        return;
    }
    const int errors = m_validation.value(QLatin1String("counts")).toObject().value(QLatin1String("error")).toInt();
    const int warnings = m_validation.value(QLatin1String("counts")).toObject().value(QLatin1String("warning")).toInt();
    m_rootLabel->setText(tr("%1 — validation: %2 error(s), %3 warning(s)")
                             .arg(QDir::toNativeSeparators(m_root))
                             .arg(errors)
                             .arg(warnings));
}

} // namespace mlops

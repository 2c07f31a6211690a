#include "ReportView.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPushButton>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineView>

namespace mlops {

ReportView::ReportView(QWidget* parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
    , m_exportHtml(new QPushButton(this))
    , m_exportPdf(new QPushButton(this)) {
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_exportHtml);
    buttons->addWidget(m_exportPdf);
    auto* page = new QWidget(this);
    m_stack = new QStackedLayout(page);
    m_stack->addWidget(m_message);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(page, 1);
    layout->addLayout(buttons);
    m_exportHtml->setEnabled(false);
    m_exportPdf->setEnabled(false);
    connect(m_exportHtml, &QPushButton::clicked, this, &ReportView::chooseHtmlTarget);
    connect(m_exportPdf, &QPushButton::clicked, this, &ReportView::choosePdfTarget);
    retranslate();
}

void ReportView::ensureView() {
    if (m_view)
        return;
    m_view = new QWebEngineView(this);
    m_stack->addWidget(m_view);
    connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
        m_loaded = ok;
        m_exportPdf->setEnabled(ok);
        emit reportLoaded(ok);
    });
    connect(m_view->page(), &QWebEnginePage::pdfPrintingFinished, this, &ReportView::pdfExported);
}

void ReportView::setReport(const QString& repositoryRoot, const QString& htmlPath) {
    m_loaded = false;
    m_file.clear();
    if (!htmlPath.isEmpty()) {
        const QString path = QDir::isAbsolutePath(htmlPath) ? htmlPath : QDir(repositoryRoot).filePath(htmlPath);
        if (QFileInfo(path).isFile())
            m_file = QFileInfo(path).absoluteFilePath();
    }
    m_exportHtml->setEnabled(!m_file.isEmpty());
    m_exportPdf->setEnabled(false);
    retranslate();
    if (m_file.isEmpty()) {
        m_stack->setCurrentWidget(m_message);
        return;
    }
    ensureView();
    m_stack->setCurrentWidget(m_view);
    m_view->load(QUrl::fromLocalFile(m_file));
}

bool ReportView::exportHtml(const QString& target, QString* error) {
    if (m_file.isEmpty()) {
        if (error)
            *error = tr("There is no report to export.");
        return false;
    }
    if (QFileInfo(target).absoluteFilePath() == m_file)
        return true;
    QFile::remove(target);
    if (!QFile::copy(m_file, target)) {
        if (error)
            *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(target));
        return false;
    }
    return true;
}

void ReportView::exportPdf(const QString& target) {
    if (!m_view || !m_loaded) {
        emit pdfExported(target, false);
        return;
    }
    const QPageLayout layout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                             QPageLayout::Millimeter);
    m_view->page()->printToPdf(target, layout);
}

void ReportView::chooseHtmlTarget() {
    const QString target =
        QFileDialog::getSaveFileName(this, tr("Export report as HTML"),
                                     QDir::home().filePath(QStringLiteral("report.html")), tr("HTML files (*.html)"));
    if (target.isEmpty())
        return;
    QString error;
    if (!exportHtml(target, &error))
        QMessageBox::warning(this, tr("Export report"), error);
}

void ReportView::choosePdfTarget() {
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Export report as PDF"), QDir::home().filePath(QStringLiteral("report.pdf")), tr("PDF files (*.pdf)"));
    if (target.isEmpty())
        return;
    // One-shot: report the outcome of this export only.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(this, &ReportView::pdfExported, this, [this, connection](const QString& path, bool ok) {
        disconnect(*connection);
        if (!ok)
            QMessageBox::warning(this, tr("Export report"),
                                 tr("The PDF could not be written to %1.").arg(QDir::toNativeSeparators(path)));
    });
    exportPdf(target);
}

void ReportView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReportView::retranslate() {
    m_exportHtml->setText(tr("Export HTML…"));
    m_exportPdf->setText(tr("Export PDF…"));
    m_message->setText(tr("No report yet: the architecture report appears here once the run has generated the "
                          "repository."));
}

} // namespace mlops

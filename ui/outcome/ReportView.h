#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedLayout;
class QWebEngineView;

namespace mlops {

// The architecture report the engine renders as HTML (docs/report.html in the generated repository), shown in Qt
// WebEngine, with export to HTML (a copy) and PDF (QWebEnginePage::printToPdf). The web view is created on first
// use: starting Chromium costs time and memory the other tabs do not need.
class ReportView : public QWidget {
    Q_OBJECT
public:
    explicit ReportView(QWidget* parent = nullptr);

    // `htmlPath` may be relative to `repositoryRoot`. An empty or missing file shows a short explanation instead.
    void setReport(const QString& repositoryRoot, const QString& htmlPath);
    QString reportFile() const { return m_file; }
    bool isReportLoaded() const { return m_loaded; }
    QWebEngineView* webView() const { return m_view; }

    bool exportHtml(const QString& target, QString* error);
    // Asynchronous; pdfExported() tells the outcome.
    void exportPdf(const QString& target);

signals:
    void reportLoaded(bool ok);
    void pdfExported(const QString& path, bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void ensureView();
    void retranslate();
    void chooseHtmlTarget();
    void choosePdfTarget();

    QStackedLayout* m_stack;
    QLabel* m_message;
    QWebEngineView* m_view = nullptr;
    QPushButton* m_exportHtml;
    QPushButton* m_exportPdf;
    QString m_file;
    bool m_loaded = false;
};

} // namespace mlops

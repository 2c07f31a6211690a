// The German translation is complete: no unfinished or empty entry in translations/*_de.ts, and the embedded
// .qm file translates the UI.
#include "settings/UiLanguage.h"

#include <QCoreApplication>
#include <QFile>
#include <QXmlStreamReader>
#include <QtTest>

using namespace mlops;

class TestTranslationsComplete : public QObject {
    Q_OBJECT
private slots:
    void germanTs_hasNoUnfinishedEntries() {
        QFile file(QStringLiteral(MLOPS_TRANSLATIONS_DIR "/agentic-mlops-studio_de.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList unfinished;
        QString source;
        QString context;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name") && source.isEmpty())
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) {
                    source.clear();
                    continue;
                }
                ++messages;
                // Plural forms hold <numerusform> children; the text check applies to singular entries only.
                const bool plural =
                    xml.attributes().hasAttribute(QLatin1String("variants")) || source.contains(QLatin1String("%n"));
                const QString text =
                    plural ? QStringLiteral("plural") : xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                    unfinished.append(context + QLatin1String(": ") + source);
                source.clear();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 100, qPrintable(QString::number(messages)));
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QLatin1Char('\n'))));
    }

    void embeddedGerman_translatesKnownStrings() {
        QVERIFY(UiLanguage::available().contains(QStringLiteral("de")));
        QVERIFY(UiLanguage::apply(QStringLiteral("de")));
        QCOMPARE(QCoreApplication::translate("mlops::OutcomeView", "Report"), QStringLiteral("Bericht"));
        QCOMPARE(QCoreApplication::translate("mlops::ReportView", "Export PDF…"), QStringLiteral("PDF exportieren…"));
        QCOMPARE(QCoreApplication::translate("mlops::SettingsDialog", "Settings"), QStringLiteral("Einstellungen"));
        QVERIFY(UiLanguage::apply(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("mlops::SettingsDialog", "Settings"), QStringLiteral("Settings"));
    }
};

QTEST_GUILESS_MAIN(TestTranslationsComplete)
#include "tst_translations_complete.moc"

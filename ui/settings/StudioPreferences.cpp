#include "StudioPreferences.h"

#include "UiLanguage.h"
#include "llm/LlmSettings.h"

#include <QJsonObject>
#include <QLocale>
#include <QSettings>

namespace mlops {

namespace {
QString key(const char* name) {
    return QString::fromLatin1(name);
}
} // namespace

StudioPreferences StudioPreferences::load() {
    QSettings settings;
    return load(settings);
}

StudioPreferences StudioPreferences::load(QSettings& s) {
    StudioPreferences p;
    p.llmProvider = s.value(key("llm/provider"), p.llmProvider).toString();
    p.llmUrl = s.value(key("llm/url")).toString();
    p.llmModel = s.value(key("llm/model")).toString();
    p.llmApiKey = s.value(key("llm/api_key")).toString();
    p.autoApproveTimeoutSec = s.value(key("approval/timeout_sec"), p.autoApproveTimeoutSec).toInt();
    p.confidenceThreshold = s.value(key("approval/confidence_threshold"), p.confidenceThreshold).toDouble();
    p.allowCriticalDecisions = s.value(key("approval/allow_critical"), p.allowCriticalDecisions).toBool();
    p.dataFolder = s.value(key("data/folder")).toString();
    p.language = s.value(key("ui/language")).toString();
    return p;
}

void StudioPreferences::save() const {
    QSettings settings;
    save(settings);
}

void StudioPreferences::save(QSettings& s) const {
    s.setValue(key("llm/provider"), llmProvider);
    s.setValue(key("llm/url"), llmUrl);
    s.setValue(key("llm/model"), llmModel);
    if (llmApiKey.isEmpty())
        s.remove(key("llm/api_key"));
    else
        s.setValue(key("llm/api_key"), llmApiKey);
    s.setValue(key("approval/timeout_sec"), autoApproveTimeoutSec);
    s.setValue(key("approval/confidence_threshold"), confidenceThreshold);
    s.setValue(key("approval/allow_critical"), allowCriticalDecisions);
    s.setValue(key("data/folder"), dataFolder);
    s.setValue(key("ui/language"), language);
    s.sync();
}

QString StudioPreferences::effectiveLanguage() const {
    const QStringList shipped = UiLanguage::available();
    if (shipped.contains(language))
        return language;
    const QString system = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    return shipped.contains(system) ? system : key("en");
}

RunSettings StudioPreferences::applyTo(RunSettings base, QString* error) const {
    base.autoApproveTimeoutSec = autoApproveTimeoutSec;
    base.confidenceThreshold = confidenceThreshold;
    base.allowCriticalDecisions = allowCriticalDecisions;
    QJsonObject flags{{key("provider"), llmProvider}};
    if (!llmUrl.isEmpty())
        flags.insert(key("base_url"), llmUrl);
    if (!llmModel.isEmpty())
        flags.insert(key("model"), llmModel);
    QString problem;
    const QJsonObject llm = LlmSettings::forRun(flags, &problem);
    if (problem.isEmpty())
        base.llm = llm;
    else if (error)
        *error = problem;
    return base;
}

LlmSettings::KeySource StudioPreferences::keySource() {
    return [](const QString&) {
        // QSettings is reentrant: a fresh instance per lookup is safe on the engine's worker threads.
        QSettings settings;
        return settings.value(key("llm/api_key")).toString();
    };
}

} // namespace mlops

#pragma once

#include "llm/LlmSettings.h"
#include "workflow/RunSettings.h"

#include <QString>

class QSettings;

namespace mlops {

// The desktop application's preferences, kept in QSettings (the user's config folder, which XDG_CONFIG_HOME
// redirects). They become the RunSettings of runs started from the GUI. The API key lives only here and reaches
// the engine through LlmSettings' key source at request time: it is never copied into a run's settings, the
// database or a log.
struct StudioPreferences {
    QString llmProvider = QStringLiteral("none"); // none, openai (also Ollama, vLLM...), anthropic
    QString llmUrl;
    QString llmModel;
    QString llmApiKey;
    int autoApproveTimeoutSec = RunSettings().autoApproveTimeoutSec;
    double confidenceThreshold = RunSettings().confidenceThreshold;
    bool allowCriticalDecisions = RunSettings().allowCriticalDecisions;
    QString dataFolder; // empty: Studio::defaultDataDir(); takes effect at the next start
    QString language;   // "en", "de"; empty: follow the system locale

    static StudioPreferences load();
    static StudioPreferences load(QSettings& settings);
    void save() const;
    void save(QSettings& settings) const;

    // The language to use: the stored one, or the system's when it is one we ship, else English.
    QString effectiveLanguage() const;
    // `base` with the approval settings and the LLM provider of these preferences. Sets `error` (and leaves the LLM
    // part of `base` alone) when the provider fields are inconsistent, e.g. a provider without a model.
    RunSettings applyTo(RunSettings base, QString* error = nullptr) const;

    // Where the engine finds the stored API key when a request needs one (after the environment variables);
    // main.cpp hands it to the Studio (Studio::Options::keySource).
    static LlmSettings::KeySource keySource();
};

} // namespace mlops

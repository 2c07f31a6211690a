#include "llm/LlmPriceTable.h"

#include <QFile>

#include <yaml-cpp/yaml.h>

// The engine is a static library: its resources must be registered explicitly or the linker drops them.
static void initLlmResources() {
    Q_INIT_RESOURCE(resources);
}

namespace mlops {

bool LlmPriceTable::load(const QByteArray& yaml, QString* error) {
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap() || !root["models"] || !root["models"].IsSequence()) {
            *error = QStringLiteral("llm price table: expected a mapping with a 'models' list");
            return false;
        }
        if (!root["source"] || !root["date"]) {
            *error = QStringLiteral("llm price table: 'source' and 'date' are required");
            return false;
        }
        m_source = QString::fromStdString(root["source"].as<std::string>());
        m_date = QString::fromStdString(root["date"].as<std::string>());
        m_prices.clear();
        for (const YAML::Node& n : root["models"]) {
            Price p;
            p.provider = QString::fromStdString(n["provider"].as<std::string>());
            p.model = QString::fromStdString(n["model"].as<std::string>());
            p.inputPerMTok = n["input_per_mtok"].as<double>();
            p.outputPerMTok = n["output_per_mtok"].as<double>();
            if (p.inputPerMTok < 0 || p.outputPerMTok < 0 || p.model.isEmpty()) {
                *error = QStringLiteral("llm price table: bad entry for '%1'").arg(p.model);
                return false;
            }
            m_prices.append(p);
        }
        return true;
    } catch (const YAML::Exception& e) {
        *error = QStringLiteral("llm price table: ") + QString::fromStdString(e.what());
        return false;
    }
}

const LlmPriceTable& LlmPriceTable::builtin() {
    static const LlmPriceTable table = [] {
        initLlmResources();
        LlmPriceTable t;
        QFile f(QStringLiteral(":/knowledge/llm_prices.yaml"));
        QString error;
        if (!f.open(QIODevice::ReadOnly) || !t.load(f.readAll(), &error))
            t = {}; // every model is then "unpriced": the cost is reported as unknown, never as zero
        return t;
    }();
    return table;
}

const LlmPriceTable::Price* LlmPriceTable::find(const QString& provider, const QString& model) const {
    const Price* best = nullptr;
    const QString m = model.toLower();
    for (const Price& p : m_prices) {
        if (p.provider == provider && m.startsWith(p.model.toLower()) && (!best || p.model.size() > best->model.size()))
            best = &p;
    }
    return best;
}

void LlmPriceTable::price(const QString& provider, const QString& model, bool local, LlmUsage& usage) const {
    if (const Price* p = find(provider, model)) {
        usage.costUsd =
            (double(usage.inputTokens) * p->inputPerMTok + double(usage.outputTokens) * p->outputPerMTok) / 1e6;
        usage.costKnown = true;
        usage.priceSource = QStringLiteral("llm_prices.yaml ") + m_date;
    } else if (local) {
        usage.costUsd = 0.0;
        usage.costKnown = true;
        usage.priceSource = QStringLiteral("local model");
    } else {
        usage.costUsd = 0.0;
        usage.costKnown = usage.inputTokens == 0 && usage.outputTokens == 0;
    }
}

} // namespace mlops

#include "agents/PlanSizer.h"

#include "agents/knowledge/CapacityTable.h"

#include <QJsonArray>

#include <cmath>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

double round2(double v) {
    return std::round(v * 100.0) / 100.0;
}

} // namespace

PlanSizer::PlanSizer(std::shared_ptr<const KnowledgeBase> kb, const QJsonObject& k, const QString& cloud)
    : m_kb(std::move(kb))
    , m_constraints(k)
    , m_cloud(cloud)
    , m_specs(m_kb->techSpecs()) {
    const QJsonObject a = m_specs.value(s("assumptions")).toObject();
    const double peakFactor = a.value(s("peak_factor")).toDouble(3.0);
    double perDay = k.value(s("throughput_requests_per_day")).toDouble(-1);
    double peak = k.value(s("peak_rps")).toDouble(-1);
    if (perDay < 0 && peak > 0) {
        perDay = peak * 86400.0 / peakFactor;
        assume(QStringLiteral("daily volume = peak %1 rps x 86400 / peak factor %2 = %3/day")
                   .arg(peak)
                   .arg(peakFactor)
                   .arg(qRound64(perDay)));
    }
    if (perDay < 0) {
        perDay = a.value(s("default_requests_per_day")).toDouble(100000);
        assume(QStringLiteral("no volume stated: %1 requests/day assumed").arg(perDay));
    }
    if (peak < 0) {
        peak = perDay / 86400.0 * peakFactor;
        assume(QStringLiteral("peak = average x %1 = %2 rps").arg(peakFactor).arg(round2(peak)));
    }
    const QJsonArray tasks = k.value(s("ml_tasks")).toArray();
    const QJsonArray modalities = k.value(s("data_modalities")).toArray();
    const QJsonArray workloads = k.value(s("workload_types")).toArray();
    const QJsonArray frameworks = k.value(s("frameworks")).toArray();
    QString modelClass = s("tabular");
    if (workloads.contains(s("llm_serving")) || tasks.contains(s("llm")) || tasks.contains(s("rag"))) {
        modelClass = s("llm");
        // a named model size decides the GPU: a 70B model does not fit where an 8B one does
        const double params = k.value(s("llm_parameters_b")).toDouble(0);
        if (params >= m_specs.value(s("assumptions")).toObject().value(s("llm_large_from_b")).toDouble(30)) {
            modelClass = s("llm_large");
            assume(QStringLiteral(
                       "a %1B-parameter model is served as the large LLM class (4-bit, one 80 GB GPU per replica)")
                       .arg(params));
        } else if (params >= a.value(s("llm_13b_from_b")).toDouble(10)) {
            m_llmFamily = s("llm_13b");
            assume(QStringLiteral("a %1B-parameter model is sized with the 13B-class capacity figures").arg(params));
        } else if (params <= 0) {
            assume(s("no model size stated: an 8B-class open model"));
        }
    } else if (tasks.contains(s("computer_vision")) || modalities.contains(s("image")) ||
               modalities.contains(s("video")))
        modelClass = s("vision");
    else if (tasks.contains(s("nlp")) || modalities.contains(s("text")) || modalities.contains(s("audio")) ||
             ((frameworks.contains(s("pytorch")) || frameworks.contains(s("tensorflow"))) &&
              !modalities.contains(s("tabular"))))
        modelClass = s("deep_cpu");
    double dataGb = k.value(s("data_volume_gb")).toDouble(-1);
    if (dataGb < 0) {
        dataGb = a.value(s("default_data_volume_gb")).toDouble(100);
        assume(QStringLiteral("no data volume stated: %1 GB assumed").arg(dataGb));
    }
    QString frequency = k.value(s("training_frequency")).toString();
    if (frequency.isEmpty()) {
        frequency = s("weekly");
        assume(s("no retraining frequency stated: weekly assumed"));
    }
    const double runs = a.value(s("runs_per_month")).toObject().value(frequency).toDouble(4);
    const double payloadKb = a.value(s("payload_kb")).toDouble(4);
    m_usage = QJsonObject{
        {s("requests_per_day"), std::round(perDay)},
        {s("requests_per_month"), std::round(perDay * 30)},
        {s("peak_rps"), round2(peak)},
        {s("model_class"), modelClass},
        {s("data_gb"), dataGb},
        {s("training_frequency"), frequency},
        {s("runs_per_month"), runs},
        {s("egress_gb"), round2(perDay * 30 * payloadKb / 1e6)},
    };
}

void PlanSizer::assume(const QString& text) {
    if (!m_assumptions.contains(text))
        m_assumptions.append(text);
}

int PlanSizer::zonesFor(double availability) {
    return availability >= 99.95 ? 3 : availability >= 99.9 ? 2 : 1;
}

QJsonObject PlanSizer::instanceClass(const QString& name) const {
    QJsonObject c = m_specs.value(s("instance_classes")).toObject().value(name).toObject().value(m_cloud).toObject();
    c.insert(s("class"), name);
    return c;
}

QString PlanSizer::capacityFamily(bool gpu) const {
    if (gpu && !m_llmFamily.isEmpty())
        return m_llmFamily;
    return m_specs.value(s("capacity_families"))
        .toObject()
        .value(m_usage.value(s("model_class")).toString())
        .toObject()
        .value(gpu ? s("gpu") : s("vcpu"))
        .toString();
}

PlanSizer::Capacity PlanSizer::capacityOf(const QString& name, double headroom) const {
    const QJsonObject c = instanceClass(name);
    const QJsonObject a = m_specs.value(s("assumptions")).toObject();
    const CapacityTable table(m_kb->capacityEntries());
    const double tokensPerRequest = a.value(s("llm_output_tokens_per_request")).toDouble(300);
    Capacity out;
    out.headroom = headroom > 0 ? headroom : a.value(s("headroom")).toDouble(0.7);
    const double gpus = c.value(s("gpus")).toDouble();
    const QString hardware = c.value(s("hardware")).toString();
    if (gpus > 0) {
        const QString family = capacityFamily(true);
        out.entry = table.select(family, hardware);
        if (out.entry.isEmpty() && !table.select(family, s("vcpu")).isEmpty() &&
            table.slowestAccelerator(family, tokensPerRequest).isEmpty()) {
            // a CPU model on a GPU instance (a tabular model next to a GPU-bound pattern): it runs on the vCPUs
            out.entry = table.select(family, s("vcpu"));
            out.note = QStringLiteral("%1 has no GPU figure: sized on the instance's %2 vCPUs")
                           .arg(family)
                           .arg(c.value(s("vcpu")).toDouble());
        } else if (out.entry.isEmpty()) {
            out.entry = table.slowestAccelerator(family, tokensPerRequest);
            if (!out.entry.isEmpty())
                out.note = QStringLiteral("no %1 figure on %2: the family's slowest accelerator figure is used")
                               .arg(family, hardware);
        }
    } else {
        out.entry = table.select(capacityFamily(false), s("vcpu"));
    }
    const bool onVcpus = out.entry.value(s("hardware")).toString() == QLatin1String("vcpu");
    out.published =
        CapacityTable::requestsPerSecond(out.entry, onVcpus ? c.value(s("vcpu")).toDouble() : gpus, tokensPerRequest);
    out.planned = out.published * out.headroom;
    return out;
}

QJsonObject PlanSizer::size(const QString& role, const QJsonObject& service, const QJsonObject& options) const {
    const QJsonObject a = m_specs.value(s("assumptions")).toObject();
    const double hours = m_specs.value(s("hours_per_month")).toDouble(730);
    const double perDay = m_usage.value(s("requests_per_day")).toDouble();
    const double peak = m_usage.value(s("peak_rps")).toDouble();
    const double runs = m_usage.value(s("runs_per_month")).toDouble();
    const double dataGb = m_usage.value(s("data_gb")).toDouble();
    const QString kind = service.value(s("kind")).toString();
    const QString usage = service.value(s("usage")).toString();
    const bool gpu = options.value(s("gpu")).toBool();
    const double regions = options.value(s("regions")).toDouble(1);
    QJsonObject size;

    QString cls = gpu && service.contains(s("gpu_class")) ? service.value(s("gpu_class")).toString()
                                                          : service.value(s("class")).toString();
    if (options.value(s("class_override")).isString())
        cls = options.value(s("class_override")).toString();
    if (kind == QLatin1String("instances") && !cls.isEmpty()) {
        const QStringList order = cls.startsWith(QLatin1String("gpu"))
                                      ? QStringList{s("gpu_small"), s("gpu_large")}
                                      : QStringList{s("cpu_small"), s("cpu_medium"), s("cpu_large")};
        const int step = options.value(s("class_step")).toInt(0);
        if (order.contains(cls) && step != 0)
            cls = order.value(qBound(0, int(order.indexOf(cls)) + step, int(order.size()) - 1));
        // serving a model needs its weights in GPU memory: step up until they fit
        if (role == QLatin1String("serving") && cls.startsWith(QLatin1String("gpu"))) {
            const double needed = m_specs.value(s("model_classes"))
                                      .toObject()
                                      .value(m_usage.value(s("model_class")).toString())
                                      .toObject()
                                      .value(s("memory_gb"))
                                      .toDouble(0);
            while (instanceClass(cls).value(s("gpu_memory_gb")).toDouble() < needed &&
                   order.indexOf(cls) + 1 < order.size())
                cls = order.value(order.indexOf(cls) + 1);
        }
        // dozens of small CPU replicas are stepped up to fewer, larger ones (docs/planning.md, "Sizing"); a GPU
        // class is the accelerator the figures were read for and stays
        const int mostReplicas = a.value(s("max_serving_replicas_per_class")).toInt(0);
        while (role == QLatin1String("serving") && mostReplicas > 0 && !cls.startsWith(QLatin1String("gpu")) &&
               order.contains(cls) && order.indexOf(cls) + 1 < order.size()) {
            const double planned = capacityOf(cls, options.value(s("headroom")).toDouble(-1)).planned;
            if (planned <= 0 || peak / planned <= mostReplicas)
                break;
            cls = order.value(order.indexOf(cls) + 1);
        }
        const QJsonObject ic = instanceClass(cls);
        size.insert(s("instance_class"), cls);
        size.insert(s("instance_type"), ic.value(s("type")));
        size.insert(s("vcpu"), ic.value(s("vcpu")));
        size.insert(s("memory_gb"), ic.value(s("memory_gb")));
        if (ic.value(s("gpus")).toDouble() > 0) {
            size.insert(s("gpus"), ic.value(s("gpus")));
            size.insert(s("gpu"), ic.value(s("gpu")));
            size.insert(s("gpu_memory_gb"), ic.value(s("gpu_memory_gb")));
        }
        double instanceHours = 0;
        if (usage == QLatin1String("jobs")) {
            double perRun = a.value(s("batch_scoring_hours_per_run")).toDouble(1.0);
            if (role == QLatin1String("training")) {
                perRun = gpu ? a.value(s("gpu_training_hours_per_run")).toDouble(4)
                             : qMax(0.5, dataGb / 100.0 * a.value(s("training_hours_per_100gb")).toDouble(1.0));
            } else if (role == QLatin1String("processing") || role == QLatin1String("ingestion")) {
                perRun = qMax(0.5, dataGb / 500.0);
            }
            const double workers = role == QLatin1String("processing") ? qMax(1.0, std::ceil(dataGb / 1000.0)) : 1.0;
            size.insert(s("runs_per_month"), runs);
            size.insert(s("hours_per_run"), round2(perRun));
            size.insert(s("workers"), workers);
            instanceHours = runs * perRun * workers;
            if (options.value(s("spot")).toBool() && role == QLatin1String("training"))
                size.insert(s("spot"), true);
        } else if (usage == QLatin1String("notebook")) {
            const double users = m_constraints.value(s("team_size")).toDouble(3);
            instanceHours = users * 160;
            size.insert(s("users"), users);
        } else {
            const int zones = options.value(s("zones")).toInt(1);
            int replicas = qMax(options.value(s("min_replicas")).toInt(1), zones);
            if (role == QLatin1String("serving")) {
                const Capacity capacity = capacityOf(cls, options.value(s("headroom")).toDouble(-1));
                const int needed = capacity.planned > 0 ? int(std::ceil(peak / capacity.planned - 1e-9)) : 1;
                replicas = qMax(replicas, needed);
                size.insert(s("capacity_rps_per_replica"), round2(capacity.planned));
                size.insert(s("max_replicas"), qMax(replicas * 2, 2));
                if (!capacity.entry.isEmpty()) {
                    const QJsonObject& e = capacity.entry;
                    size.insert(s("capacity_entry"), e.value(s("id")));
                    size.insert(s("capacity_source"), e.value(s("source")));
                    size.insert(s("capacity_date"), e.value(s("date")));
                    size.insert(s("capacity_headroom"), capacity.headroom);
                    if (e.contains(s("first_token_ms")))
                        size.insert(s("first_token_ms"), e.value(s("first_token_ms")));
                    // the sizing line of the reason card: the figure, where it comes from, and the arithmetic
                    size.insert(
                        s("capacity_basis"),
                        QStringLiteral("%1 instance(s) carry the peak of %2 rps (%3 rps per instance at the "
                                       "published rate x %4 headroom = %5 rps)%6; %7%8")
                            .arg(needed)
                            .arg(round2(peak))
                            .arg(round2(capacity.published))
                            .arg(capacity.headroom)
                            .arg(round2(capacity.planned))
                            .arg(replicas > needed
                                     ? QStringLiteral(", %1 planned for zones and minimum replicas").arg(replicas)
                                     : QString())
                            .arg(CapacityTable::describe(e))
                            .arg(capacity.note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(capacity.note)));
                }
            }
            size.insert(s("replicas"), replicas);
            size.insert(s("zones"), zones);
            instanceHours = replicas * hours;
        }
        instanceHours *= regions;
        size.insert(s("instance_hours"), round2(instanceHours));
        size.insert(s("vcpu_hours"), round2(instanceHours * ic.value(s("vcpu")).toDouble()));
    }
    if (regions > 1)
        size.insert(s("regions"), regions);
    const double requestsMonth = perDay * 30;
    const double payloadKb = a.value(s("payload_kb")).toDouble(4);
    for (const QJsonValue& c : service.value(s("cost")).toArray()) {
        const QString q = c.toObject().value(s("quantity")).toString();
        if (size.contains(q))
            continue;
        double v = 0;
        if (q == QLatin1String("storage_gb")) {
            v = role == QLatin1String("storage") ? dataGb * a.value(s("storage_copies")).toDouble(2.0) : dataGb;
        } else if (q == QLatin1String("requests_millions")) {
            v = requestsMonth / 1e6;
        } else if (q == QLatin1String("gb_seconds")) {
            const QJsonObject model = m_specs.value(s("model_classes"))
                                          .toObject()
                                          .value(m_usage.value(s("model_class")).toString())
                                          .toObject();
            const double memory = qMax(2.0, model.value(s("memory_gb")).toDouble(1) * 2);
            v = requestsMonth * model.value(s("inference_ms")).toDouble(15) / 1000.0 * memory;
            v += options.value(s("min_instances")).toDouble(0) * hours * 3600 * memory; // provisioned concurrency
            size.insert(s("memory_gb"), memory);
        } else if (q == QLatin1String("unit_hours")) {
            const double units =
                service.value(s("units"))
                    .toDouble(qMax(1.0, std::ceil(peak / a.value(s("stream_events_per_unit")).toDouble(1000))));
            size.insert(s("units"),
                        units * (role == QLatin1String("ingestion") && kind == QLatin1String("instances") ? 1 : 1));
            v = units * hours * regions;
            if (service.value(s("usage")).toString() == QLatin1String("jobs"))
                v = units * runs * qMax(0.5, dataGb / 500.0);
        } else if (q == QLatin1String("hours")) {
            v = hours * regions;
        } else if (q == QLatin1String("months")) {
            v = regions;
        } else if (q == QLatin1String("tb_scanned")) {
            v = qMax(0.1, dataGb / 1000.0 * runs);
        } else if (q == QLatin1String("tib_ingested")) {
            v = requestsMonth * payloadKb / (1024.0 * 1024.0 * 1024.0);
        } else if (q == QLatin1String("transitions_thousands")) {
            v = runs * 20 / 1000.0;
        } else if (q == QLatin1String("runs")) {
            v = runs;
        } else if (q == QLatin1String("tokens_millions")) {
            const double tokens = m_specs.value(s("model_classes"))
                                      .toObject()
                                      .value(s("llm_api"))
                                      .toObject()
                                      .value(s("tokens_per_request"))
                                      .toDouble(1500);
            v = requestsMonth * tokens / 1e6;
        } else if (q == QLatin1String("egress_gb")) {
            v = requestsMonth * payloadKb / 1e6;
        } else if (q == QLatin1String("gb_ingested")) {
            v = requestsMonth * a.value(s("log_bytes_per_request")).toDouble(1024) / 1e9 + 5.0;
        } else if (q == QLatin1String("metrics")) {
            v = a.value(s("metrics_per_model")).toDouble(20);
        } else if (q == QLatin1String("samples_millions")) {
            v = 200.0 * 30 * 86400 / 30.0 / 1e6; // 200 series scraped every 30 s
        } else if (q == QLatin1String("editors")) {
            v = qMin(5.0, m_constraints.value(s("team_size")).toDouble(3));
        } else if (q == QLatin1String("image_gb")) {
            v = 20;
        } else if (q == QLatin1String("devices")) {
            v = a.value(s("devices_default")).toDouble(100);
        } else if (q == QLatin1String("device_vcpus")) {
            v = a.value(s("devices_default")).toDouble(100) * 4;
        }
        size.insert(q, round2(v));
    }
    if (options.contains(s("min_instances")))
        size.insert(s("min_instances"), options.value(s("min_instances")));
    return size;
}

} // namespace mlops

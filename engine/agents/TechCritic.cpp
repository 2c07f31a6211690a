#include "agents/TechCritic.h"

#include "agents/PlanSizer.h"

#include <cmath>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QJsonObject finding(const QString& id, const QString& severity, const QString& component, const QString& message,
                    const QString& recommendation) {
    return QJsonObject{{s("id"), id},
                       {s("severity"), severity},
                       {s("blocking"), severity == QLatin1String("blocking")},
                       {s("component"), component},
                       {s("message"), message},
                       {s("recommendation"), recommendation}};
}

QJsonObject componentByRole(const QJsonObject& plan, const QString& role) {
    for (const QJsonValue& c : plan.value(s("components")).toArray()) {
        if (c.toObject().value(s("role")).toString() == role)
            return c.toObject();
    }
    return {};
}

} // namespace

TechCritic::TechCritic(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)) {}

QStringList TechCritic::checks() {
    return {s("latency vs serving path"),
            s("cold starts"),
            s("capacity at peak"),
            s("availability vs topology"),
            s("GPU needs"),
            s("data volume vs training"),
            s("team skills"),
            s("online path exists")};
}

QJsonArray TechCritic::review(const QJsonObject& k, const QJsonObject& plan) const {
    QJsonArray out;
    const QJsonObject specs = m_kb->techSpecs();
    const QJsonObject pattern = plan.value(s("pattern")).toObject();
    const QString servingType = pattern.value(s("serving")).toString();
    const QJsonObject runtime = specs.value(s("serving")).toObject().value(servingType).toObject();
    const QJsonObject usage = plan.value(s("usage")).toObject();
    const QString modelClass = usage.value(s("model_class")).toString();
    const QJsonObject model = specs.value(s("model_classes")).toObject().value(modelClass).toObject();
    const QJsonObject serving = componentByRole(plan, s("serving"));
    const QJsonObject size = serving.value(s("size")).toObject();
    const QJsonArray workloads = k.value(s("workload_types")).toArray();
    const bool online = workloads.contains(s("online_inference")) || workloads.contains(s("llm_serving"));
    const double latency = k.value(s("latency_p99_ms")).toDouble(-1);

    // an online workload needs a request path
    if (online && (servingType == QLatin1String("batch") || servingType == QLatin1String("none")))
        out.append(finding(s("tech.batch_vs_latency"), s("blocking"), s("serving"),
                           QStringLiteral("%1 has no request-time serving, but online predictions are required.")
                               .arg(pattern.value(s("name")).toString()),
                           s("Choose a real-time serving pattern or precompute predictions into a key-value store.")));

    // latency: model time at p99 (about 2x the mean) plus the runtime's overhead, and cold starts
    if (latency > 0 && !serving.isEmpty() && servingType != QLatin1String("batch") &&
        servingType != QLatin1String("none")) {
        double inference = model.value(s("inference_ms")).toDouble(15);
        if (size.value(s("gpus")).toDouble() > 0 && !modelClass.startsWith(QLatin1String("llm")) &&
            modelClass != QLatin1String("tabular"))
            inference = inference / 4.0; // GPU inference of deep models
        bool api = false;
        for (const QJsonValue& c : plan.value(s("components")).toArray())
            api = api || c.toObject().value(s("kind")).toString() == QLatin1String("tokens");
        if (api && modelClass.startsWith(QLatin1String("llm")))
            inference = specs.value(s("model_classes"))
                            .toObject()
                            .value(s("llm_api"))
                            .toObject()
                            .value(s("inference_ms"))
                            .toDouble(1800);
        // LLM answers are streamed: what users wait for, and what a latency target for an assistant means, is the
        // time to the first token, not the whole answer.
        const bool streamedAnswer = modelClass.startsWith(QLatin1String("llm"));
        if (streamedAnswer) {
            const QJsonObject spec =
                specs.value(s("model_classes")).toObject().value(api ? s("llm_api") : modelClass).toObject();
            inference = spec.value(s("first_token_ms")).toDouble(inference);
            // a self-hosted model sized from a capacity entry that publishes its time to first token uses that
            if (!api && size.contains(s("first_token_ms")))
                inference = size.value(s("first_token_ms")).toDouble(inference);
        }
        const double p99 = 2.0 * inference + runtime.value(s("overhead_ms")).toDouble();
        const double coldStart =
            serving.value(s("cold_start_ms")).toDouble(runtime.value(s("cold_start_ms")).toDouble());
        const bool warm = size.value(s("min_instances")).toDouble() >= 1;
        if (coldStart > latency && !warm)
            out.append(finding(
                s("tech.cold_start_latency"), s("blocking"), s("serving"),
                QStringLiteral("%1 scales to zero; a cold start of about %2 ms breaks the p99 target of %3 ms.")
                    .arg(serving.value(s("service")).toString())
                    .arg(coldStart)
                    .arg(latency),
                s("Keep warm capacity (provisioned concurrency / min instances) or serve from always-on containers.")));
        if (p99 > latency)
            out.append(finding(s("tech.latency_budget"), p99 > 1.5 * latency ? s("blocking") : s("high"), s("serving"),
                               QStringLiteral("Expected p99 of the serving path is about %1 ms (%2 model at ~%3 ms%6, "
                                              "%4 runtime), above the %5 ms target.")
                                   .arg(qRound(p99))
                                   .arg(modelClass)
                                   .arg(qRound(inference))
                                   .arg(servingType)
                                   .arg(latency)
                                   .arg(streamedAnswer ? s(" to the first token") : QString()),
                               s("Use a faster runtime or instance (GPU for deep models), a smaller/distilled model, "
                                 "or precompute.")));
    }

    // capacity at peak
    const double peak = usage.value(s("peak_rps")).toDouble();
    if (size.contains(s("replicas")) && size.contains(s("capacity_rps_per_replica"))) {
        const double capacity =
            size.value(s("replicas")).toDouble() * size.value(s("capacity_rps_per_replica")).toDouble();
        if (capacity + 1e-9 < peak)
            out.append(
                finding(s("tech.capacity"), s("blocking"), s("serving"),
                        QStringLiteral("%1 replicas serve about %2 rps, below the peak of %3 rps.")
                            .arg(size.value(s("replicas")).toInt())
                            .arg(qRound(capacity))
                            .arg(peak),
                        s("Add replicas or use a larger instance; set the autoscaler's maximum above the peak.")));
        if (size.value(s("replicas")).toInt() > 30)
            out.append(
                finding(s("tech.scale_out"), s("medium"), s("serving"),
                        QStringLiteral("%1 replicas are needed at peak; that many small instances is hard to operate.")
                            .arg(size.value(s("replicas")).toInt()),
                        s("Use larger instances or batch requests on the server (dynamic batching).")));
    }
    if (servingType == QLatin1String("serverless") && peak * model.value(s("inference_ms")).toDouble(15) / 1000.0 > 900)
        out.append(finding(s("tech.concurrency_limit"), s("high"), s("serving"),
                           s("Peak concurrency approaches the default regional function concurrency limit (1,000)."),
                           s("Request a quota increase or move to containers.")));

    // availability of the topology
    const double target = k.value(s("availability_target")).toDouble(0);
    if (target > 0 && !serving.isEmpty() && servingType != QLatin1String("batch") &&
        servingType != QLatin1String("none")) {
        const QJsonObject avail = specs.value(s("availability")).toObject();
        const int zones = size.value(s("zones")).toInt(1);
        const bool multiRegion = plan.value(s("multi_region")).toBool();
        const double reach = multiRegion  ? avail.value(s("multi_region")).toDouble(99.99)
                             : zones >= 2 ? avail.value(s("multi_az")).toDouble(99.95)
                                          : avail.value(s("single_instance")).toDouble(99.5);
        if (servingType == QLatin1String("serverless") || servingType == QLatin1String("managed")) {
            // regional managed services are multi-zone by construction
        } else if (reach < target) {
            out.append(finding(
                s("tech.availability_topology"), s("blocking"), s("serving"),
                QStringLiteral("The serving topology (%1 zone(s)%2) reaches about %3 %, below the %4 % target.")
                    .arg(zones)
                    .arg(multiRegion ? s(", two regions") : QString())
                    .arg(reach)
                    .arg(target),
                target >= 99.99 ? s("Serve from two regions behind global load balancing with replicated storage.")
                                : s("Run at least two replicas spread over two or more zones.")));
        }
    }
    if (k.value(s("disaster_recovery_required")).toBool() && !plan.value(s("multi_region")).toBool())
        out.append(finding(
            s("tech.disaster_recovery"), s("medium"), s("storage"),
            s("Disaster recovery is required; the plan runs in one region (cross-region backups only)."),
            s("Keep infrastructure as code and cross-region backups (pilot light); rehearse a regional failover.")));

    // GPUs
    const bool llmSelfHosted = serving.value(s("component")).toString() == QLatin1String("llm_gpu_serving");
    bool usesModelApi = false;
    for (const QJsonValue& c : plan.value(s("components")).toArray())
        usesModelApi = usesModelApi || c.toObject().value(s("kind")).toString() == QLatin1String("tokens");
    if (modelClass.startsWith(QLatin1String("llm")) && !usesModelApi && !serving.isEmpty() &&
        size.value(s("gpus")).toDouble() <= 0)
        out.append(finding(s("tech.gpu_missing"), s("blocking"), s("serving"),
                           s("The LLM would be served without a GPU."),
                           s("Serve on GPU instances (A10G/L4 class or larger) or call a managed model API.")));
    if (llmSelfHosted && size.value(s("gpu_memory_gb")).toDouble() > 0 &&
        size.value(s("gpu_memory_gb")).toDouble() < model.value(s("memory_gb")).toDouble())
        out.append(finding(s("tech.gpu_memory"), s("blocking"), s("serving"),
                           s("The model does not fit in GPU memory."),
                           s("Use a GPU with more memory or a smaller/quantised model.")));
    if (k.value(s("gpu_required")).toBool()) {
        const QJsonObject training = componentByRole(plan, s("training"));
        if (training.value(s("kind")).toString() == QLatin1String("instances") &&
            training.value(s("size")).toObject().value(s("gpus")).toDouble() <= 0)
            out.append(finding(s("tech.gpu_missing"), s("blocking"), s("training"),
                               s("GPUs are required but training runs on CPU instances."),
                               s("Use a GPU instance class for training jobs.")));
    }

    // data volume
    const double data = usage.value(s("data_gb")).toDouble();
    const double single = specs.value(s("assumptions")).toObject().value(s("max_vcpus_single_node_gb")).toDouble(500);
    if (data > single &&
        !componentByRole(plan, s("processing")).value(s("component")).toString().contains(QLatin1String("spark")) &&
        componentByRole(plan, s("training")).value(s("component")).toString() != QLatin1String("spark_processing"))
        out.append(finding(
            s("tech.data_volume"), data > 10 * single ? s("high") : s("medium"), s("training"),
            QStringLiteral("%1 GB of data exceeds what one training node handles comfortably (~%2 GB).")
                .arg(data)
                .arg(single),
            s("Add distributed preprocessing (Spark/Dataflow), train on samples, or use distributed training.")));

    // team skills
    const QJsonArray expertise = k.value(s("team_expertise")).toArray();
    const bool k8s = servingType == QLatin1String("kubernetes") || !componentByRole(plan, s("platform")).isEmpty();
    if (k8s && !expertise.contains(s("kubernetes")) &&
        (expertise.contains(s("limited_ops")) || (k.value(s("team_size")).toInt(100) <= 3)))
        out.append(
            finding(s("tech.team_skills"), s("high"), s("platform"),
                    s("The plan needs a Kubernetes cluster but the team is small or has no Kubernetes experience."),
                    s("Prefer managed containers or a managed ML platform, or budget for platform engineering.")));

    if (servingType == QLatin1String("streaming") && latency > 0 &&
        latency < runtime.value(s("overhead_ms")).toDouble(1000))
        out.append(
            finding(s("tech.stream_latency"), s("medium"), s("streaming"),
                    s("End-to-end latency of in-stream scoring is about a second; the target is tighter."),
                    s("Score synchronously on a request path for tight latency; keep the stream for features.")));
    if (servingType == QLatin1String("edge"))
        out.append(
            finding(s("tech.edge_rollout"), s("info"), s("serving"),
                    s("Edge models are updated over the air; a bad model reaches devices unless rollouts are staged."),
                    s("Stage OTA rollouts (canary devices first) and keep the previous model for rollback.")));
    return out;
}

} // namespace mlops

#include "codegen/AppScaffoldRenderer.h"

#include "codegen/ServiceIds.h"
#include "codegen/TemplateLibrary.h"

namespace mlops {

namespace {

QString s(const char* t) {
    return QString::fromLatin1(t);
}

void add(GeneratedRepository& repo, const QString& path, const QString& templ, const QMap<QString, QString>& values) {
    QString error;
    const QString text = TemplateLibrary::render(templ, values, &error);
    if (!error.isEmpty())
        repo.errors.append(error);
    else
        repo.add(path, text);
}

QString task(const RenderInput& in) {
    for (const QJsonValue& v : in.constraints.value(s("ml_tasks")).toArray()) {
        if (v.toString() == QLatin1String("regression") || v.toString() == QLatin1String("forecasting"))
            return s("regression");
    }
    return s("classification");
}

} // namespace

void AppScaffoldRenderer::render(const RenderInput& in, GeneratedRepository& repo) {
    const QString project = in.project();
    QStringList sources;
    for (const QJsonValue& v : in.constraints.value(s("data_sources")).toArray())
        sources.append(v.toString());
    // Identifier columns are pseudonymised whenever a privacy regime applies to the data.
    const bool privacy = in.compliance().contains(s("GDPR")) || in.compliance().contains(s("HIPAA")) ||
                         in.compliance().contains(s("CCPA")) || in.compliance().contains(s("PCI-DSS"));
    const QMap<QString, QString> common{
        {s("project"), project},
        {s("framework"), in.primaryFramework()},
        {s("schedule"), in.trainingSchedule()},
        {s("task"), task(in)},
        {s("sources"), sources.isEmpty() ? s("not named") : sources.join(s(", "))},
        {s("pseudonymised"), privacy ? s("customer_id,patient_id,account_id,email") : QString()},
        {s("latency"), in.latencyP99Ms() > 0 ? QString::number(in.latencyP99Ms()) : s("not set")},
        {s("mode"), in.servingMode()},
        {s("monitors"), in.monitoring().join(s(", "))}};
    repo.add(s("app/__init__.py"), QByteArray());
    repo.add(s("app/features/__init__.py"), QByteArray());
    repo.add(s("app/training/__init__.py"), QByteArray());
    repo.add(s("app/serving/__init__.py"), QByteArray());
    repo.add(s("app/monitoring/__init__.py"), QByteArray());
    add(repo, s("app/features/pipeline.py"), s("features.py.tmpl"), common);
    add(repo, s("app/training/train.py"), s("train.py.tmpl"), common);
    add(repo, s("app/monitoring/drift.py"), s("drift.py.tmpl"), common);
    add(repo, s("tests/test_features.py"), s("test_features.py.tmpl"), common);
    add(repo, s("tests/test_drift.py"), s("test_drift.py.tmpl"), common);
    if (in.onlineServing()) {
        add(repo, s("app/serving/service.py"), s("service.py.tmpl"), common);
        add(repo, s("tests/test_service.py"), s("test_service.py.tmpl"), common);
    } else {
        add(repo, s("app/serving/batch.py"), s("batch.py.tmpl"), common);
    }

    QMap<QString, QString> training = common;
    training.insert(s("purpose"), s("Training"));
    training.insert(s("expose"), QString());
    training.insert(s("entrypoint"), s("\"python\", \"-m\", \"app.training.train\""));
    add(repo, s("docker/training.Dockerfile"), s("Dockerfile.tmpl"), training);
    QMap<QString, QString> serving = common;
    serving.insert(s("purpose"), in.onlineServing() ? s("Online serving") : s("Batch scoring"));
    serving.insert(s("expose"), in.onlineServing() ? s("EXPOSE 8080\n") : QString());
    serving.insert(s("entrypoint"),
                   in.onlineServing()
                       ? s("\"uvicorn\", \"app.serving.service:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8080\"")
                       : s("\"python\", \"-m\", \"app.serving.batch\""));
    if (in.onlineServing() && in.serviceOf(s("serving")) == ServiceId::AwsSagemakerEndpoint) {
        // SageMaker hosting starts the container as `<image> serve`: through sh the extra argument lands in $0/$1
        // and is ignored, where uvicorn would refuse it. The service answers /ping and /invocations on 8080.
        serving.insert(s("expose"),
                       s("EXPOSE 8080\n# SageMaker hosting runs `<image> serve`; the argument is ignored.\n"));
        serving.insert(
            s("entrypoint"),
            s("\"sh\", \"-c\", \"exec uvicorn app.serving.service:app --host 0.0.0.0 --port 8080\", \"--\""));
    }
    add(repo, s("docker/serving.Dockerfile"), s("Dockerfile.tmpl"), serving);

    QStringList deps{s("pandas>=2.1"),       s("pyarrow>=15"), s("numpy>=1.26"),
                     s("scikit-learn>=1.4"), s("joblib>=1.3"), s("mlflow>=2.12")};
    if (in.primaryFramework() == QLatin1String("xgboost"))
        deps << s("xgboost>=2.0");
    if (in.primaryFramework() == QLatin1String("pytorch"))
        deps << s("torch>=2.2");
    if (in.onlineServing())
        deps << s("fastapi>=0.110") << s("uvicorn[standard]>=0.29") << s("prometheus-client>=0.20");
    deps.sort();
    QString depLines;
    for (const QString& d : std::as_const(deps))
        depLines += s("    \"") + d + s("\",\n");
    QMap<QString, QString> py = common;
    py.insert(s("description"),
              in.plan.value(s("pattern")).toObject().value(s("name")).toString() + s(" for ") + project);
    py.insert(s("dependencies"), depLines);
    add(repo, s("pyproject.toml"), s("pyproject.toml.tmpl"), py);

    QMap<QString, QString> make = common;
    make.insert(s("score_help"),
                in.onlineServing() ? s("run the prediction service locally") : s("score the latest features in batch"));
    make.insert(s("score_command"), in.onlineServing() ? s("uvicorn app.serving.service:app --port 8080")
                                                       : s("$(PYTHON) -m app.serving.batch"));
    make.insert(s("build_lines"), s("\tdocker build -f docker/training.Dockerfile -t ") + project +
                                      s("-training .\n\tdocker build -f docker/serving.Dockerfile -t ") + project +
                                      s("-serving .\n"));
    add(repo, s("Makefile"), s("Makefile.tmpl"), make);
    repo.add(s(".gitignore"),
             QByteArray("__pycache__/\n*.pyc\n.venv/\nartifacts/\ndata/\n.terraform/\n*.tfstate*\ntfplan\n"));
}

} // namespace mlops

// mlops-studio-cli extract: the constraint object of a prompt (intake_extract's rules), no database needed.
#include "agents/AnswersFile.h"
#include "agents/IntakeExtractor.h"
#include "cli/CliCommands.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromUtf8(text);
}

QString render(const QJsonValue& v) {
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : v.toArray())
            parts.append(render(item));
        return QLatin1Char('[') + parts.join(s(", ")) + QLatin1Char(']');
    }
    if (v.isNull() || v.isUndefined())
        return s("-");
    if (v.isBool())
        return v.toBool() ? s("true") : s("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 12);
    return v.toString();
}

class ExtractCommand : public CliCommand {
public:
    QString name() const override { return s("extract"); }
    QString summary() const override { return s("Print the constraints read from a prompt (docs/constraints.md)."); }
    void configure(QCommandLineParser& p) const override {
        p.addPositionalArgument(s("prompt"), s("Prompt file, or - for standard input."));
        p.addOption({s("json"), s("Print the constraint object as JSON.")});
        p.addOption(
            {s("answers"), s("YAML file of answers applied over the text (question id or field: value)."), s("FILE")});
    }

    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        if (p.positionalArguments().size() != 1)
            return CliSupport::fail(ctx, s("extract needs exactly one prompt file (or -)"), 2);
        QString prompt;
        if (!CliSupport::readPrompt(p.positionalArguments().first(), ctx, &prompt))
            return 1;
        const auto kb = KnowledgeBase::shared();
        if (!kb->isValid())
            return CliSupport::fail(ctx,
                                    QStringLiteral("knowledge base is invalid: %1").arg(kb->errors().join(s("; "))));
        const IntakeExtractor extractor(kb);
        QJsonObject k = extractor.extract(prompt);
        if (p.isSet(s("answers"))) {
            QJsonObject answers;
            QString error;
            if (!AnswersFile::load(p.value(s("answers")), &answers, &error))
                return CliSupport::fail(ctx, error);
            QStringList problems;
            k = extractor.applyAnswers(k, answers, &problems);
            for (const QString& problem : std::as_const(problems))
                ctx.io.err << "warning: answer ignored: " << problem << '\n';
        }
        if (p.isSet(s("json"))) {
            ctx.io.out << QString::fromUtf8(QJsonDocument(k).toJson(QJsonDocument::Indented));
            ctx.io.out.flush();
            return 0;
        }
        const QJsonObject confidence = k.value(s("field_confidence")).toObject();
        const QJsonObject evidence = k.value(s("evidence")).toObject();
        const QJsonObject assumptions = k.value(s("assumptions")).toObject();
        QTextStream& out = ctx.io.out;
        for (const QString& field : IntakeExtractor::fieldNames()) {
            const QJsonValue v = k.value(field);
            out << field.leftJustified(30) << render(v);
            if (confidence.contains(field))
                out << QStringLiteral("  (%1)").arg(confidence.value(field).toDouble(), 0, 'f', 2);
            if (evidence.contains(field))
                out << QStringLiteral("  \"%1\"").arg(evidence.value(field).toString().simplified());
            if (assumptions.contains(field))
                out << QStringLiteral("  [assumed: %1]").arg(assumptions.value(field).toString());
            out << '\n';
        }
        out << "missing: " << render(k.value(s("missing_fields"))) << '\n';
        out << "ambiguous: " << render(k.value(s("ambiguous_fields"))) << '\n';
        for (const QJsonValue& c : k.value(s("conflicts")).toArray())
            out << "conflict: " << c.toObject().value(s("message")).toString() << '\n';
        out.flush();
        return 0;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeExtractCommand() {
    return std::make_unique<ExtractCommand>();
}

} // namespace mlops

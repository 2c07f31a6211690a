#pragma once

#include "workflow/Node.h"

#include <functional>
#include <memory>

namespace mlops::test {

// A node whose behaviour is a lambda: for runtime tests that need precise control.
class LambdaNode : public Node {
public:
    using Fn = std::function<NodeResult(NodeContext&)>;
    LambdaNode(QString name, QStringList writes, Fn fn)
        : m_name(std::move(name))
        , m_writes(std::move(writes))
        , m_fn(std::move(fn)) {}
    QString name() const override { return m_name; }
    QStringList writes() const override { return m_writes; }
    NodeResult run(NodeContext& c) override { return m_fn(c); }

private:
    QString m_name;
    QStringList m_writes;
    Fn m_fn;
};

// A gate asking fixed questions; answers are stored under the given part.
class FixedGate : public GateNode {
public:
    FixedGate(QString name, QString part, QList<Question> questions)
        : m_name(std::move(name))
        , m_part(std::move(part))
        , m_questions(std::move(questions)) {}
    QString name() const override { return m_name; }
    QStringList writes() const override { return {m_part}; }
    QList<Question> questions(const WorkflowState&, const RunSettings&) const override { return m_questions; }
    QJsonObject applyAnswers(const WorkflowState&, const QJsonObject& answers) const override {
        return {{m_part, answers}};
    }

private:
    QString m_name;
    QString m_part;
    QList<Question> m_questions;
};

inline std::shared_ptr<Node> counterNode(const QString& name, const QString& part) {
    return std::make_shared<LambdaNode>(name, QStringList{part}, [part](NodeContext& c) {
        ReasonCard card;
        card.decision = QStringLiteral("increment");
        card.confidence = 1.0;
        card.category = QStringLiteral("test");
        c.card(card);
        return NodeResult{{{part, c.state().integer(part) + 1}}, {}};
    });
}

inline Question makeQuestion(const QString& id, const QString& type, const QJsonValue& def, double confidence,
                             const QString& priority) {
    Question q;
    q.id = id;
    q.text = QStringLiteral("Question ") + id;
    q.type = type;
    q.defaultValue = def;
    q.confidence = confidence;
    q.priority = priority;
    q.rationale = QStringLiteral("test default");
    if (type == QLatin1String("choice"))
        q.options = {QStringLiteral("aws"), QStringLiteral("gcp"), QStringLiteral("azure")};
    return q;
}

} // namespace mlops::test

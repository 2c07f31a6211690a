// hitl_gate_input: the durable interrupt that puts adaptive_questions' questions to a human. Answers are merged
// over earlier rounds; intake_extract applies them to the constraints on the next pass.
#include "agents/Agents.h"

namespace mlops {

namespace {

class InputGate : public GateNode {
public:
    QString name() const override { return QStringLiteral("hitl_gate_input"); }
    QStringList writes() const override { return {StatePart::answers(), StatePart::questions()}; }
    QList<Question> questions(const WorkflowState& state, const RunSettings&) const override {
        return questionsFromJson(state.array(StatePart::questions()));
    }
    QJsonObject applyAnswers(const WorkflowState& state, const QJsonObject& answers) const override {
        QJsonObject merged = state.object(StatePart::answers());
        for (auto it = answers.begin(); it != answers.end(); ++it)
            merged.insert(it.key(), it.value());
        // the questions are cleared so that a resumed run never presents an answered round again
        return {{StatePart::answers(), merged}, {StatePart::questions(), QJsonArray()}};
    }
};

} // namespace

std::shared_ptr<GateNode> makeInputGateNode() {
    return std::make_shared<InputGate>();
}

} // namespace mlops

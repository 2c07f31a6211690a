#pragma once

#include "workflow/Node.h"

#include <functional>

namespace mlops {

// A workflow node whose run() is a function: the analysis agents are stateless (everything they need is in the
// state, the settings and the shared knowledge base), so a node is just a name, the parts it writes and a function.
class FunctionNode : public Node {
public:
    using Fn = std::function<NodeResult(NodeContext&)>;

    FunctionNode(QString name, QStringList writes, Fn fn)
        : m_name(std::move(name))
        , m_writes(std::move(writes))
        , m_fn(std::move(fn)) {}
    QString name() const override { return m_name; }
    QStringList writes() const override { return m_writes; }
    NodeResult run(NodeContext& context) override { return m_fn(context); }

private:
    QString m_name;
    QStringList m_writes;
    Fn m_fn;
};

} // namespace mlops

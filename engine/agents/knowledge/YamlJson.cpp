#include "agents/knowledge/YamlJson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace mlops {

namespace {

const QString kLine = QStringLiteral("__line");

QJsonValue scalar(const YAML::Node& node) {
    const QString text = QString::fromStdString(node.Scalar());
    if (node.Tag() == "!") // quoted: always a string
        return text;
    if (text.isEmpty() || text == QLatin1String("~") || text == QLatin1String("null") || text == QLatin1String("Null"))
        return QJsonValue::Null;
    if (text == QLatin1String("true") || text == QLatin1String("True"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("False"))
        return false;
    static const QRegularExpression number(QStringLiteral("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?$"));
    if (number.match(text).hasMatch()) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (ok)
            return d;
    }
    return text;
}

// Aliases let a few lines expand to billions of nodes ("billion laughs"): conversion stops at a node budget far
// above any real knowledge, policy or answers file.
constexpr qsizetype kMaxNodes = 500000;

QJsonValue convert(const YAML::Node& node, bool withLines, int depth, qsizetype& budget) {
    if (depth > 64)
        throw YAML::ParserException(node.Mark(), "nesting deeper than 64 levels");
    if (--budget < 0)
        throw YAML::ParserException(node.Mark(), "more than 500000 nodes (alias expansion?)");
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue::Null;
    case YAML::NodeType::Scalar:
        return scalar(node);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node& item : node)
            array.append(convert(item, withLines, depth + 1, budget));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto& entry : node) {
            if (!entry.first.IsScalar())
                throw YAML::ParserException(entry.first.Mark(), "mapping keys must be plain text");
            object.insert(QString::fromStdString(entry.first.Scalar()),
                          convert(entry.second, withLines, depth + 1, budget));
        }
        if (withLines && !node.Mark().is_null())
            object.insert(kLine, node.Mark().line + 1);
        return object;
    }
    }
    return QJsonValue::Null;
}

} // namespace

YamlJsonResult yamlToJson(const QByteArray& text, const QString& fileName, bool withLines) {
    YamlJsonResult result;
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        qsizetype budget = kMaxNodes;
        result.value = convert(root, withLines, 0, budget);
    } catch (const YAML::Exception& e) {
        result.line = e.mark.is_null() ? 0 : e.mark.line + 1;
        result.error = QStringLiteral("%1:%2: %3").arg(fileName).arg(result.line).arg(QString::fromStdString(e.msg));
    } catch (const std::exception& e) {
        result.error = QStringLiteral("%1: %2").arg(fileName, QString::fromUtf8(e.what()));
    }
    return result;
}

YamlJsonResult yamlFileToJson(const QString& path, bool withLines) {
    QFile file(path);
    const QString name = path.startsWith(QLatin1Char(':')) ? path : QFileInfo(path).filePath();
    if (!file.open(QIODevice::ReadOnly)) {
        YamlJsonResult result;
        result.error = QStringLiteral("%1: cannot read: %2").arg(name, file.errorString());
        return result;
    }
    return yamlToJson(file.readAll(), name, withLines);
}

int yamlLine(const QJsonObject& object) {
    return object.value(kLine).toInt();
}

} // namespace mlops

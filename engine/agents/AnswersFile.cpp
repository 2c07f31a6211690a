#include "agents/AnswersFile.h"

#include <QFile>
#include <QJsonArray>
#include <QStringDecoder>

#include <yaml-cpp/yaml.h>

namespace mlops {

namespace {

constexpr qint64 kMaxAnswersBytes = 1024 * 1024;

QJsonValue scalarValue(const YAML::Node& node) {
    const std::string text = node.Scalar();
    if (node.Tag() == "!") // quoted: always a string
        return QString::fromStdString(text);
    const QString s = QString::fromStdString(text);
    const QString lower = s.toLower();
    if (lower == QLatin1String("true") || lower == QLatin1String("yes"))
        return true;
    if (lower == QLatin1String("false") || lower == QLatin1String("no"))
        return false;
    if (lower == QLatin1String("null") || s == QLatin1String("~") || s.isEmpty())
        return QJsonValue::Null;
    bool ok = false;
    const double d = s.toDouble(&ok);
    if (ok)
        return d;
    return s;
}

constexpr int kMaxNodes = 10000;

// `budget` counts nodes: aliases share nodes in yaml-cpp, so "billion laughs" files would expand without it.
QJsonValue toJson(const YAML::Node& node, int depth, int& budget) {
    if (depth > 16)
        throw YAML::ParserException(node.Mark(), "nesting deeper than 16 levels");
    if (--budget < 0)
        throw YAML::ParserException(node.Mark(), "more than 10000 values (alias expansion?)");
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return scalarValue(node);
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const YAML::Node& item : node)
            a.append(toJson(item, depth + 1, budget));
        return a;
    }
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto& kv : node) {
            if (!kv.first.IsScalar())
                throw YAML::ParserException(kv.first.Mark(), "keys must be plain names");
            o.insert(QString::fromStdString(kv.first.Scalar()), toJson(kv.second, depth + 1, budget));
        }
        return o;
    }
    default:
        return QJsonValue::Null;
    }
}

} // namespace

bool AnswersFile::parse(const QByteArray& yaml, const QString& sourceName, QJsonObject* answers, QString* error) {
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless); // a cut-off sequence at the end is an error too
    const QString decoded = decoder(yaml);                   // decode() is lazy: converting runs it
    if (decoder.hasError() || yaml.contains('\0')) {
        *error = QStringLiteral("%1: answers file is not UTF-8 text").arg(sourceName);
        return false;
    }
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (root.IsNull()) {
            *answers = {};
            return true;
        }
        if (!root.IsMap()) {
            *error = QStringLiteral("%1:%2: answers file must be a mapping of question id to answer")
                         .arg(sourceName)
                         .arg(root.Mark().line + 1);
            return false;
        }
        int budget = kMaxNodes;
        *answers = toJson(root, 0, budget).toObject();
        return true;
    } catch (const YAML::Exception& e) {
        *error = QStringLiteral("%1:%2:%3: %4")
                     .arg(sourceName)
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return false;
    }
}

bool AnswersFile::load(const QString& path, QJsonObject* answers, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read answers file %1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray bytes = f.read(kMaxAnswersBytes + 1);
    if (bytes.size() > kMaxAnswersBytes) {
        *error = QStringLiteral("%1: answers file is larger than 1 MiB").arg(path);
        return false;
    }
    return parse(bytes, path, answers, error);
}

} // namespace mlops

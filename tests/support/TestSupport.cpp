#include "TestSupport.h"

#include "agents/knowledge/KnowledgeBase.h"
#include "core/Clock.h"

#include <QDir>
#include <QFileInfo>

namespace mlops::test {

QString dataPath(const QString& relative) {
    const QString fromEnv = qEnvironmentVariable("MLOPS_TEST_DATA");
    const QString root = fromEnv.isEmpty() ? QStringLiteral(MLOPS_TEST_DATA_DIR) : fromEnv;
    return QDir(root).filePath(relative);
}

QString binaryPath(const QString& name) {
    const QString root = QStringLiteral(MLOPS_BINARY_DIR);
    for (const QString& sub : {QStringLiteral("app"), QStringLiteral("tests/unit"), QString()}) {
        const QString candidate = QDir(root).filePath(sub.isEmpty() ? name : sub + QLatin1Char('/') + name);
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return QDir(root).filePath(QStringLiteral("app/") + name);
}

void isolateDataDirs(const QString& root) {
    qputenv("XDG_DATA_HOME", QDir(root).filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", QDir(root).filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_CACHE_HOME", QDir(root).filePath(QStringLiteral("cache")).toUtf8());
}

std::unique_ptr<Studio> openStudio(const Studio::Options& options, QString* error) {
    Result<std::unique_ptr<Studio>> studio = Studio::open(options);
    if (!studio) {
        *error = studio.error();
        return nullptr;
    }
    return std::move(studio).value();
}

std::shared_ptr<const KnowledgeBase> knowledge() {
    static const std::shared_ptr<const KnowledgeBase> kb = KnowledgeBase::loadDefault();
    return kb;
}

RunServices services() {
    return {Clock::system(), knowledge(), nullptr};
}

} // namespace mlops::test

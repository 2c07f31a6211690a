#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

#include <map>

namespace mlops {

// The generated repository in memory: relative path -> bytes, kept sorted so every listing, hash and write order
// is the same for the same plan. Renderers add files; RepositoryWriter puts them on disk.
class GeneratedRepository {
public:
    struct File {
        QByteArray content;
        QString type; // terraform | yaml | json | python | markdown | dockerfile | makefile | toml | html | text
    };

    void add(const QString& path, const QByteArray& content, const QString& type = {});
    void add(const QString& path, const QString& content, const QString& type = {}) {
        add(path, content.toUtf8(), type);
    }
    bool contains(const QString& path) const { return m_files.count(path) > 0; }
    QByteArray content(const QString& path) const;
    const std::map<QString, File>& files() const { return m_files; }

    // The Terraform resource model ({type, name, attributes, file, line}) the validators re-run policies on.
    QJsonArray terraformResources;
    // Errors while rendering (a missing template value); a non-empty list fails the codegen node.
    QStringList errors;

    static QString typeForPath(const QString& path);

private:
    std::map<QString, File> m_files;
};

} // namespace mlops

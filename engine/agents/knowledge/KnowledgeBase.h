#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace mlops {

// The offline agents' knowledge (resources/knowledge/*.yaml) as validated JSON. Immutable once built, so one
// instance is shared by all worker threads. Malformed files are reported as "file:line: reason": a broken
// built-in file makes the instance invalid, a broken user policy file is skipped and reported.
class KnowledgeBase {
public:
    struct Options {
        QString builtinRoot = QStringLiteral(":/knowledge");
        QStringList userPolicyDirs; // extra *.yaml policy packs
    };

    static std::shared_ptr<const KnowledgeBase> load(const Options& options);
    // Built-in knowledge plus the user's policy folder ($XDG_CONFIG_HOME/agentic-mlops-studio/policies),
    // built on first use under a mutex.
    static std::shared_ptr<const KnowledgeBase> shared();
    static QString userPolicyDir();
    // Drops the shared instance (tests that change the user policy folder).
    static void resetShared();

    // Parses one policy pack file; errors get file and line. Returns the pack or an empty object.
    static QJsonObject parsePolicyPack(const QByteArray& text, const QString& fileName, QStringList* errors);

    bool isValid() const { return m_builtinErrors.isEmpty(); }
    QStringList errors() const { return m_builtinErrors + m_userErrors; }
    QStringList userErrors() const { return m_userErrors; }
    QStringList userPolicyFiles() const { return m_userFiles; }
    QString fingerprint() const { return m_fingerprint; } // sha1 of all loaded files, for reproducibility

    const QJsonObject& lexicon() const { return m_lexicon; }
    const QJsonObject& coverage() const { return m_coverage; }
    const QJsonObject& questionBank() const { return m_questions; }
    const QJsonArray& patterns() const { return m_patterns; }
    QJsonObject pattern(const QString& id) const;
    const QJsonObject& components() const { return m_components; }
    // The catalogue entry of `component` on `cloud`, with "component" and "cloud" added; empty if unknown.
    QJsonObject service(const QString& component, const QString& cloud) const;
    QJsonObject priceTable(const QString& cloud) const { return m_prices.value(cloud).toObject(); }
    const QJsonObject& techSpecs() const { return m_techSpecs; }
    // The sourced serving-capacity entries of capacity.yaml (docs/capacity.md).
    const QJsonArray& capacityEntries() const { return m_capacity; }
    const QJsonObject& hardening() const { return m_hardening; }
    const QJsonArray& policyPacks() const { return m_policyPacks; }

    static QStringList clouds();

private:
    void loadBuiltin(const QString& root);
    void loadUserPolicies(const QString& dir);
    QJsonObject loadFile(const QString& path, bool withLines = false);
    void validate();

    QJsonObject m_lexicon;
    QJsonObject m_coverage;
    QJsonObject m_questions;
    QJsonArray m_patterns;
    QJsonObject m_components;
    QJsonObject m_prices;
    QJsonObject m_techSpecs;
    QJsonArray m_capacity;
    QJsonObject m_hardening;
    QJsonArray m_policyPacks;
    QStringList m_builtinErrors;
    QStringList m_userErrors;
    QStringList m_userFiles;
    QString m_fingerprint;
    QByteArray m_allText;
};

} // namespace mlops

#include "agents/knowledge/KnowledgeBase.h"

#include "agents/knowledge/CapacityTable.h"
#include "agents/knowledge/Condition.h"
#include "agents/knowledge/YamlJson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QStandardPaths>

#include <mutex>

// The engine is a static library: its resources must be registered explicitly or the linker drops them.
static void initKnowledgeResources() {
    Q_INIT_RESOURCE(resources);
}

namespace mlops {

namespace {

std::mutex g_sharedMutex;
std::shared_ptr<const KnowledgeBase> g_shared;

const QStringList kSeverities = {QStringLiteral("critical"), QStringLiteral("high"), QStringLiteral("medium"),
                                 QStringLiteral("low")};

QString where(const QString& file, const QJsonObject& o) {
    return QStringLiteral("%1:%2").arg(file).arg(yamlLine(o));
}

} // namespace

QStringList KnowledgeBase::clouds() {
    return {QStringLiteral("aws"), QStringLiteral("gcp"), QStringLiteral("azure"), QStringLiteral("on_prem")};
}

std::shared_ptr<const KnowledgeBase> KnowledgeBase::load(const Options& options) {
    initKnowledgeResources();
    auto kb = std::make_shared<KnowledgeBase>();
    kb->loadBuiltin(options.builtinRoot);
    for (const QString& dir : options.userPolicyDirs)
        kb->loadUserPolicies(dir);
    kb->validate();
    kb->m_fingerprint = QString::fromLatin1(QCryptographicHash::hash(kb->m_allText, QCryptographicHash::Sha1).toHex());
    kb->m_allText.clear();
    return kb;
}

QString KnowledgeBase::userPolicyDir() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/agentic-mlops-studio/policies");
}

std::shared_ptr<const KnowledgeBase> KnowledgeBase::shared() {
    std::lock_guard lock(g_sharedMutex);
    if (!g_shared) {
        Options options;
        options.userPolicyDirs = {userPolicyDir()};
        g_shared = load(options);
    }
    return g_shared;
}

void KnowledgeBase::resetShared() {
    std::lock_guard lock(g_sharedMutex);
    g_shared.reset();
}

QJsonObject KnowledgeBase::loadFile(const QString& path, bool withLines) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_builtinErrors.append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return {};
    }
    const QByteArray text = file.readAll();
    m_allText += text;
    const YamlJsonResult r = yamlToJson(text, path, withLines);
    if (!r.ok()) {
        m_builtinErrors.append(r.error);
        return {};
    }
    if (!r.value.isObject()) {
        m_builtinErrors.append(QStringLiteral("%1:1: expected a mapping at the top level").arg(path));
        return {};
    }
    return r.value.toObject();
}

void KnowledgeBase::loadBuiltin(const QString& root) {
    m_lexicon = loadFile(root + QStringLiteral("/lexicon.yaml"));
    m_coverage = loadFile(root + QStringLiteral("/coverage.yaml"));
    m_questions = loadFile(root + QStringLiteral("/questions.yaml"));
    m_patterns = loadFile(root + QStringLiteral("/patterns.yaml")).value(QStringLiteral("patterns")).toArray();
    m_components = loadFile(root + QStringLiteral("/services.yaml")).value(QStringLiteral("components")).toObject();
    m_techSpecs = loadFile(root + QStringLiteral("/tech_specs.yaml"));
    {
        // every capacity figure must carry its source and date, like the price tables: checked here so that a
        // figure without one never reaches the planner
        const QString path = root + QStringLiteral("/capacity.yaml");
        const QJsonObject capacity = loadFile(path, true);
        if (!capacity.isEmpty()) {
            const QStringList errors = CapacityTable::validate(capacity, QStringLiteral("capacity.yaml"));
            m_builtinErrors += errors;
            if (errors.isEmpty())
                m_capacity = capacity.value(QStringLiteral("entries")).toArray();
        }
    }
    m_hardening = loadFile(root + QStringLiteral("/hardening.yaml"));
    for (const QString& cloud : clouds())
        m_prices.insert(cloud, loadFile(root + QStringLiteral("/prices/") + cloud + QStringLiteral(".yaml")));
    for (const char* pack : {"baseline", "hipaa", "gdpr", "pci_dss", "soc2"}) {
        const QString path = root + QStringLiteral("/policies/") + QString::fromLatin1(pack) + QStringLiteral(".yaml");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_builtinErrors.append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
            continue;
        }
        const QByteArray text = file.readAll();
        m_allText += text;
        QJsonObject parsed = parsePolicyPack(text, path, &m_builtinErrors);
        if (!parsed.isEmpty()) {
            parsed.insert(QStringLiteral("source"), QStringLiteral("builtin"));
            m_policyPacks.append(parsed);
        }
    }
}

void KnowledgeBase::loadUserPolicies(const QString& dir) {
    const QDir d(dir);
    if (dir.isEmpty() || !d.exists())
        return;
    QSet<QString> ids;
    for (const QJsonValue& pack : std::as_const(m_policyPacks)) {
        for (const QJsonValue& rule : pack.toObject().value(QStringLiteral("rules")).toArray())
            ids.insert(rule.toObject().value(QStringLiteral("id")).toString());
    }
    const QStringList files = d.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        const QString path = d.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || file.size() > 4 * 1024 * 1024) {
            m_userErrors.append(QStringLiteral("%1: cannot read or larger than 4 MB").arg(path));
            continue;
        }
        const QByteArray text = file.readAll();
        QStringList errors;
        QJsonObject pack = parsePolicyPack(text, path, &errors);
        for (const QJsonValue& rule : pack.value(QStringLiteral("rules")).toArray()) {
            const QString id = rule.toObject().value(QStringLiteral("id")).toString();
            if (ids.contains(id))
                errors.append(
                    QStringLiteral("%1: rule id '%2' is already defined").arg(where(path, rule.toObject()), id));
            ids.insert(id);
        }
        if (!errors.isEmpty()) {
            m_userErrors += errors;
            continue; // a half-valid pack is not applied: the user fixes the file first
        }
        m_allText += text;
        pack.insert(QStringLiteral("source"), path);
        m_policyPacks.append(pack);
        m_userFiles.append(path);
    }
}

QJsonObject KnowledgeBase::parsePolicyPack(const QByteArray& text, const QString& fileName, QStringList* errors) {
    const YamlJsonResult r = yamlToJson(text, fileName, true);
    if (!r.ok()) {
        errors->append(r.error);
        return {};
    }
    const QJsonObject pack = r.value.toObject();
    if (!r.value.isObject() || !pack.value(QStringLiteral("pack")).isString()) {
        errors->append(QStringLiteral("%1:1: a policy file needs a 'pack' name and a 'rules' list").arg(fileName));
        return {};
    }
    const int before = errors->size();
    const QJsonValue applies = pack.value(QStringLiteral("applies_when"));
    if (!applies.isUndefined() && !Condition::validate(applies).isEmpty())
        errors->append(QStringLiteral("%1: applies_when: %2").arg(where(fileName, pack), Condition::validate(applies)));
    const QJsonValue rules = pack.value(QStringLiteral("rules"));
    if (!rules.isArray() || rules.toArray().isEmpty())
        errors->append(QStringLiteral("%1: 'rules' must be a non-empty list").arg(where(fileName, pack)));
    QSet<QString> ids;
    for (const QJsonValue& value : rules.toArray()) {
        const QJsonObject rule = value.toObject();
        const QString at = where(fileName, rule);
        const QString id = rule.value(QStringLiteral("id")).toString();
        if (!value.isObject() || id.isEmpty()) {
            errors->append(QStringLiteral("%1: rule without an 'id'").arg(at));
            continue;
        }
        if (ids.contains(id))
            errors->append(QStringLiteral("%1: duplicate rule id '%2'").arg(at, id));
        ids.insert(id);
        if (!kSeverities.contains(rule.value(QStringLiteral("severity")).toString()))
            errors->append(QStringLiteral("%1: rule %2: severity must be one of %3")
                               .arg(at, id, kSeverities.join(QStringLiteral(", "))));
        if (!rule.contains(QStringLiteral("check")))
            errors->append(QStringLiteral("%1: rule %2: missing 'check'").arg(at, id));
        else if (const QString e = Condition::validate(rule.value(QStringLiteral("check"))); !e.isEmpty())
            errors->append(QStringLiteral("%1: rule %2: check: %3").arg(at, id, e));
        if (rule.contains(QStringLiteral("when")))
            if (const QString e = Condition::validate(rule.value(QStringLiteral("when"))); !e.isEmpty())
                errors->append(QStringLiteral("%1: rule %2: when: %3").arg(at, id, e));
        if (rule.value(QStringLiteral("message")).toString().isEmpty())
            errors->append(QStringLiteral("%1: rule %2: missing 'message'").arg(at, id));
        const QJsonObject res = rule.value(QStringLiteral("resources")).toObject();
        if (!res.contains(QStringLiteral("roles")) && !res.value(QStringLiteral("plan")).toBool())
            errors->append(QStringLiteral("%1: rule %2: 'resources' needs 'roles' or 'plan: true'").arg(at, id));
    }
    return errors->size() == before ? pack : QJsonObject();
}

void KnowledgeBase::validate() {
    const auto need = [this](bool ok, const QString& message) {
        if (!ok)
            m_builtinErrors.append(message);
    };
    need(m_patterns.size() >= 12, QStringLiteral("patterns.yaml: at least 12 patterns expected"));
    for (const QJsonValue& p : std::as_const(m_patterns)) {
        const QJsonObject pattern = p.toObject();
        const QString id = pattern.value(QStringLiteral("id")).toString();
        for (const QJsonValue& f : pattern.value(QStringLiteral("fit")).toArray()) {
            const QString e = Condition::validate(f.toObject().value(QStringLiteral("when")));
            need(e.isEmpty(), QStringLiteral("patterns.yaml: %1: %2").arg(id, e));
        }
        for (const QJsonValue& c : pattern.value(QStringLiteral("components")).toArray()) {
            const QString component = c.toObject().value(QStringLiteral("component")).toString();
            for (const QString& cloud : clouds())
                need(!service(component, cloud).isEmpty(),
                     QStringLiteral("services.yaml: %1 has no %2 service (pattern %3)").arg(component, cloud, id));
        }
    }
    if (!m_capacity.isEmpty()) {
        const CapacityTable capacity(m_capacity);
        const QJsonObject families = m_techSpecs.value(QStringLiteral("capacity_families")).toObject();
        for (auto it = families.begin(); it != families.end(); ++it) {
            const QJsonObject kinds = it.value().toObject();
            for (auto k = kinds.begin(); k != kinds.end(); ++k)
                need(capacity.hasFamily(k.value().toString()),
                     QStringLiteral(
                         "tech_specs.yaml: capacity family %1 of model class %2 has no entry in capacity.yaml")
                         .arg(k.value().toString(), it.key()));
        }
    }
    for (const QString& cloud : clouds()) {
        const QJsonObject table = priceTable(cloud);
        need(!table.value(QStringLiteral("source")).toString().isEmpty() &&
                 !table.value(QStringLiteral("date")).toString().isEmpty(),
             QStringLiteral("prices/%1.yaml: source and date are required").arg(cloud));
    }
}

QJsonObject KnowledgeBase::pattern(const QString& id) const {
    for (const QJsonValue& p : m_patterns) {
        if (p.toObject().value(QStringLiteral("id")).toString() == id)
            return p.toObject();
    }
    return {};
}

QJsonObject KnowledgeBase::service(const QString& component, const QString& cloud) const {
    const QJsonObject entry = m_components.value(component).toObject();
    QJsonObject s = entry.value(cloud).toObject();
    if (s.isEmpty())
        return {};
    s.insert(QStringLiteral("usage"), entry.value(QStringLiteral("usage")).toString(QStringLiteral("always_on")));
    s.insert(QStringLiteral("description"), entry.value(QStringLiteral("description")));
    s.insert(QStringLiteral("component"), component);
    s.insert(QStringLiteral("cloud"), cloud);
    return s;
}

} // namespace mlops

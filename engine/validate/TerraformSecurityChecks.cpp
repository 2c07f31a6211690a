#include "validate/TerraformSecurityChecks.h"

#include <QJsonArray>

namespace mlops {

namespace {

const QString validatorName = QStringLiteral("terraform-policy");

Finding make(Finding::Severity severity, const TerraformSourceBlock& r, int line, const QString& rule,
             const QString& message) {
    const QString address = r.block.labels.value(0) + QLatin1Char('.') + r.block.labels.value(1);
    return Finding{validatorName,
                   severity,
                   r.file,
                   line > 0 ? line : r.block.line,
                   message + QStringLiteral(" (") + address + QLatin1Char(')'),
                   rule};
}

// A nested block that may occur once (object) or several times (array), as HclParsedBlock::toJson shapes it.
QList<QJsonObject> blocksOf(const QJsonObject& attributes, const QString& name) {
    const QJsonValue v = attributes.value(name);
    if (v.isObject())
        return {v.toObject()};
    QList<QJsonObject> out;
    for (const QJsonValue& item : v.toArray())
        out.append(item.toObject());
    return out;
}

bool listHas(const QJsonValue& value, const QStringList& needles) {
    if (value.isString())
        return needles.contains(value.toString());
    for (const QJsonValue& v : value.toArray()) {
        if (needles.contains(v.toString()))
            return true;
    }
    return false;
}

bool isTrue(const QJsonObject& o, const QString& key) {
    return o.value(key).toBool(false);
}

// Whether any block of `type` in the module refers to `address` (e.g. aws_s3_bucket.data) in an attribute.
bool referencedBy(const TerraformSource& module, const QString& type, const QString& address) {
    for (const TerraformSourceBlock& b : module.blocks) {
        if (b.block.type != QLatin1String("resource") || b.block.labels.value(0) != type)
            continue;
        for (const HclAttribute& a : b.block.attributes) {
            if (a.value.isString() && a.value.toString().contains(address + QLatin1Char('.')))
                return true;
        }
    }
    return false;
}

// Only a public HTTP(S) entry point (ports 80/443) is a plausible intent; any other open port is an error.
bool onlyWebPorts(const QJsonObject& rule) {
    const QJsonValue from = rule.value(QStringLiteral("from_port"));
    const QJsonValue to = rule.value(QStringLiteral("to_port"));
    const QStringList web{QStringLiteral("80"), QStringLiteral("443")};
    if (from.isDouble() && to.isDouble())
        return from.toInt() == to.toInt() && (from.toInt() == 80 || from.toInt() == 443);
    const QJsonValue range = rule.value(QStringLiteral("destination_port_range"));
    if (range.isString())
        return web.contains(range.toString());
    for (const QJsonObject& allow : blocksOf(rule, QStringLiteral("allow"))) {
        const QJsonArray ports = allow.value(QStringLiteral("ports")).toArray();
        if (ports.isEmpty())
            return false;
        for (const QJsonValue& p : ports) {
            if (!web.contains(p.toVariant().toString()))
                return false;
        }
        return true;
    }
    return false;
}

// Resource types that accept tags (AWS, Azure) or labels (GCP) and that an ML platform typically creates.
const QStringList taggedTypes{QStringLiteral("aws_s3_bucket"),
                              QStringLiteral("aws_instance"),
                              QStringLiteral("aws_db_instance"),
                              QStringLiteral("aws_rds_cluster"),
                              QStringLiteral("aws_ecr_repository"),
                              QStringLiteral("aws_kms_key"),
                              QStringLiteral("aws_lambda_function"),
                              QStringLiteral("aws_ecs_cluster"),
                              QStringLiteral("aws_ecs_service"),
                              QStringLiteral("aws_eks_cluster"),
                              QStringLiteral("aws_iam_role"),
                              QStringLiteral("aws_sns_topic"),
                              QStringLiteral("aws_sqs_queue"),
                              QStringLiteral("aws_kinesis_stream"),
                              QStringLiteral("aws_dynamodb_table"),
                              QStringLiteral("aws_vpc"),
                              QStringLiteral("aws_subnet"),
                              QStringLiteral("aws_security_group"),
                              QStringLiteral("aws_cloudwatch_log_group"),
                              QStringLiteral("aws_sagemaker_endpoint"),
                              QStringLiteral("aws_sagemaker_model"),
                              QStringLiteral("aws_sagemaker_domain"),
                              QStringLiteral("aws_sagemaker_feature_group"),
                              QStringLiteral("aws_elasticache_replication_group"),
                              QStringLiteral("aws_glue_job"),
                              QStringLiteral("aws_sfn_state_machine"),
                              QStringLiteral("aws_msk_cluster"),
                              QStringLiteral("google_storage_bucket"),
                              QStringLiteral("google_compute_instance"),
                              QStringLiteral("google_bigquery_dataset"),
                              QStringLiteral("google_vertex_ai_endpoint"),
                              QStringLiteral("google_vertex_ai_featurestore"),
                              QStringLiteral("google_cloud_run_v2_service"),
                              QStringLiteral("google_pubsub_topic"),
                              QStringLiteral("google_kms_crypto_key"),
                              QStringLiteral("azurerm_resource_group"),
                              QStringLiteral("azurerm_storage_account"),
                              QStringLiteral("azurerm_kubernetes_cluster"),
                              QStringLiteral("azurerm_machine_learning_workspace"),
                              QStringLiteral("azurerm_container_registry"),
                              QStringLiteral("azurerm_key_vault"),
                              QStringLiteral("azurerm_eventhub_namespace"),
                              QStringLiteral("azurerm_linux_function_app")};

} // namespace

TerraformSecurityChecks::TerraformSecurityChecks(QList<TerraformSource> modules)
    : m_modules(std::move(modules)) {}

QList<Finding> TerraformSecurityChecks::run() const {
    QList<Finding> out;
    for (const TerraformSource& module : m_modules) {
        for (const TerraformSourceBlock& r : module.blocks) {
            if (r.block.type != QLatin1String("resource") || r.block.labels.size() < 2)
                continue;
            checkEncryption(module, r, out);
            checkPublicAccess(module, r, out);
            checkIngress(r, out);
            checkTags(r, out);
        }
    }
    return out;
}

void TerraformSecurityChecks::checkEncryption(const TerraformSource& module, const TerraformSourceBlock& r,
                                              QList<Finding>& out) const {
    const QString type = r.block.labels.at(0);
    const QJsonObject a = r.block.toJson();
    const QString address = type + QLatin1Char('.') + r.block.labels.at(1);
    // Explicitly switched off, whatever the resource type.
    for (const QString& key : {QStringLiteral("encrypted"), QStringLiteral("storage_encrypted"),
                               QStringLiteral("at_rest_encryption_enabled"), QStringLiteral("encryption_enabled")}) {
        if (a.value(key).isBool() && !a.value(key).toBool()) {
            const HclAttribute* attr = r.block.attribute(key);
            out.append(make(Finding::Severity::Error, r, attr ? attr->line : 0, QStringLiteral("TF-ENC"),
                            QStringLiteral("storage is not encrypted at rest: %1 = false").arg(key)));
        }
    }
    auto missing = [&](const QString& what) {
        out.append(make(Finding::Severity::Error, r, 0, QStringLiteral("TF-ENC"),
                        QStringLiteral("storage is not encrypted at rest: %1").arg(what)));
    };
    if (type == QLatin1String("aws_s3_bucket")) {
        if (!a.contains(QStringLiteral("server_side_encryption_configuration")) &&
            !referencedBy(module, QStringLiteral("aws_s3_bucket_server_side_encryption_configuration"), address))
            out.append(make(Finding::Severity::Warning, r, 0, QStringLiteral("TF-ENC"),
                            QStringLiteral("bucket has no server-side encryption configuration with a KMS key")));
    } else if ((type == QLatin1String("aws_db_instance") || type == QLatin1String("aws_rds_cluster")) &&
               !a.contains(QStringLiteral("storage_encrypted"))) {
        missing(QStringLiteral("storage_encrypted is not set"));
    } else if ((type == QLatin1String("aws_ebs_volume") || type == QLatin1String("aws_efs_file_system")) &&
               !a.contains(QStringLiteral("encrypted"))) {
        missing(QStringLiteral("encrypted is not set"));
    } else if (type == QLatin1String("aws_elasticache_replication_group") &&
               !a.contains(QStringLiteral("at_rest_encryption_enabled"))) {
        missing(QStringLiteral("at_rest_encryption_enabled is not set"));
    } else if (type == QLatin1String("aws_kinesis_stream") &&
               a.value(QStringLiteral("encryption_type")).toString() != QLatin1String("KMS")) {
        missing(QStringLiteral("encryption_type is not KMS"));
    } else if (type == QLatin1String("aws_sqs_queue") && !a.contains(QStringLiteral("kms_master_key_id")) &&
               !isTrue(a, QStringLiteral("sqs_managed_sse_enabled"))) {
        missing(QStringLiteral("neither kms_master_key_id nor sqs_managed_sse_enabled"));
    }
}

void TerraformSecurityChecks::checkPublicAccess(const TerraformSource& module, const TerraformSourceBlock& r,
                                                QList<Finding>& out) const {
    const QString type = r.block.labels.at(0);
    const QJsonObject a = r.block.toJson();
    const QStringList publicAcls{QStringLiteral("public-read"), QStringLiteral("public-read-write"),
                                 QStringLiteral("authenticated-read")};
    auto error = [&](const QString& key, const QString& message) {
        const HclAttribute* attr = r.block.attribute(key);
        out.append(make(Finding::Severity::Error, r, attr ? attr->line : 0, QStringLiteral("TF-PUB"), message));
    };
    if ((type == QLatin1String("aws_s3_bucket_acl") || type == QLatin1String("aws_s3_bucket")) &&
        publicAcls.contains(a.value(QStringLiteral("acl")).toString()))
        error(QStringLiteral("acl"),
              QStringLiteral("bucket ACL '%1' makes objects public").arg(a.value(QStringLiteral("acl")).toString()));
    if (type == QLatin1String("aws_s3_bucket") &&
        !referencedBy(module, QStringLiteral("aws_s3_bucket_public_access_block"),
                      type + QLatin1Char('.') + r.block.labels.at(1)))
        out.append(make(Finding::Severity::Warning, r, 0, QStringLiteral("TF-PUB"),
                        QStringLiteral("bucket has no aws_s3_bucket_public_access_block")));
    if (type == QLatin1String("aws_s3_bucket_public_access_block")) {
        for (const QString& key : {QStringLiteral("block_public_acls"), QStringLiteral("block_public_policy"),
                                   QStringLiteral("ignore_public_acls"), QStringLiteral("restrict_public_buckets")}) {
            if (!isTrue(a, key))
                error(key, QStringLiteral("public access block does not set %1 = true").arg(key));
        }
    }
    const QStringList everyone{QStringLiteral("allUsers"), QStringLiteral("allAuthenticatedUsers")};
    if ((type.startsWith(QLatin1String("google_storage_bucket_iam"))) &&
        (listHas(a.value(QStringLiteral("member")), everyone) || listHas(a.value(QStringLiteral("members")), everyone)))
        error(a.contains(QStringLiteral("member")) ? QStringLiteral("member") : QStringLiteral("members"),
              QStringLiteral("bucket is granted to allUsers/allAuthenticatedUsers"));
    if (type == QLatin1String("azurerm_storage_account")) {
        for (const QString& key :
             {QStringLiteral("allow_nested_items_to_be_public"), QStringLiteral("allow_blob_public_access")}) {
            if (isTrue(a, key))
                error(key, QStringLiteral("storage account allows public blobs (%1 = true)").arg(key));
        }
    }
    if (type == QLatin1String("azurerm_storage_container")) {
        const QString access = a.value(QStringLiteral("container_access_type")).toString();
        if (access == QLatin1String("blob") || access == QLatin1String("container"))
            error(QStringLiteral("container_access_type"),
                  QStringLiteral("container access type '%1' is public").arg(access));
    }
}

void TerraformSecurityChecks::checkIngress(const TerraformSourceBlock& r, QList<Finding>& out) const {
    const QString type = r.block.labels.at(0);
    const QJsonObject a = r.block.toJson();
    const QStringList anywhere{QStringLiteral("0.0.0.0/0"), QStringLiteral("::/0")};
    const QStringList anywhereAzure{QStringLiteral("*"), QStringLiteral("0.0.0.0/0"), QStringLiteral("Internet"),
                                    QStringLiteral("Any")};
    QList<QJsonObject> openRules;
    if (type == QLatin1String("aws_security_group")) {
        for (const QJsonObject& rule : blocksOf(a, QStringLiteral("ingress"))) {
            if (listHas(rule.value(QStringLiteral("cidr_blocks")), anywhere) ||
                listHas(rule.value(QStringLiteral("ipv6_cidr_blocks")), anywhere))
                openRules.append(rule);
        }
    } else if (type == QLatin1String("aws_security_group_rule")) {
        if (a.value(QStringLiteral("type")).toString() == QLatin1String("ingress") &&
            (listHas(a.value(QStringLiteral("cidr_blocks")), anywhere) ||
             listHas(a.value(QStringLiteral("ipv6_cidr_blocks")), anywhere)))
            openRules.append(a);
    } else if (type == QLatin1String("aws_vpc_security_group_ingress_rule")) {
        if (listHas(a.value(QStringLiteral("cidr_ipv4")), anywhere) ||
            listHas(a.value(QStringLiteral("cidr_ipv6")), anywhere))
            openRules.append(a);
    } else if (type == QLatin1String("google_compute_firewall")) {
        const QString direction = a.value(QStringLiteral("direction")).toString(QStringLiteral("INGRESS"));
        if (direction == QLatin1String("INGRESS") && listHas(a.value(QStringLiteral("source_ranges")), anywhere))
            openRules.append(a);
    } else if (type == QLatin1String("azurerm_network_security_rule") ||
               type == QLatin1String("azurerm_network_security_group")) {
        QList<QJsonObject> rules = type == QLatin1String("azurerm_network_security_rule")
                                       ? QList<QJsonObject>{a}
                                       : blocksOf(a, QStringLiteral("security_rule"));
        for (const QJsonObject& rule : rules) {
            if (rule.value(QStringLiteral("direction")).toString() == QLatin1String("Inbound") &&
                rule.value(QStringLiteral("access")).toString() == QLatin1String("Allow") &&
                listHas(rule.value(QStringLiteral("source_address_prefix")), anywhereAzure))
                openRules.append(rule);
        }
    }
    for (const QJsonObject& rule : std::as_const(openRules)) {
        const bool web = onlyWebPorts(rule);
        out.append(make(web ? Finding::Severity::Warning : Finding::Severity::Error, r, 0, QStringLiteral("TF-NET"),
                        web ? QStringLiteral("ingress open to the internet (0.0.0.0/0) on a web port")
                            : QStringLiteral("ingress open to the internet (0.0.0.0/0 or ::/0)")));
    }
}

bool TerraformSecurityChecks::providerHasDefaultTags(const QString& provider) const {
    for (const TerraformSource& module : m_modules) {
        for (const TerraformSourceBlock& b : module.blocks) {
            if (b.block.type != QLatin1String("provider") || b.block.labels.value(0) != provider)
                continue;
            for (const HclParsedBlock& nested : b.block.blocks) {
                if (nested.type == QLatin1String("default_tags"))
                    return true;
            }
            if (b.block.attribute(QStringLiteral("default_labels")))
                return true;
        }
    }
    return false;
}

void TerraformSecurityChecks::checkTags(const TerraformSourceBlock& r, QList<Finding>& out) const {
    const QString type = r.block.labels.at(0);
    if (!taggedTypes.contains(type))
        return;
    const QString provider = type.section(QLatin1Char('_'), 0, 0);
    const QString key = provider == QLatin1String("google") ? QStringLiteral("labels") : QStringLiteral("tags");
    if (r.block.attribute(key) || r.block.attribute(QStringLiteral("resource_labels")) ||
        providerHasDefaultTags(provider))
        return;
    out.append(make(Finding::Severity::Warning, r, 0, QStringLiteral("TF-TAG"),
                    QStringLiteral("resource has no %1 and the %2 provider sets no default %1").arg(key, provider)));
}

} // namespace mlops
